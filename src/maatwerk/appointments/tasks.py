"""Background work: e-mails about appointments, and the day-before reminders.

Production runs ``maatwerk appointment_reminders`` every 15 minutes (cron or a systemd timer);
it enqueues ``send_reminder`` for every appointment whose reminder is due, and database workers
(``maatwerk db_worker``) send them. Sending is idempotent: the ``Reminder`` row (unique per
appointment and start time) is written in the same transaction as the mail is handed over, so
a task that runs twice, or a scheduler that overlaps itself, never sends a second reminder.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from . import actions, values
from .models import Appointment
from .preferences import ClientWishes
from .reminders import reminder_due_at

SUBJECTS = {
    "booked": _("U heeft een afspraak"),
    "moved": _("Uw afspraak is verzet"),
    "cancelled": _("Uw afspraak gaat niet door"),
    "reminder": _("Herinnering: morgen heeft u een afspraak"),
}


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def _mail(appointment: Appointment, what: str) -> None:
    # Mail goes out in Dutch: the client's language preference is not yet used for mail.
    with translation.override("nl"):
        subject = str(SUBJECTS[what])
        body = render_to_string(
            f"appointments/email/{what}.txt",
            {
                "appointment": appointment,
                "client": appointment.client,
                "when": values.when_text(appointment.starts_at),
                "place": values.place_text(appointment),
                "link": site_url() + reverse("appointments:detail", args=[appointment.pk]),
            },
        )
    send_mail(subject, body, None, [appointment.client.email])


@task()
def send_appointment_mail(appointment_id: int, what: str) -> str:
    appointment = (
        Appointment.objects.select_related("client", "office", "type", "staff")
        .filter(pk=appointment_id)
        .first()
    )
    if appointment is None or not values.reachable_by_mail(appointment):
        return "skipped"
    _mail(appointment, what)
    return "sent"


@task()
def send_reminder(appointment_id: int) -> str:
    return actions.send_reminder(
        appointment_id, mail=lambda appointment: _mail(appointment, "reminder")
    )


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
