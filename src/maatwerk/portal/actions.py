"""'Try as client': a staff member's own practice account, marked as such everywhere."""

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from maatwerk.audit import actions as audit
from maatwerk.clients.models import Client, ContactAssignment, ContactPreference
from maatwerk.organisation.models import StaffMember
from maatwerk.timeline.actions import Actor, record_event


def open_practice_account(*, staff: StaffMember) -> Client:
    """Return the staff member's practice client, creating it the first time."""
    with transaction.atomic():
        existing = Client.objects.select_for_update().filter(practice_owner=staff).first()
        if existing is not None:
            return existing
        today = timezone.localdate()
        office = staff.offices.order_by("name").first()
        if office is None:
            raise ValueError("A staff member needs an office to practise as a client.")
        client = Client.objects.create(
            is_practice=True,
            practice_owner=staff,
            first_name=staff.first_name,
            surname_prefix=staff.surname_prefix,
            surname=staff.surname,
            date_of_birth=today - relativedelta(years=40),
            email=staff.email,
            office=office,
            benefit_start=today,
            benefit_expected_end=today + relativedelta(months=7),
        )
        ContactPreference.objects.create(client=client)
        assignment = ContactAssignment.objects.create(
            client=client, staff=staff, started_at=timezone.now(), assigned_by=staff
        )
        actor = Actor.of_staff(staff)
        record_event(client, "practice.started", actor, about=client)
        record_event(
            client,
            "contact_person.assigned",
            actor,
            {"staff_name": staff.full_name, "job_title": staff.job_title},
            about=assignment,
        )
        audit.log("practice.opened", user=staff.user, client=client, about=client)
    return client
