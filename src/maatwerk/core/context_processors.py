from django.conf import settings

from maatwerk.access.rules import client_of, staff_of
from maatwerk.organisation.queries import organisation


def maatwerk(request):
    user = getattr(request, "user", None)
    return {
        "organisation": organisation(),
        "current_staff": staff_of(user) if user is not None else None,
        "current_client_user": client_of(user) if user is not None else None,
        "practice_active": bool(getattr(request, "session", {}).get("practice_client_id")),
        "demo_mode": settings.DEMO_MODE,
    }
