"""The cycle follows the appointments app through the timeline (``event_recorded``), so neither
app imports the other: a booked appointment takes the next conversation off the call list, a
cancelled one puts it back, and a held one marks it held.

Receivers run inside the appointment's transaction; they only touch this app's rows."""

from django.dispatch import receiver
from django.utils import timezone

from maatwerk.timeline.actions import Actor, event_recorded, record_event
from maatwerk.timeline.models import TimelineEvent

from .models import Conversation

BOOKED, CANCELLED, HELD = "appointment.booked", "appointment.cancelled", "appointment.held"


def _planned(client_id):
    return Conversation.objects.select_for_update().filter(
        client_id=client_id, status=Conversation.Status.PLANNED
    )


@receiver(event_recorded, sender=TimelineEvent, dispatch_uid="serviceplan-appointments")
def follow_appointments(sender, event: TimelineEvent, **kwargs):
    if event.kind not in {BOOKED, CANCELLED, HELD} or not event.object_id:
        return
    ref = str(event.object_id)
    if event.kind == BOOKED:
        conversation = (
            _planned(event.client_id).filter(appointment_ref="").order_by("due_on").first()
        )
        if conversation is not None:
            conversation.appointment_ref = ref
            conversation.save(update_fields=["appointment_ref"])
    elif event.kind == CANCELLED:
        _planned(event.client_id).filter(appointment_ref=ref).update(appointment_ref="")
    elif event.actor_staff_id is not None:
        planned = _planned(event.client_id)
        conversation = (
            planned.filter(appointment_ref=ref).first() or planned.order_by("due_on").first()
        )
        if conversation is None:
            return
        conversation.status = Conversation.Status.HELD
        conversation.held_on = timezone.localdate(event.occurred_at)
        conversation.held_by_id = event.actor_staff_id
        conversation.appointment_ref = ref
        conversation.save(update_fields=["status", "held_on", "held_by", "appointment_ref"])
        record_event(
            event.client,
            "serviceplan.cycle_followed",
            Actor.of_staff(event.actor_staff),
            {"due_on": conversation.due_on.strftime("%d-%m-%Y")},
            about=conversation,
        )
