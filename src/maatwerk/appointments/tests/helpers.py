"""Set-up for appointment tests, through the real actions."""

import datetime as dt
import uuid

from django.utils import timezone

from maatwerk.appointments import actions
from maatwerk.appointments.builtin import zone
from maatwerk.appointments.models import AppointmentType, Availability
from maatwerk.core.tests import factories


def kind(code="gesprek-werkplein") -> AppointmentType:
    return AppointmentType.objects.get(code=code)


def available(staff, office, *, days=range(5), starts=dt.time(9), ends=dt.time(17), **extra):
    """Weekly availability for ``staff`` at ``office`` (bulk, as the demo does)."""
    return Availability.objects.bulk_create(
        Availability(staff=staff, office=office, weekday=d, starts=starts, ends=ends, **extra)
        for d in days
    )


def workday(days_ahead: int = 2) -> dt.date:
    """A Monday-to-Friday date at least ``days_ahead`` days from today (within 2 weeks)."""
    day = timezone.localdate() + dt.timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone())


def book(client, office, starts_at, *, user=None, code="gesprek-werkplein", **extra):
    return actions.book(
        client=client,
        office=office,
        kind=kind(code),
        starts_at=starts_at,
        user=user if user is not None else client.user,
        **extra,
    )


def client_with_windows(adviser, windows, **preference):
    return factories.make_client(
        contact_person=adviser,
        user=True,
        bsn=factories.next_bsn(),
        preference={"windows": windows, **preference},
    )


def token() -> uuid.UUID:
    return uuid.uuid4()
