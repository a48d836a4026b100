from django.conf import settings

from maatwerk.access.rules import client_of, staff_of
from maatwerk.core.navigation import links_for
from maatwerk.organisation.queries import organisation


def maatwerk(request):
    user = getattr(request, "user", None)
    current_staff = staff_of(user) if user is not None else None
    current_client = client_of(user) if user is not None else None
    audience = "staff" if current_staff else "client" if current_client else None
    return {
        "organisation": organisation(),
        "current_staff": current_staff,
        "current_client_user": current_client,
        "nav_links": links_for(user, audience),
        "practice_active": bool(getattr(request, "session", {}).get("practice_client_id")),
        "demo_mode": settings.DEMO_MODE,
    }
