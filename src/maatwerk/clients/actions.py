"""Every write to clients and their contact persons. Each runs in one transaction with its
timeline event and audit row."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.access.rules import advisers_for
from maatwerk.audit import actions as audit
from maatwerk.organisation.models import Office, StaffMember
from maatwerk.timeline.actions import Actor, record_event

from .models import Client, ContactAssignment, ContactPreference

ONE_CONTACT_PERSON = _("Deze cliënt heeft al een vaste contactpersoon.")


def _actor_for(staff: StaffMember | None) -> Actor:
    return Actor.of_staff(staff) if staff is not None else Actor.system()


def register_client(
    *,
    bsn: str,
    first_name: str,
    surname: str,
    date_of_birth: date,
    office: Office,
    contact_person: StaffMember,
    benefit_start: date,
    benefit_expected_end: date,
    by_user=None,
    surname_prefix: str = "",
    preference: dict | None = None,
    **details,
) -> Client:
    """Register a new benefit client with their one named contact person."""
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
    client.full_clean()
    if not contact_person.is_active:
        raise ValidationError({"contact_person": _("Deze medewerker is niet meer in dienst.")})
    by_staff = getattr(by_user, "staff_member", None)
    with transaction.atomic():
        client.save()
        ContactPreference.objects.create(client=client, **(preference or {}))
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
