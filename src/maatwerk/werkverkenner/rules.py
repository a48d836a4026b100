"""Who may decide on a werkverkenner invitation (object level; permissions say what at all).
Views and actions both ask these (ADR 0023)."""

from maatwerk.access.rules import client_access

from .models import TriageItem

TRIAGE = "access.triage_werkverkenner"


def may_triage(user, item: TriageItem) -> bool:
    """The right, and the client's file open on a ground (own client, own office): no reason
    opens the work list's items."""
    return user.has_perm(TRIAGE) and client_access(user, item.client).allowed
