"""The cycle follows the appointments app through the timeline (``event_recorded``), so neither
app imports the other: a booked appointment takes the next conversation off the call list, a
cancelled one puts it back, and a held one marks it held (``actions.follow_appointment``).
A changed Werkverkenner outcome refreshes the plan proposal (``actions.follow_werkverkenner``)."""

import logging

from django.db import transaction
from django.dispatch import receiver

from maatwerk.timeline.actions import event_recorded
from maatwerk.timeline.models import TimelineEvent

from .actions import (
    APPOINTMENT_KINDS,
    WERKVERKENNER_KINDS,
    follow_appointment,
    follow_werkverkenner,
)

logger = logging.getLogger(__name__)


@receiver(event_recorded, sender=TimelineEvent, dispatch_uid="serviceplan-appointments")
def follow_appointments(sender, event: TimelineEvent, **kwargs):
    """This runs inside the transaction of the appointment being recorded, so it must never break
    it: the work happens in a savepoint, and an error only loses the cycle's update (logged)."""
    if event.kind not in APPOINTMENT_KINDS:
        return
    try:
        with transaction.atomic():
            follow_appointment(event)
    except Exception:  # noqa: BLE001  (see above: never break the appointment being recorded)
        logger.exception("Could not follow appointment event %s in the service plan", event.pk)


@receiver(event_recorded, sender=TimelineEvent, dispatch_uid="serviceplan-werkverkenner")
def follow_werkverkenner_outcome(sender, event: TimelineEvent, **kwargs):
    """A changed Werkverkenner outcome refreshes the plan proposal; as above, never breaking the
    Werkverkenner's own transaction."""
    if event.kind not in WERKVERKENNER_KINDS:
        return
    try:
        with transaction.atomic():
            follow_werkverkenner(event)
    except Exception:  # noqa: BLE001  (see above)
        logger.exception("Could not refresh the plan proposal after event %s", event.pk)
