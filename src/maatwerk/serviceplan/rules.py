"""Who may do what with a client's service plan (object level; permissions say what at all).
Views and actions both ask these (ADR 0023)."""

from maatwerk.access.rules import may_open_file, staff_of
from maatwerk.clients.models import Client

DECIDE = "serviceplan.decide_plan"


def may_decide_plan(user, client: Client) -> bool:
    """Decide a client's plan and record its conversations: the right, and the client's file
    open to this staff member."""
    return staff_of(user) is not None and user.has_perm(DECIDE) and may_open_file(user, client)


def may_see_call_lists_of_others(user) -> bool:
    """Someone else's call list is for managers, who see all their offices' clients."""
    return user.has_perm("access.view_office_clients")
