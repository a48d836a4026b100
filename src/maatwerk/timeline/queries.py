from django.db.models import QuerySet

from maatwerk.clients.models import Client

from .models import TimelineEvent


def events_for_staff(client: Client) -> QuerySet[TimelineEvent]:
    return client.timeline_events.select_related("actor_staff").order_by("-occurred_at", "-pk")


def events_for_client(client: Client) -> QuerySet[TimelineEvent]:
    return events_for_staff(client).filter(visible_to_client=True)
