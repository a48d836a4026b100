"""The built-in agenda: Maatwerk's own availability, absences and appointments."""

from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maatwerk.organisation.models import Office, OpeningHours, StaffMember

from .agenda import AgendaPlugin, Booking, SlotTaken, register
from .models import ACTIVE, Absence, Appointment, AppointmentType, Availability, TimeClaim
from .slots import Agenda, Block, Slot, free_slots, quarters

ALTERNATIVES = 5
ALTERNATIVES_DAYS = 21


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def opening_blocks(office: Office) -> list[Block]:
    return [
        Block(weekday, opens, closes)
        for weekday, opens, closes in OpeningHours.objects.filter(office=office).values_list(
            "weekday", "opens", "closes"
        )
    ]


def _bookable_staff(office: Office):
    return StaffMember.objects.active().filter(availability__office=office).distinct()


def load_agenda(
    office: Office,
    first_day: date,
    last_day: date,
    *,
    staff_ids=None,
    exclude: Appointment | None = None,
) -> Agenda:
    """Opening hours, availability, absences and appointments of an office's bookable staff
    for the days given: four small queries, whatever the size of the database."""
    tz = zone()
    begin = datetime.combine(first_day, datetime.min.time(), tzinfo=tz)
    end = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    rows = Availability.objects.filter(
        office=office, staff__is_active=True, staff__user__is_active=True
    )
    if staff_ids is not None:
        rows = rows.filter(staff_id__in=staff_ids)
    availability: dict[int, list[Block]] = defaultdict(list)
    for staff_id, *block in rows.values_list(
        "staff_id", "weekday", "starts", "ends", "valid_from", "valid_until"
    ):
        availability[staff_id].append(Block(*block))
    busy: dict[int, list] = defaultdict(list)
    ids = list(availability)
    if ids:
        appointments = Appointment.objects.filter(
            staff_id__in=ids, status__in=ACTIVE, starts_at__lt=end, ends_at__gt=begin
        )
        if exclude is not None:
            appointments = appointments.exclude(pk=exclude.pk)
        absences = Absence.objects.filter(staff_id__in=ids, starts_at__lt=end, ends_at__gt=begin)
        for query in (appointments, absences):
            for staff_id, starts, ends in query.values_list("staff_id", "starts_at", "ends_at"):
                busy[staff_id].append((starts, ends))
    return Agenda(opening=opening_blocks(office), availability=dict(availability), busy=busy)


@register("builtin")
class BuiltinAgenda(AgendaPlugin):
    verbose_name = gettext_lazy("Maatwerk (ingebouwd)")

    def products(self, office: Office) -> list[AppointmentType]:
        return list(AppointmentType.objects.filter(is_active=True))

    def free_slots(
        self,
        office,
        kind,
        first_day,
        last_day,
        *,
        not_before,
        prefer_staff=(),
        exclude=None,
        staff_ids=None,
    ) -> list[Slot]:
        agenda = load_agenda(office, first_day, last_day, staff_ids=staff_ids, exclude=exclude)
        return free_slots(
            agenda,
            first_day=first_day,
            last_day=last_day,
            duration=timedelta(minutes=kind.duration_minutes),
            zone=zone(),
            not_before=not_before,
            prefer=prefer_staff,
        )

    def _taken(self, office, kind, starts_at, *, prefer_staff=(), exclude=None) -> SlotTaken:
        tz = zone()
        day = starts_at.astimezone(tz).date()
        alternatives = self.free_slots(
            office,
            kind,
            day,
            day + timedelta(days=ALTERNATIVES_DAYS),
            not_before=starts_at,
            prefer_staff=prefer_staff,
            exclude=exclude,
        )[:ALTERNATIVES]
        return SlotTaken(
            _("Dit tijdstip is net door iemand anders gekozen. Kies een ander tijdstip."),
            alternatives,
        )

    def _free_staff(self, office, kind, starts_at, *, prefer_staff, exclude=None) -> list[int]:
        """Who is free at exactly this start, after locking the candidates' rows."""
        candidates = list(_bookable_staff(office).values_list("pk", flat=True))
        # Lock the candidates so two bookings for the same people wait for each other; the
        # TimeClaim constraint below is the guarantee, the lock makes the loser's message kind.
        list(StaffMember.objects.select_for_update().filter(pk__in=candidates).values("pk"))
        day = starts_at.astimezone(zone()).date()
        for slot in self.free_slots(
            office,
            kind,
            day,
            day,
            not_before=starts_at,
            prefer_staff=prefer_staff,
            exclude=exclude,
        ):
            if slot.starts_at == starts_at:
                return list(slot.staff_ids)
        return []

    def _claim(self, appointment: Appointment) -> None:
        TimeClaim.objects.bulk_create(
            TimeClaim(staff_id=appointment.staff_id, starts_at=at, appointment=appointment)
            for at in quarters(appointment.starts_at, appointment.ends_at)
        )

    def book(self, booking: Booking) -> Appointment:
        free = self._free_staff(
            booking.office, booking.kind, booking.starts_at, prefer_staff=booking.prefer_staff
        )
        if booking.only_staff:
            free = [staff_id for staff_id in free if staff_id in booking.only_staff]
            if not free:
                raise ValidationError(
                    _("Met een oefenaccount maak je alleen een afspraak bij jezelf.")
                )
        if not free:
            raise self._taken(
                booking.office, booking.kind, booking.starts_at, prefer_staff=booking.prefer_staff
            )
        appointment = Appointment(
            client=booking.client,
            staff_id=free[0],
            office=booking.office,
            type=booking.kind,
            starts_at=booking.starts_at,
            ends_at=booking.starts_at + timedelta(minutes=booking.kind.duration_minutes),
            booked_by=booking.booked_by,
            override_reason=booking.override_reason,
            submission_token=booking.submission_token,
        )
        try:
            with transaction.atomic():
                appointment.save()
                self._claim(appointment)
        except IntegrityError as error:
            if (
                booking.submission_token
                and Appointment.objects.filter(submission_token=booking.submission_token).exists()
            ):
                raise
            raise self._taken(booking.office, booking.kind, booking.starts_at) from error
        return appointment

    def cancel(self, appointment: Appointment) -> None:
        TimeClaim.objects.filter(appointment=appointment).delete()

    def move(self, appointment: Appointment, starts_at: datetime) -> Appointment:
        prefer = (appointment.staff_id,)
        free = self._free_staff(
            appointment.office,
            appointment.type,
            starts_at,
            prefer_staff=prefer,
            exclude=appointment,
        )
        if not free:
            raise self._taken(
                appointment.office,
                appointment.type,
                starts_at,
                prefer_staff=prefer,
                exclude=appointment,
            )
        try:
            with transaction.atomic():
                TimeClaim.objects.filter(appointment=appointment).delete()
                appointment.staff_id = free[0]
                appointment.starts_at = starts_at
                appointment.ends_at = starts_at + timedelta(
                    minutes=appointment.type.duration_minutes
                )
                appointment.save(update_fields=["staff", "starts_at", "ends_at"])
                self._claim(appointment)
        except IntegrityError as error:
            raise self._taken(
                appointment.office, appointment.type, starts_at, exclude=appointment
            ) from error
        return appointment
