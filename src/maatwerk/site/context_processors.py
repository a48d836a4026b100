from django.conf import settings

from maatwerk.access.rules import client_of, staff_of
from maatwerk.core.navigation import links_for
from maatwerk.organisation.queries import organisation
from maatwerk.portal.queries import PRACTICE_SESSION_KEY

# The access rule of pages a client sees (``@client_or_practice``, see access.decorators).
CLIENT_PAGE_RULE = "client"
# A staff member holding this reads letters along as a member of the client council: a volunteer,
# not an employee (the same test as ``letters.queries.readers``).
VOLUNTEER_PERMISSION = "letters.comment_as_reader"


def _is_client_page(request) -> bool:
    match = getattr(request, "resolver_match", None)
    rule = getattr(getattr(match, "func", None), "access_rule", None)
    return rule is not None and rule.description == CLIENT_PAGE_RULE


def menu_for(request, current_staff, current_client) -> str | None:
    """Which header a page gets: "client", "staff", or None (not logged in).

    A staff member practising as a client gets the client header on the client's pages, so the
    practice session looks like the portal; their own pages keep the staff header."""
    if current_client is not None:
        return "client"
    if current_staff is None:
        return None
    session = getattr(request, "session", {})
    if session.get(PRACTICE_SESSION_KEY) and _is_client_page(request):
        return "client"
    return "staff"


def maatwerk(request):
    user = getattr(request, "user", None)
    current_staff = staff_of(user) if user is not None else None
    current_client = client_of(user) if user is not None else None
    menu = menu_for(request, current_staff, current_client)
    return {
        "organisation": organisation(),
        "current_staff": current_staff,
        "current_client_user": current_client,
        "menu": menu,
        "nav_links": links_for(user, menu),
        "practice_active": bool(
            current_staff and getattr(request, "session", {}).get(PRACTICE_SESSION_KEY)
        ),
        "is_volunteer": bool(current_staff and user.has_perm(VOLUNTEER_PERMISSION)),
        "demo_mode": settings.DEMO_MODE,
    }
