"""The appointments part of `maatwerk demo_data`: weekly availability for every adviser and
e-coach at their offices (bulk rows: a few thousand at 30 offices), and a few appointments for
the `klant` log-in and the demo adviser, booked through the real actions."""

from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from maatwerk.access.rules import current_contact_id
from maatwerk.clients.models import Client
from maatwerk.organisation.models import StaffMember

from . import actions, queries
from .agenda import plugin_for
from .models import AppointmentType, Availability

BLOCKS = [(time(9), time(12)), (time(13), time(16, 30))]
ADVISER_APPOINTMENTS = 4


def _bookable_staff():
    return (
        StaffMember.objects.active()
        .filter(
            roles__permissions__codename="view_own_caseload",
            roles__permissions__content_type__app_label="access",
        )
        .distinct()
        .prefetch_related("offices")
    )


def make_availability() -> int:
    if Availability.objects.exists():
        return 0
    rows = [
        Availability(staff=staff, office=office, weekday=day, starts=starts, ends=ends)
        for staff in _bookable_staff()
        for office in staff.offices.all()
        for day in range(5)
        for starts, ends in BLOCKS
    ]
    Availability.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _free_start(client, office, kind, staff_id, skip: int = 0):
    """A free time with ``staff_id`` that suits the client, ``skip`` suitable times later."""
    today = timezone.localdate()
    slots = plugin_for(office).free_slots(
        office,
        kind,
        today,
        today + timedelta(days=10),
        not_before=queries.not_before(),
        prefer_staff=(staff_id,),
    )
    slots = [s for s in slots if s.staff_ids[0] == staff_id]
    suitable = queries.choices_for(slots, client, office, kind, for_staff=False)
    return suitable[skip * 5].starts_at if len(suitable) > skip * 5 else None


def load(progress=lambda text: None) -> None:
    made = make_availability()
    progress(f"Afspraken: {made} blokken beschikbaarheid.")
    users = {
        u.username: u for u in get_user_model().objects.filter(username__in=["klant", "adviseur"])
    }
    kinds = {k.code: k for k in AppointmentType.objects.filter(is_active=True)}
    office_kind = kinds.get("gesprek-werkplein")
    phone_kind = kinds.get("telefonisch-gesprek")
    klant = getattr(users.get("klant"), "client", None)
    if klant is not None and office_kind is not None:
        starts_at = _free_start(klant, klant.office, office_kind, current_contact_id(klant), 3)
        if starts_at is not None:
            actions.book(
                client=klant,
                office=klant.office,
                kind=office_kind,
                starts_at=starts_at,
                user=users["klant"],
            )
    adviser_user = users.get("adviseur")
    staff = getattr(adviser_user, "staff_member", None)
    if staff is None or phone_kind is None or office_kind is None:
        return
    clients = list(
        Client.objects.real()
        .filter(assignments__staff=staff, assignments__ended_at__isnull=True)
        .exclude(user__username="klant")
        .order_by("pk")[:ADVISER_APPOINTMENTS]
    )
    office = staff.offices.first()
    for number, client in enumerate(clients):
        kind = phone_kind if number % 2 == 0 else office_kind
        starts_at = _free_start(client, office, kind, staff.pk, number)
        if starts_at is None:
            continue
        try:
            actions.book(
                client=client, office=office, kind=kind, starts_at=starts_at, user=adviser_user
            )
        except ValidationError:
            continue  # taken meanwhile: a demo can do without this one
    progress("Afspraken: de demo-adviseur heeft afspraken in de agenda.")
