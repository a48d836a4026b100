"""Reads about appointments used by the pages, the API and other apps.

Public: ``slot_week`` (free slots for a week, with clashes for staff), ``staff_for_slot`` (with
whom a time would be booked), ``upcoming_for_client``, ``past_for_client``, ``day_agenda``,
``calls_due`` (the call-list source), ``appointment_types``, ``bookable_offices``.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.clients.models import Client
from maatwerk.core.call_list import CallItem
from maatwerk.organisation.models import Office, StaffMember

from . import preferences, rules
from .agenda import plugin_for
from .builtin import zone
from .models import ACTIVE, Appointment, AppointmentType
from .slots import Slot

LEAD_TIME = timedelta(minutes=30)  # a slot must start at least this far ahead


@dataclass(frozen=True)
class SlotChoice:
    starts_at: datetime
    ends_at: datetime
    clashes: tuple[str, ...] = ()
    staff_id: int | None = None  # with whom the agenda would book it now
    staff_name: str = ""
    with_contact_person: bool = False  # the client's own adviser

    @property
    def value(self) -> str:
        return self.starts_at.isoformat()

    @property
    def local_start(self) -> datetime:
        return timezone.localtime(self.starts_at, zone())

    @property
    def local_end(self) -> datetime:
        return timezone.localtime(self.ends_at, zone())


@dataclass(frozen=True)
class SlotWeek:
    week: int
    weeks: int
    first_day: date
    last_day: date
    days: list[tuple[date, list[SlotChoice]]]

    @property
    def count(self) -> int:
        return sum(len(choices) for _day, choices in self.days)

    @property
    def previous(self) -> int | None:
        return self.week - 1 if self.week > 0 else None

    @property
    def next(self) -> int | None:
        return self.week + 1 if self.week + 1 < self.weeks else None


def appointment_types():
    return AppointmentType.objects.filter(is_active=True)


def bookable_offices():
    return Office.objects.filter(is_active=True).order_by("name")


def week_days(week: int) -> tuple[date, date]:
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=week)
    return max(monday, today), monday + timedelta(days=6)


def not_before() -> datetime:
    return timezone.now() + LEAD_TIME


def _bookable_ids(slot: Slot, client: Client) -> tuple[int, ...]:
    """The staff the agenda may book this slot with, best first: a practice account only ever
    books its owner (as ``actions.book`` asks the agenda)."""
    if client.is_practice:
        return tuple(pk for pk in slot.staff_ids if pk == client.practice_owner_id)
    return slot.staff_ids


def choices_for(
    slots: list[Slot], client: Client, office: Office, kind: AppointmentType, *, for_staff: bool
) -> list[SlotChoice]:
    """Slots as choices for a client: clashing ones left out for the client, marked for staff.
    Each names the staff member the agenda would book it with (one query for all names)."""
    wishes = preferences.ClientWishes.of(client)
    agenda = rules.agenda_of(office)
    kept = []
    for slot in slots:
        found = preferences.clashes(wishes, kind, agenda, slot.starts_at, slot.ends_at, zone())
        if found and not for_staff:
            continue
        ids = _bookable_ids(slot, client)
        kept.append((slot, tuple(found), ids[0] if ids else None))
    wanted = {pk for _slot, _found, pk in kept if pk}
    full = {member.pk: member.full_name for member in StaffMember.objects.filter(pk__in=wanted)}
    contact = rules.contact_person_id(client)
    return [
        SlotChoice(
            slot.starts_at,
            slot.ends_at,
            found,
            staff_id=pk,
            staff_name=full.get(pk, ""),
            with_contact_person=pk is not None and pk == contact,
        )
        for slot, found, pk in kept
    ]


def staff_for_slot(
    client: Client, office: Office, kind: AppointmentType, starts_at: datetime
) -> StaffMember | None:
    """With whom booking ``starts_at`` would be now: the agenda's own first choice (the client's
    contact person when free), or None when the time is not free. Someone else may still take
    that person's time before the client confirms; the booking then names who it is with."""
    day = timezone.localtime(starts_at, zone()).date()
    contact = rules.contact_person_id(client)
    for slot in plugin_for(office).free_slots(
        office,
        kind,
        day,
        day,
        not_before=starts_at,
        prefer_staff=(contact,) if contact else (),
    ):
        if slot.starts_at == starts_at:
            ids = _bookable_ids(slot, client)
            return StaffMember.objects.filter(pk=ids[0]).first() if ids else None
    return None


def slot_week(
    office: Office,
    kind: AppointmentType,
    client: Client,
    week: int = 0,
    *,
    for_staff: bool = False,
    exclude: Appointment | None = None,
) -> SlotWeek:
    weeks = rules.weeks_ahead(office)
    week = max(0, min(week, weeks - 1))
    first_day, last_day = week_days(week)
    contact = rules.contact_person_id(client)
    slots = plugin_for(office).free_slots(
        office,
        kind,
        first_day,
        last_day,
        not_before=not_before(),
        prefer_staff=(contact,) if contact else (),
        exclude=exclude,
    )
    horizon = timezone.now() + timedelta(weeks=weeks)
    slots = [slot for slot in slots if slot.starts_at <= horizon]
    choices = choices_for(slots, client, office, kind, for_staff=for_staff)
    return SlotWeek(week, weeks, first_day, last_day, by_day(choices))


def by_day(choices: list[SlotChoice]) -> list[tuple[date, list[SlotChoice]]]:
    days: dict[date, list[SlotChoice]] = {}
    for choice in choices:
        days.setdefault(choice.local_start.date(), []).append(choice)
    return sorted(days.items())


def alternatives_for(error, client, office, kind, *, for_staff=False):
    """The next free slots a SlotTaken error offers, as choices grouped by day."""
    return by_day(
        choices_for(getattr(error, "alternatives", []), client, office, kind, for_staff=for_staff)
    )


def _with_related(queryset):
    return queryset.select_related("office", "type", "staff", "client")


def upcoming_for_client(client: Client):
    return _with_related(
        Appointment.objects.filter(
            client=client, status=Appointment.Status.BOOKED, ends_at__gte=timezone.now()
        )
    ).order_by("starts_at")


def past_for_client(client: Client, limit: int = 20):
    return _with_related(
        Appointment.objects.filter(client=client).exclude(
            status=Appointment.Status.BOOKED, ends_at__gte=timezone.now()
        )
    ).order_by("-starts_at")[:limit]


def last_held_for_client(client: Client) -> Appointment | None:
    """The client's latest appointment that took place: their last contact in person."""
    held = Appointment.objects.filter(client=client, status=Appointment.Status.HELD)
    return _with_related(held).order_by("-starts_at").first()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    tz = zone()
    start = datetime.combine(day, datetime.min.time(), tzinfo=tz)
    return start, datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=tz)


def day_agenda(staff: StaffMember, day: date):
    """The staff member's appointments on a day (cancelled ones left out)."""
    start, end = day_bounds(day)
    return _with_related(
        Appointment.objects.filter(
            staff=staff, status__in=ACTIVE, starts_at__gte=start, starts_at__lt=end
        )
    ).order_by("starts_at")


def calls_due(staff: StaffMember, day: date) -> list[CallItem]:
    """Call-list source: the staff member's phone appointments of the day, at their start."""
    items = []
    for appointment in day_agenda(staff, day).filter(
        type__channel=AppointmentType.Channel.PHONE, status=Appointment.Status.BOOKED
    ):
        local = timezone.localtime(appointment.starts_at, zone())
        items.append(
            CallItem(
                client=appointment.client,
                reason=_("Telefonische afspraak om %(time)s (%(kind)s)")
                % {"time": local.strftime("%H:%M"), "kind": appointment.type.name},
                url=reverse("appointments:staff_detail", args=[appointment.pk]),
                source="appointments",
                not_before=local.time(),
            )
        )
    return items


def open_work(client: Client):
    """Open-work source (``core.open_work``): the client's booked appointments to come."""
    from maatwerk.core.open_work import OpenWork

    return [OpenWork(_("Afspraken"), upcoming_for_client(client).count())]


def clashing_appointments(client: Client):
    """Preference-clash source (core.preference_clashes): the client's booked appointments
    still to come that no longer suit their contact preferences, with why, for the adviser."""
    from maatwerk.core.preference_clashes import Clash

    from .values import when_text

    fresh = Client.objects.filter(pk=client.pk).select_related("preference").first()
    if fresh is None:
        return []
    wishes = preferences.ClientWishes.of(fresh)
    found = []
    for appointment in upcoming_for_client(fresh):
        reasons = preferences.clashes(
            wishes,
            appointment.type,
            rules.agenda_of(appointment.office),
            appointment.starts_at,
            appointment.ends_at,
            zone(),
        )
        if reasons:
            found.append(
                Clash(
                    description=f"{appointment.type.name}, {when_text(appointment.starts_at)}",
                    reasons=tuple(reasons),
                    url=reverse("appointments:staff_detail", args=[appointment.pk]),
                )
            )
    return found
