"""Every write to clients and their contact persons. Each runs in one transaction with its
timeline event and audit row."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maatwerk.access.rules import advisers_for, advisers_of_office
from maatwerk.audit import actions as audit
from maatwerk.core import client_events
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


def reassign_contact_person(
    *, client: Client, new_staff: StaffMember, by_user, reason: str
) -> ContactAssignment:
    """Hand a client over to another adviser. The old assignment is closed, never removed."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Geef een reden voor de overdracht.")})
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
        if not advisers_for(client).filter(pk=new_staff.pk).exists():
            raise ValidationError(
                {"new_staff": _("Kies een adviseur die werkt op de vestiging van de cliënt.")}
            )
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
