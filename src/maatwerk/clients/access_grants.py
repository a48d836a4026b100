"""A reasoned look into another adviser's client file stays open for a short while."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

SESSION_KEY = "client_access_grants"


def grant(session, client_id: int, reason: str) -> None:
    grants = session.get(SESSION_KEY, {})
    until = timezone.now() + timedelta(minutes=settings.CLIENT_ACCESS_GRANT_MINUTES)
    grants[str(client_id)] = {"reason": reason, "until": until.isoformat()}
    session[SESSION_KEY] = grants


def granted_reason(session, client_id: int) -> str | None:
    found = session.get(SESSION_KEY, {}).get(str(client_id))
    if not found:
        return None
    until = parse_datetime(found["until"])
    if until is None or until < timezone.now():
        return None
    return found["reason"]
