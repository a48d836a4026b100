"""Every write to clients and their contact persons. Each runs in one transaction with its
timeline event and audit row."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from maatwerk.access.rules import advisers_for, advisers_of_office, can_reassign, require
from maatwerk.audit import actions as audit
from maatwerk.core import client_events
from maatwerk.core.source_text import source, text_value
from maatwerk.organisation.models import Office, StaffMember
from maatwerk.timeline.actions import Actor, record_event

from .models import Client, ContactAssignment, ContactPreference, ContactWindow
from .validators import validate_bsn

ONE_CONTACT_PERSON = gettext_lazy("Deze cliënt heeft al een vaste contactpersoon.")


DUPLICATE_BSN = "duplicate_bsn"
DUPLICATE_BSN_MESSAGE = gettext_lazy("Er is al een cliënt met dit BSN.")
NOT_IN_SERVICE = gettext_lazy("Deze medewerker is niet meer in dienst.")
NOT_AN_ADVISER_HERE = gettext_lazy(
    "Kies als vaste contactpersoon een adviseur die op deze vestiging werkt."
)
NAIVE_TIME = gettext_lazy("Geef een tijd zonder tijdzone.")
WINDOW_ORDER = gettext_lazy("De eindtijd moet na de begintijd liggen.")
BENEFIT_ORDER = gettext_lazy(
    "Het verwachte einde van de uitkering kan niet vóór het begin van de uitkering liggen."
)
OFFICE_CLOSED = gettext_lazy("Deze vestiging is niet meer actief.")


def _actor_for(staff: StaffMember | None) -> Actor:
    return Actor.of_staff(staff) if staff is not None else Actor.system()


def _bsn_taken(bsn: str) -> bool:
    return Client.objects.filter(bsn=bsn).exists()


def _duplicate_bsn() -> ValidationError:
    return ValidationError({"bsn": ValidationError(DUPLICATE_BSN_MESSAGE, code=DUPLICATE_BSN)})


def _add(errors: dict, field: str, message, code: str) -> None:
    errors.setdefault(field, []).append(ValidationError(message, code=code))


def _clean(instance, errors: dict, prefix: str = "", **kwargs) -> bool:
    """full_clean, with its errors added to `errors` under `prefix`. True when clean."""
    try:
        instance.full_clean(validate_unique=False, validate_constraints=False, **kwargs)
    except ValidationError as error:
        for field, field_errors in error.error_dict.items():
            errors.setdefault(f"{prefix}{field}", []).extend(field_errors)
        return False
    return True


def _contact_windows(windows, errors: dict) -> list[ContactWindow]:
    rows = []
    for n, window in enumerate(windows):
        row = ContactWindow(**window)
        if not _clean(row, errors, f"preference.windows.{n}.", exclude=["preference"]):
            continue
        if row.starts.tzinfo is not None or row.ends.tzinfo is not None:
            _add(errors, f"preference.windows.{n}.starts", NAIVE_TIME, "time_zone")
        elif row.starts >= row.ends:
            _add(errors, f"preference.windows.{n}.ends", WINDOW_ORDER, "window_order")
        else:
            rows.append(row)
    return rows


def register_client(
    *,
    bsn: str,
    first_name: str,
    surname: str,
    date_of_birth: date,
    office: Office,
    contact_person: StaffMember | None,
    benefit_start: date,
    benefit_expected_end: date,
    by_user=None,
    surname_prefix: str = "",
    preference: dict | None = None,
    **details,
) -> Client:
    """Register a new benefit client with their one named contact person (an active adviser of
    the office), their contact preference and the times they may be contacted
    (``preference["windows"]``: dicts with weekday, starts and ends).

    All or nothing, in one transaction with the timeline events and the audit row. Invalid input
    raises ValidationError with a Dutch message per field (``preference.windows.0.ends`` for a
    window); a BSN that is already registered raises it on "bsn" with code "duplicate_bsn", also
    when another registration of the same BSN wins a race.
    """
    preference = dict(preference or {})
    windows = list(preference.pop("windows", None) or [])
    client = Client(
        bsn=bsn,
        first_name=first_name,
        surname_prefix=surname_prefix,
        surname=surname,
        date_of_birth=date_of_birth,
        office=office,
        benefit_start=benefit_start,
        benefit_expected_end=benefit_expected_end,
        **details,
    )
    errors: dict[str, list[ValidationError]] = {}
    _clean(client, errors)
    if not client.bsn and "bsn" not in errors:
        try:
            validate_bsn("")
        except ValidationError as error:
            errors["bsn"] = error.error_list
    start, end = client.benefit_start, client.benefit_expected_end
    if isinstance(start, date) and isinstance(end, date) and end < start:
        _add(errors, "benefit_expected_end", BENEFIT_ORDER, "benefit_order")
    if office is not None and not office.is_active:
        _add(errors, "office", OFFICE_CLOSED, "office_closed")
    if (
        contact_person is None
        or office is None
        or not advisers_of_office(office).filter(pk=contact_person.pk).exists()
    ):
        # Out of service is said only of someone at this office: an id tells nothing more.
        if (
            contact_person is not None
            and office is not None
            and not contact_person.is_active
            and contact_person.offices.filter(pk=office.pk).exists()
        ):
            _add(errors, "contact_person", NOT_IN_SERVICE, "not_in_service")
        else:
            _add(errors, "contact_person", NOT_AN_ADVISER_HERE, "not_an_adviser")
    contact_preference = ContactPreference(**preference)
    _clean(contact_preference, errors, "preference.", exclude=["client"])
    window_rows = _contact_windows(windows, errors)
    if errors:
        raise ValidationError(errors)
    # Only a registration that is otherwise valid is told the BSN is taken (a 409 in the API).
    if _bsn_taken(client.bsn):
        raise _duplicate_bsn()

    by_staff = getattr(by_user, "staff_member", None)
    with transaction.atomic():
        try:
            with transaction.atomic():
                client.save()
        except IntegrityError as error:
            # Another registration of this BSN committed after the check above.
            if _bsn_taken(client.bsn):
                raise _duplicate_bsn() from error
            raise
        contact_preference.client = client
        contact_preference.save()
        for row in window_rows:
            row.preference = contact_preference
        ContactWindow.objects.bulk_create(window_rows)
        assignment = ContactAssignment.objects.create(
            client=client, staff=contact_person, started_at=timezone.now(), assigned_by=by_staff
        )
        actor = _actor_for(by_staff)
        record_event(client, "client.registered", actor, {"office": office.name}, about=client)
        record_event(
            client,
            "contact_person.assigned",
            actor,
            {"staff_name": contact_person.full_name, "job_title": contact_person.job_title},
            about=assignment,
        )
        audit.log("client.registered", user=by_user, client=client, about=client)
        # Other apps' part of a registration (the welcome letter), in the same transaction.
        client_events.client_registered(client, by_user)
    return client


OTHER_OFFICE = gettext_lazy("Kies een adviseur die werkt op de vestiging van de cliënt.")
OUT_OF_SERVICE_CHOSEN = gettext_lazy(
    "%(name)s is niet meer in dienst. Kies een adviseur die in dienst is."
)
NO_REASON = gettext_lazy("Geef een reden voor de overdracht.")
NO_CLIENTS = gettext_lazy("Kies minstens één cliënt.")


def _new_contact_problem(client: Client, new_staff: StaffMember | None) -> str:
    """Why ``new_staff`` cannot become the client's contact person, or "" when they can."""
    if new_staff is None:
        return str(OTHER_OFFICE)
    if advisers_for(client).filter(pk=new_staff.pk).exists():
        return ""
    out_of_service = not StaffMember.objects.active().filter(pk=new_staff.pk).exists()
    if out_of_service and new_staff.offices.filter(pk=client.office_id).exists():
        return str(OUT_OF_SERVICE_CHOSEN % {"name": new_staff.full_name})
    return str(OTHER_OFFICE)


def reassign_contact_person(
    *, client: Client, new_staff: StaffMember, by_user, reason: str
) -> ContactAssignment:
    """Hand a client over to another adviser. The old assignment is closed, never removed."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": NO_REASON})
    by_staff = by_user.staff_member
    with transaction.atomic():
        client = Client.objects.select_for_update().get(pk=client.pk)
        current = (
            ContactAssignment.objects.select_for_update()
            .filter(client=client, ended_at__isnull=True)
            .select_related("staff")
            .first()
        )
        if current is not None and current.staff_id == new_staff.pk:
            raise ValidationError(
                {"new_staff": _("Deze adviseur is al de vaste contactpersoon van de cliënt.")}
            )
        problem = _new_contact_problem(client, new_staff)
        if problem:
            raise ValidationError({"new_staff": problem})
        now = timezone.now()
        if current is not None:
            current.ended_at = now
            current.save(update_fields=["ended_at"])
        try:
            with transaction.atomic():
                assignment = ContactAssignment.objects.create(
                    client=client,
                    staff=new_staff,
                    started_at=now,
                    assigned_by=by_staff,
                    reason=reason,
                )
        except IntegrityError as error:
            raise ValidationError(ONE_CONTACT_PERSON) from error
        record_event(
            client,
            "contact_person.changed",
            Actor.of_staff(by_staff),
            {"staff_name": new_staff.full_name, "job_title": new_staff.job_title},
            about=assignment,
        )
        audit.log(
            "client.contact_person_changed",
            user=by_user,
            client=client,
            about=assignment,
            reason=reason,
            data={"from_staff": current.staff_id if current else None, "to_staff": new_staff.pk},
        )
    return assignment


def reassign_clients(
    *, clients, new_staff: StaffMember | None, by_user, reason: str
) -> list[ContactAssignment]:
    """Give several clients one new contact person, with one reason: all of them or none.

    Each client gets its own closed and new assignment, timeline event and audit row (through
    ``reassign_contact_person``), all in one transaction. Every problem is found before anything
    is written: no clients, no reason, a chosen adviser out of service or of another office."""
    clients = list(clients)
    errors: dict[str, list[ValidationError]] = {}
    if not clients:
        _add(errors, "clients", NO_CLIENTS, "no_clients")
    if not (reason or "").strip():
        _add(errors, "reason", NO_REASON, "no_reason")
    for client in clients:
        require(can_reassign, by_user, client)
        problem = _new_contact_problem(client, new_staff)
        if problem:
            _add(errors, "new_staff", problem, "not_an_adviser")
            break
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return [
            reassign_contact_person(
                client=client, new_staff=new_staff, by_user=by_user, reason=reason
            )
            for client in clients
        ]


def end_contact_person_assignments(departure) -> int:
    """A staff member left service or an office (``core.staff_departure`` hook): close their
    active assignments for the clients concerned, so each client shows up on the office
    manager's list of clients without a contact person. Runs in the departure's transaction."""
    staff = departure.staff
    assignments = ContactAssignment.objects.select_for_update().filter(
        staff=staff, ended_at__isnull=True
    )
    if not departure.out_of_service:
        assignments = assignments.filter(client__office__in=departure.offices)
    by_staff = getattr(departure.by_user, "staff_member", None)
    reason = _("Niet meer in dienst") if departure.out_of_service else _("Werkt niet meer hier")
    now = timezone.now()
    ended = 0
    for assignment in assignments.select_related("client"):
        assignment.ended_at = now
        assignment.save(update_fields=["ended_at"])
        record_event(
            assignment.client,
            "contact_person.ended",
            _actor_for(by_staff),
            {"staff_name": staff.full_name, "job_title": staff.job_title},
            about=assignment,
        )
        audit.log(
            "client.contact_person_ended",
            user=departure.by_user,
            client=assignment.client,
            about=assignment,
            reason=reason,
            data={"from_staff": staff.pk},
        )
        ended += 1
    return ended


def record_file_view(*, user, client: Client, reason: str) -> None:
    """Every staff look into a client file is logged with its ground or the reason given."""
    audit.log("client.file_viewed", user=user, client=client, about=client, reason=reason)


def give_access_reason(*, user, client: Client, reason: str) -> None:
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise ValidationError(
            {"reason": _("Schrijf in minstens 10 tekens waarom je dit dossier opent.")}
        )
    audit.log("client.access_reason_given", user=user, client=client, about=client, reason=reason)


def add_note(*, client: Client, by_user, text: str):
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Schrijf een notitie.")})
    if len(text) > 2000:
        raise ValidationError({"text": _("Een notitie is maximaal 2000 tekens.")})
    with transaction.atomic():
        event = record_event(
            client, "note.added", Actor.of_staff(by_user.staff_member), {"text": text}
        )
        audit.log("client.note_added", user=by_user, client=client, about=event)
    return event


# --- contact preferences the client (or their adviser with them) changes ----------------------

UNKNOWN_CHANNEL = gettext_lazy("Kies een manier van contact uit de lijst.")
UNKNOWN_LEVEL = gettext_lazy("Kies een taalniveau uit de lijst.")
NO_PHONE = gettext_lazy(
    "Wij hebben geen telefoonnummer van u. Kies een andere manier, of geef uw nummer door aan "
    "uw adviseur."
)
NO_ADDRESS = gettext_lazy(
    "Wij hebben geen adres van u. Kies een andere manier, of geef uw adres door aan uw adviseur."
)
NO_EMAIL = gettext_lazy(
    "Wij hebben geen e-mailadres van u. Kies een andere manier, of geef uw e-mailadres door aan "
    "uw adviseur."
)
NO_DIGITAL = gettext_lazy(
    "U gebruikt geen computer of telefoon met internet. Kies telefoon of brief per post."
)
REASON_NEEDED = gettext_lazy("Schrijf waarom je de voorkeuren aanpast.")
TOO_LONG = gettext_lazy("Gebruik maximaal 1000 tekens.")
WINDOW_TIMES = gettext_lazy("Vul een begintijd en een eindtijd in.")
WINDOW_DAY = gettext_lazy("Kies een dag uit de lijst.")


def _channel_errors(client: Client, channel: str) -> str | None:
    Channel = ContactPreference.Channel
    if channel not in Channel.values:
        return UNKNOWN_CHANNEL
    if channel in (Channel.PHONE, Channel.VIDEO) and not client.phone.strip():
        return NO_PHONE
    if channel == Channel.LETTER and not (
        client.street.strip() and client.postal_code.strip() and client.city.strip()
    ):
        return NO_ADDRESS
    if channel == Channel.EMAIL and not client.email.strip():
        return NO_EMAIL
    if channel in (Channel.PORTAL, Channel.EMAIL, Channel.VIDEO) and not (
        client.uses_digital_channels
    ):
        return NO_DIGITAL
    return None


def _preference_windows(windows, errors: dict) -> list[ContactWindow]:
    """Windows from dicts (weekday or None, starts, ends); errors under ``windows.N.field``."""
    from maatwerk.organisation.models import Weekday

    rows = []
    for n, window in enumerate(windows):
        weekday, starts, ends = window.get("weekday"), window.get("starts"), window.get("ends")
        if weekday is not None and weekday not in Weekday.values:
            _add(errors, f"windows.{n}.weekday", WINDOW_DAY, "weekday")
        elif starts is None or ends is None:
            _add(errors, f"windows.{n}.{'ends' if starts else 'starts'}", WINDOW_TIMES, "times")
        elif starts.tzinfo is not None or ends.tzinfo is not None:
            _add(errors, f"windows.{n}.starts", NAIVE_TIME, "time_zone")
        elif starts >= ends:
            _add(errors, f"windows.{n}.ends", WINDOW_ORDER, "window_order")
        else:
            rows.append(ContactWindow(weekday=weekday, starts=starts, ends=ends))
    return rows


def describe_preference(preference: ContactPreference, windows) -> list:
    """How and when the client wants contact, for the timeline: shown as one plain line in the
    reader's language (core.source_text)."""
    times = [
        text_value(
            gettext_noop("%(day)s %(starts)s–%(ends)s"),
            day=source(window.get_weekday_display())
            if window.weekday is not None
            else gettext_noop("elke werkdag"),
            starts=f"{window.starts:%H:%M}",
            ends=f"{window.ends:%H:%M}",
        )
        for window in windows
    ]
    parts = [
        text_value(
            gettext_noop("contact via %(channel)s"),
            channel=source(preference.get_channel_display()),
        ),
        text_value(
            gettext_noop("tijden: %(times)s"),
            times=times or gettext_noop("geen vaste tijden"),
        ),
        text_value(gettext_noop("taalniveau %(level)s"), level=preference.language_level),
    ]
    if preference.accessibility_needs:
        parts.append(
            text_value(
                gettext_noop("toegankelijkheid: %(need)s"), need=preference.accessibility_needs
            )
        )
    return parts


def _snapshot(preference: ContactPreference | None, windows) -> dict:
    if preference is None:
        return {}
    return {
        "channel": preference.channel,
        "language_level": preference.language_level,
        "accessibility_needs": preference.accessibility_needs,
        "notes": preference.notes,
        "windows": sorted(
            (w.weekday if w.weekday is not None else -1, f"{w.starts:%H:%M}", f"{w.ends:%H:%M}")
            for w in windows
        ),
    }


def change_contact_preferences(
    *,
    client: Client,
    by_user,
    channel: str,
    language_level: str,
    windows,
    accessibility_needs: str = "",
    notes: str = "",
    reason: str = "",
) -> ContactPreference:
    """The client, or a staff member with the client, changes how and when the client wants
    contact. The windows (dicts with weekday, starts, ends) replace the old ones.

    A staff member gives a reason and the change is audited; the client (or the owner of a
    practice account) needs none. All or nothing, with one timeline event; invalid input raises
    ValidationError per field (``windows.0.ends`` for a window). An unchanged form writes
    nothing and returns the stored preference."""
    from maatwerk.access.rules import staff_of

    by_staff = staff_of(by_user)
    practice_owner = client.is_practice and by_staff is not None
    practice_owner = practice_owner and client.practice_owner_id == by_staff.pk
    as_staff = by_staff is not None and not practice_owner
    reason = (reason or "").strip()
    accessibility_needs = (accessibility_needs or "").strip()
    notes = (notes or "").strip()
    errors: dict[str, list[ValidationError]] = {}
    channel_error = _channel_errors(client, channel)
    if channel_error:
        _add(errors, "channel", channel_error, "channel")
    if language_level not in ContactPreference.LanguageLevel.values:
        _add(errors, "language_level", UNKNOWN_LEVEL, "language_level")
    if len(accessibility_needs) > 1000:
        _add(errors, "accessibility_needs", TOO_LONG, "max_length")
    if len(notes) > 1000:
        _add(errors, "notes", TOO_LONG, "max_length")
    if as_staff and not reason:
        _add(errors, "reason", REASON_NEEDED, "reason")
    elif len(reason) > 1000:
        _add(errors, "reason", TOO_LONG, "max_length")
    rows = _preference_windows(list(windows or []), errors)
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        client = Client.objects.select_for_update().get(pk=client.pk)
        preference = ContactPreference.objects.filter(client=client).first()
        before = _snapshot(preference, preference.windows.all() if preference else [])
        if preference is None:
            preference = ContactPreference(client=client)
        preference.channel = channel
        preference.language_level = language_level
        preference.accessibility_needs = accessibility_needs
        preference.notes = notes
        if _snapshot(preference, rows) == before:
            return preference
        preference.save()
        preference.windows.all().delete()
        for row in rows:
            row.preference = preference
        ContactWindow.objects.bulk_create(rows)
        actor = Actor.of_staff(by_staff) if as_staff else Actor.client()
        record_event(
            client,
            "contact_preferences.changed",
            actor,
            {"summary": describe_preference(preference, rows)},
            about=preference,
        )
        if as_staff:
            audit.log(
                "client.preferences_changed",
                user=by_user,
                client=client,
                about=preference,
                reason=reason,
                data={"before": before, "after": _snapshot(preference, rows)},
            )
    return preference
