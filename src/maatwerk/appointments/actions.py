"""Every write about appointments, each in one transaction with its timeline event or audit row.

Public for other apps (the service plan books conversations with these):
``book``, ``move``, ``cancel``, ``record_outcome``, and for availability ``add_availability``,
``remove_availability``, ``add_absence``, ``remove_absence``. Each raises ``ValidationError``
with a Dutch message (``SlotTaken`` with ``alternatives`` when the time is gone).
"""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.access.rules import client_of, staff_of
from maatwerk.audit import actions as audit
from maatwerk.clients.models import Client
from maatwerk.core.source_text import moment_value
from maatwerk.organisation.models import Office, StaffMember
from maatwerk.timeline import kinds as timeline_kinds
from maatwerk.timeline.actions import Actor, record_event

from . import preferences, rules, values
from .agenda import Booking, SlotTaken, plugin_for
from .builtin import opening_blocks, zone
from .models import (
    QUARTER_MINUTES,
    Absence,
    Appointment,
    AppointmentType,
    Availability,
    Reminder,
)
from .slots import within_opening_hours

MIN_REASON_LENGTH = 10
__all__ = [
    "SlotTaken",
    "add_absence",
    "add_availability",
    "book",
    "cancel",
    "move",
    "record_outcome",
    "remove_absence",
    "remove_availability",
    "send_reminder",
]


# --- helpers ------------------------------------------------------------------------------------


def _acting_staff(user, client: Client) -> StaffMember | None:
    """The staff member acting, or None when the client acts (also a practice account's owner
    acting as their practice client)."""
    staff = staff_of(user)
    if staff is None or (client.is_practice and client.practice_owner_id == staff.pk):
        return None
    return staff


def _actor(staff: StaffMember | None) -> Actor:
    return Actor.of_staff(staff) if staff is not None else Actor.client()


def _event_data(appointment: Appointment, kind: str, **extra) -> dict:
    """Exactly the placeholders the kind's summary needs (timeline data holds no more)."""
    known = {
        "kind": appointment.type.name,
        "when": moment_value(appointment.starts_at),
        "place": values.place_value(appointment),
        "staff_name": appointment.staff.full_name,
        "job_title": appointment.staff.job_title,
        "office": appointment.office.name,
        **extra,
    }
    return {name: known[name] for name in timeline_kinds.get(kind).fields}


def _check_time(office: Office, kind: AppointmentType, starts_at: datetime) -> None:
    """Refusals that hold for every agenda system: past, too far ahead, off the grid, closed."""
    if timezone.is_naive(starts_at):
        raise ValidationError(_("Geef een tijdstip met tijdzone."), code="naive_time")
    now = timezone.now()
    if starts_at <= now:
        raise ValidationError(
            _("Dit tijdstip is al voorbij. Kies een tijdstip in de toekomst."), code="past"
        )
    weeks = rules.weeks_ahead(office)
    if starts_at > now + timedelta(weeks=weeks):
        raise ValidationError(
            _("U kunt tot %(weeks)s weken vooruit een afspraak maken.") % {"weeks": weeks},
            code="too_far_ahead",
        )
    local = starts_at.astimezone(zone())
    if local.minute % QUARTER_MINUTES or local.second or local.microsecond:
        raise ValidationError(_("Kies een van de tijden uit de lijst."), code="off_grid")
    ends_at = starts_at + timedelta(minutes=kind.duration_minutes)
    if not within_opening_hours(opening_blocks(office), starts_at, ends_at, zone()):
        raise ValidationError(
            _("De vestiging is dan gesloten. Kies een tijd binnen de openingstijden."),
            code="closed",
        )


def _check_wishes(client, office, kind, starts_at, staff, override_reason) -> list[str]:
    wishes = preferences.ClientWishes.of(client)
    ends_at = starts_at + timedelta(minutes=kind.duration_minutes)
    found = preferences.clashes(wishes, kind, rules.agenda_of(office), starts_at, ends_at, zone())
    if not found:
        return []
    if staff is None:
        raise ValidationError(
            _("Dit tijdstip past niet bij uw voorkeuren. Kies een ander tijdstip."),
            code="preference_clash",
        )
    if len(override_reason.strip()) < MIN_REASON_LENGTH:
        raise ValidationError(
            {
                "override_reason": ValidationError(
                    _(
                        "Dit tijdstip past niet bij de voorkeuren van de cliënt (%(clashes)s). "
                        "Schrijf in minstens 10 tekens waarom je toch dit tijdstip kiest."
                    )
                    % {"clashes": "; ".join(found)},
                    code="preference_clash",
                )
            }
        )
    return found


def _send_on_commit(appointment: Appointment, what: str) -> None:
    """Tell the client through the notification service, in this transaction: e-mail (sent after
    the commit), a letter for print or a phone task, whichever reaches them."""
    from . import notices

    notices.notify(appointment, what)


def _check_may_change(user, appointment: Appointment) -> StaffMember | None:
    """The client themselves, or staff with access to the client; otherwise PermissionDenied."""
    if client_of(user) is not None or staff_of(user) is None:
        if client_of(user) != appointment.client:
            raise PermissionDenied
        return None
    staff = _acting_staff(user, appointment.client)
    if staff is not None and not rules.may_handle(user, appointment):
        raise PermissionDenied
    return staff


# --- booking ------------------------------------------------------------------------------------


def book(
    *,
    client: Client,
    office: Office,
    kind: AppointmentType,
    starts_at: datetime,
    user,
    override_reason: str = "",
    submission_token=None,
) -> Appointment:
    """Book an appointment for ``client`` (by the client, or by staff on their behalf).

    Same token twice: the first appointment is returned. Staff booking a time that clashes with
    the client's preferences must give ``override_reason`` (≥ 10 characters); it is recorded on
    the timeline (staff only) and in the audit log. Clients are never offered such times."""
    if submission_token is not None:
        earlier = _earlier(submission_token, client)
        if earlier is not None:
            return earlier
    if not kind.is_active or not office.is_active:
        raise ValidationError(_("Deze soort afspraak of vestiging is niet beschikbaar."))
    staff = _acting_staff(user, client)
    _check_time(office, kind, starts_at)
    clashes = _check_wishes(client, office, kind, starts_at, staff, override_reason)
    contact = rules.contact_person_id(client)
    try:
        with transaction.atomic():
            appointment = plugin_for(office).book(
                Booking(
                    client=client,
                    office=office,
                    kind=kind,
                    starts_at=starts_at,
                    booked_by=staff,
                    override_reason=override_reason.strip() if clashes else "",
                    submission_token=submission_token,
                    prefer_staff=(contact,) if contact else (),
                    # Practising never takes a real colleague's time from real clients.
                    only_staff=(client.practice_owner_id,) if client.is_practice else (),
                )
            )
            record_event(
                client,
                "appointment.booked",
                _actor(staff),
                _event_data(appointment, "appointment.booked"),
                about=appointment,
            )
            if clashes:
                record_event(
                    client,
                    "appointment.override",
                    _actor(staff),
                    {"clashes": "; ".join(clashes), "reason": appointment.override_reason},
                    about=appointment,
                )
                audit.log(
                    "appointment.override",
                    user=user,
                    client=client,
                    about=appointment,
                    reason=appointment.override_reason,
                    data={"clashes": clashes},
                )
            _send_on_commit(appointment, "booked")
    except IntegrityError:
        # The same token committed by a parallel request between our check and our insert.
        earlier = _earlier(submission_token, client) if submission_token else None
        if earlier is None:
            raise
        return earlier
    return appointment


def _earlier(token, client: Client) -> Appointment | None:
    earlier = Appointment.objects.filter(submission_token=token).first()
    if earlier is not None and earlier.client_id != client.pk:
        raise ValidationError(_("Dit formulier is al gebruikt. Begin opnieuw."))
    return earlier


def move(*, appointment: Appointment, starts_at: datetime, user) -> Appointment:
    """Move a planned appointment to another free time at the same office."""
    staff = _check_may_change(user, appointment)
    if appointment.status != Appointment.Status.BOOKED or appointment.starts_at <= timezone.now():
        raise ValidationError(_("Deze afspraak kan niet meer worden verzet."), code="not_movable")
    if starts_at == appointment.starts_at:
        return appointment
    _check_time(appointment.office, appointment.type, starts_at)
    if staff is None:  # staff moving a conversation agree the new time with the client
        _check_wishes(appointment.client, appointment.office, appointment.type, starts_at, None, "")
    with transaction.atomic():
        locked = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if locked.status != Appointment.Status.BOOKED:
            raise ValidationError(_("Deze afspraak kan niet meer worden verzet."))
        before = moment_value(locked.starts_at)
        moved = plugin_for(locked.office).move(locked, starts_at)
        record_event(
            moved.client,
            "appointment.moved",
            _actor(staff),
            _event_data(moved, "appointment.moved", before=before),
            about=moved,
        )
        _send_on_commit(moved, "moved")
    return moved


def cancel(*, appointment: Appointment, user) -> Appointment:
    """Cancel a planned appointment; cancelling twice changes nothing."""
    staff = _check_may_change(user, appointment)
    with transaction.atomic():
        locked = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if locked.status == Appointment.Status.CANCELLED:
            return locked
        if locked.status != Appointment.Status.BOOKED or locked.starts_at <= timezone.now():
            raise ValidationError(
                _("Deze afspraak is al geweest en kan niet meer worden geannuleerd."),
                code="not_cancellable",
            )
        plugin_for(locked.office).cancel(locked)
        locked.status = Appointment.Status.CANCELLED
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["status", "cancelled_at"])
        record_event(
            locked.client,
            "appointment.cancelled",
            _actor(staff),
            _event_data(locked, "appointment.cancelled"),
            about=locked,
        )
        _send_on_commit(locked, "cancelled")
    return locked


def record_outcome(*, appointment: Appointment, held: bool, user) -> Appointment:
    """Staff mark a conversation as held (timeline kind ``appointment.held``, which other apps
    react to) or as not shown up. Only once, and not before it started."""
    staff = staff_of(user)
    if staff is None or not rules.may_handle(user, appointment):
        raise PermissionDenied
    with transaction.atomic():
        locked = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if locked.status != Appointment.Status.BOOKED:
            raise ValidationError(
                _("Van deze afspraak is de uitkomst al vastgelegd of hij is geannuleerd."),
                code="outcome_known",
            )
        if locked.starts_at > timezone.now():
            raise ValidationError(
                _("Dit gesprek is nog niet begonnen."),
                code="not_started",
            )
        locked.status = Appointment.Status.HELD if held else Appointment.Status.NOT_SHOWN
        locked.save(update_fields=["status"])
        kind = "appointment.held" if held else "appointment.not_shown"
        record_event(
            locked.client, kind, Actor.of_staff(staff), _event_data(locked, kind), about=locked
        )
    return locked


# --- availability (audit log: no client involved) ----------------------------------------------


def _check_manage(user, staff_member: StaffMember, office: Office | None = None) -> None:
    if not rules.may_manage_availability(user, staff_member, office):
        raise PermissionDenied


def add_availability(
    *, staff_member, office, weekday, starts, ends, valid_from=None, valid_until=None, user
) -> Availability:
    _check_manage(user, staff_member, office)
    if not staff_member.offices.filter(pk=office.pk).exists():
        raise ValidationError({"office": _("Deze medewerker werkt niet op deze vestiging.")})
    block = Availability(
        staff=staff_member,
        office=office,
        weekday=weekday,
        starts=starts,
        ends=ends,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    if starts >= ends:
        raise ValidationError({"ends": _("Het eindtijdstip moet na het begintijdstip liggen.")})
    if valid_from and valid_until and valid_from > valid_until:
        raise ValidationError({"valid_until": _("De einddatum moet na de begindatum liggen.")})
    with transaction.atomic():
        block.save()
        audit.log(
            "appointments.availability_added",
            user=user,
            about=block,
            data={"staff": staff_member.pk, "office": office.pk, "block": str(block)},
        )
    return block


def remove_availability(*, block: Availability, user) -> None:
    _check_manage(user, block.staff, block.office)
    with transaction.atomic():
        audit.log(
            "appointments.availability_removed",
            user=user,
            about=block,
            data={"staff": block.staff_id, "office": block.office_id, "block": str(block)},
        )
        block.delete()


def add_absence(*, staff_member, starts_at, ends_at, reason="", user) -> Absence:
    _check_manage(user, staff_member)
    if starts_at >= ends_at:
        raise ValidationError({"ends_at": _("Het einde moet na het begin liggen.")})
    with transaction.atomic():
        absence = Absence.objects.create(
            staff=staff_member, starts_at=starts_at, ends_at=ends_at, reason=reason.strip()
        )
        audit.log(
            "appointments.absence_added",
            user=user,
            about=absence,
            data={"staff": staff_member.pk, "absence": str(absence)},
        )
    return absence


def remove_absence(*, absence: Absence, user) -> None:
    _check_manage(user, absence.staff)
    with transaction.atomic():
        audit.log(
            "appointments.absence_removed",
            user=user,
            about=absence,
            data={"staff": absence.staff_id, "absence": str(absence)},
        )
        absence.delete()


# --- reminders ----------------------------------------------------------------------------------


def send_reminder(appointment_id: int) -> str:
    """The day-before reminder of a booked appointment, once per start time.

    The ``Reminder`` row (unique per appointment and start) is written in one transaction with the
    reminder's notification (e-mail, letter or phone task: never nothing); a task that runs twice
    meets the row (or its unique constraint) and sends nothing."""
    from . import notices

    try:
        with transaction.atomic():
            appointment = (
                Appointment.objects.select_for_update()
                .select_related("client", "office", "type", "staff")
                .filter(pk=appointment_id, status=Appointment.Status.BOOKED)
                .first()
            )
            if appointment is None or appointment.starts_at <= timezone.now():
                return "skipped"
            if appointment.reminders.filter(for_starts_at=appointment.starts_at).exists():
                return "already sent"
            notification = notices.notify(appointment, "reminder")
            Reminder.objects.create(
                appointment=appointment,
                for_starts_at=appointment.starts_at,
                channel=notification.channel,
                sent_at=timezone.now(),
            )
    except IntegrityError:
        return "already sent"
    return "sent"
