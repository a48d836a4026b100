"""Background work: the day-before reminders (every notice about an appointment goes through the
notification service, ``maatwerk.notifications``: e-mail, a letter or a phone task).

Production runs ``maatwerk appointment_reminders`` every 15 minutes (cron or a systemd timer);
it enqueues ``send_reminder`` for every appointment whose reminder is due, and database workers
(``maatwerk db_worker``) send them. Sending is idempotent: the ``Reminder`` row (unique per
appointment and start time) is written in the same transaction as the reminder's notification, so
a task that runs twice, or a scheduler that overlaps itself, never sends a second reminder.
"""

from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from . import actions
from .models import Appointment
from .preferences import ClientWishes
from .reminders import reminder_due_at


@task()
def send_reminder(appointment_id: int) -> str:
    return actions.send_reminder(appointment_id)


def due_reminders(now=None) -> list[int]:
    """Appointments whose reminder time has come and that have no reminder for their start."""
    now = now or timezone.now()
    candidates = (
        Appointment.objects.filter(
            status=Appointment.Status.BOOKED,
            starts_at__gt=now,
            starts_at__lte=now + timedelta(days=8),
        )
        .exclude(reminders__for_starts_at=F("starts_at"))
        .select_related("client__preference")
        .prefetch_related("client__preference__windows")
    )
    due = []
    for appointment in candidates:
        wishes = ClientWishes.of(appointment.client)
        if reminder_due_at(appointment.starts_at, wishes) <= now:
            due.append(appointment.pk)
    return due


@task()
def schedule_due_reminders() -> int:
    due = due_reminders()
    for pk in due:
        send_reminder.enqueue(pk)
    return len(due)
