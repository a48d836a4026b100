"""Texts about an appointment, built the same way for the timeline, the views and the e-mails.

Pure: nothing here reads or writes the database beyond the appointment handed in."""

from datetime import datetime

from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_noop

from maatwerk.core.source_text import show, source, text_value

from .builtin import zone
from .models import Appointment, AppointmentType


def when_text(moment: datetime) -> str:
    """'maandag 2 november 2026 om 10:00', in Dutch whatever the request's language: timeline
    data is stored once and read by the client."""
    with translation.override("nl"):
        local = timezone.localtime(moment, zone())
        return formats.date_format(local, "l j F Y") + " om " + local.strftime("%H:%M")


def place_value(appointment: Appointment) -> str | dict:
    """Where, inside a sentence ("…, bij werkplein Amsterdam, Stationsplein 10, …, met …"), as
    stored in timeline data: shown in the reader's language (core.source_text)."""
    kind = appointment.type
    if kind.channel == AppointmentType.Channel.OFFICE:
        return text_value(
            gettext_noop("bij %(werkplein)s, %(address)s"),
            werkplein=appointment.office.werkplein_value,
            address=appointment.office.address,
        )
    return source(AppointmentType.Channel(kind.channel).label)


def place_text(appointment: Appointment) -> str:
    return show(place_value(appointment))


def where_text(appointment: Appointment) -> str:
    """Where, on its own after "Waar:" ("Werkplein Amsterdam, Stationsplein 10, …")."""
    kind = appointment.type
    if kind.channel == AppointmentType.Channel.OFFICE:
        return f"{capfirst(appointment.office.werkplein)}, {appointment.office.address}"
    return capfirst(str(AppointmentType.Channel(kind.channel).label))


def reachable_by_mail(appointment: Appointment) -> bool:
    client = appointment.client
    return bool(client.email) and client.uses_digital_channels
