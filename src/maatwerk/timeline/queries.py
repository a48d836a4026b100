from django.db.models import QuerySet

from maatwerk.clients.models import Client

from . import kinds
from .models import TimelineEvent


def _events(client: Client) -> QuerySet[TimelineEvent]:
    return client.timeline_events.select_related("actor_staff").order_by("-occurred_at", "-pk")


def events_for_staff(client: Client) -> QuerySet[TimelineEvent]:
    """A client's timeline as staff see it (client file, API): without the client-only kinds."""
    return _events(client).exclude(kind__in=kinds.client_only())


def events_for_client(client: Client) -> QuerySet[TimelineEvent]:
    return _events(client).filter(visible_to_client=True)
