from django.db.models import CharField, QuerySet, Value

from maatwerk.clients.models import Client

from . import kinds
from .models import TimelineEvent


def _events(client: Client) -> QuerySet[TimelineEvent]:
    return client.timeline_events.select_related("actor_staff").order_by("-occurred_at", "-pk")


def _in_voice(events: QuerySet[TimelineEvent], voice: kinds.Voice) -> QuerySet[TimelineEvent]:
    """Every event loaded from ``events`` speaks in ``voice`` (``event.summary``, ``.label``)."""
    return events.annotate(voice=Value(str(voice), output_field=CharField()))


def events_for_staff(client: Client) -> QuerySet[TimelineEvent]:
    """A client's timeline as staff see it (client file, API): without the client-only kinds,
    each event told about the client ("Nicole heeft …")."""
    return _in_voice(_events(client).exclude(kind__in=kinds.client_only()), kinds.Voice.STAFF)


def events_for_client(client: Client) -> QuerySet[TimelineEvent]:
    """A client's timeline as they see it in the portal, each event told to them ("U heeft …")."""
    return _in_voice(_events(client).filter(visible_to_client=True), kinds.Voice.CLIENT)
