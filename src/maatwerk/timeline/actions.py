"""The one way to add to a client's timeline."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.dispatch import Signal

from maatwerk.clients.models import Client
from maatwerk.organisation.models import StaffMember

from . import kinds
from .models import TimelineEvent

# Sent inside the transaction that records the event (``event=TimelineEvent``). Other apps react
# to contacts through it (the client voice asks a question after a conversation, say) without the
# recording app knowing them. A receiver that raises rolls the whole change back, so keep them safe.
event_recorded = Signal()


@dataclass(frozen=True)
class Actor:
    """Who did something: a named staff member, the client, or the system."""

    type: str
    staff: StaffMember | None = None

    @classmethod
    def of_staff(cls, staff: StaffMember) -> "Actor":
        return cls(TimelineEvent.ActorType.STAFF, staff)

    @classmethod
    def client(cls) -> "Actor":
        return cls(TimelineEvent.ActorType.CLIENT)

    @classmethod
    def system(cls) -> "Actor":
        return cls(TimelineEvent.ActorType.SYSTEM)


def _check_voices(event_kind: kinds.EventKind) -> None:
    """Both audiences that see a kind read it in their own voice (docs/adr/0037)."""
    if event_kind.visible_to_client and not event_kind.speaks(kinds.Voice.CLIENT):
        raise ValueError(f"Timeline kind {event_kind.code!r} has no summary for the client.")
    if event_kind.visible_to_staff and not event_kind.speaks(kinds.Voice.STAFF):
        raise ValueError(f"Timeline kind {event_kind.code!r} has no summary for staff.")


def record_event(
    client: Client,
    kind: str,
    actor: Actor,
    data: dict | None = None,
    *,
    about: models.Model | None = None,
    occurred_at: datetime | None = None,
) -> TimelineEvent:
    """Add an event; call it inside the transaction of the change it describes."""
    event_kind = kinds.get(kind)
    _check_voices(event_kind)
    data = dict(data or {})
    missing = event_kind.fields - data.keys()
    if missing:
        raise ValueError(f"Timeline kind {kind!r} needs {sorted(missing)} in its data.")
    shown = kinds.SHOWN_NAMES & data.keys()
    if shown:
        raise ValueError(f"{sorted(shown)} are filled in when shown; leave them out of the data.")
    if actor.type == TimelineEvent.ActorType.STAFF and actor.staff is None:
        raise ValueError("A staff actor must be a named staff member.")
    if actor.type == TimelineEvent.ActorType.SYSTEM and event_kind.uses_actor():
        raise ValueError(f"Timeline kind {kind!r} names who did it; the system is nobody.")
    event = TimelineEvent(
        client=client,
        kind=kind,
        actor_type=actor.type,
        actor_staff=actor.staff,
        data=data,
        visible_to_client=event_kind.visible_to_client,
    )
    if occurred_at is not None:
        event.occurred_at = occurred_at
    if about is not None:
        event.object_type = ContentType.objects.get_for_model(about)
        event.object_id = str(about.pk)
    with transaction.atomic():
        event.save()
        event_recorded.send(sender=TimelineEvent, event=event)
    return event
