"""What a client is told about their appointment (booked, moved, cancelled, reminder), handed to
the notification service, which picks e-mail, a letter or a phone task for the client."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maatwerk.notifications import actions as notifications
from maatwerk.notifications.language import in_language_of

from . import values
from .models import Appointment

SUBJECTS = {
    "booked": _("U heeft een afspraak"),
    "moved": _("Uw afspraak is verzet"),
    "cancelled": _("Uw afspraak gaat niet door"),
    "reminder": _("Herinnering: morgen heeft u een afspraak"),
}


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def dedupe_key(appointment: Appointment, what: str) -> str:
    """One notice per appointment for booked and cancelled, one per start time for the others."""
    if what in ("booked", "cancelled"):
        return f"appointment.{what}:{appointment.pk}"
    return f"appointment.{what}:{appointment.pk}:{appointment.starts_at.isoformat()}"


def notify(appointment: Appointment, what: str):
    """Tell the client, inside the caller's transaction; returns the notification."""
    with in_language_of(appointment.client):
        subject = str(SUBJECTS[what])
        text = render_to_string(
            f"appointments/email/{what}.txt",
            {
                "appointment": appointment,
                "client": appointment.client,
                "when": values.when_text(appointment.starts_at),
                "place": values.where_text(appointment),
                "link": site_url() + reverse("appointments:detail", args=[appointment.pk]),
            },
        )
    return notifications.notify(
        client=appointment.client,
        kind=f"appointment.{what}",
        subject=subject,
        text=text,
        about=appointment,
        dedupe_key=dedupe_key(appointment, what),
    )
