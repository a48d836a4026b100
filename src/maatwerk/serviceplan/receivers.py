"""The cycle follows the appointments app through the timeline (``event_recorded``), so neither
app imports the other: a booked appointment takes the next conversation off the call list, a
cancelled one puts it back, and a held one marks it held (``actions.follow_appointment``)."""

import logging

from django.db import transaction
from django.dispatch import receiver

from maatwerk.timeline.actions import event_recorded
from maatwerk.timeline.models import TimelineEvent

from .actions import APPOINTMENT_KINDS, follow_appointment

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
