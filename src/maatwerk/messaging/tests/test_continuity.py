"""Work a departed staff member held goes to the office's unassigned queue (ADR 0032)."""

import pytest
from django.utils import timezone

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.messaging import actions, queries
from maatwerk.messaging.models import FollowUp
from maatwerk.organisation import actions as organisation_actions

from .helpers import client_writes

pytestmark = pytest.mark.django_db


@pytest.fixture
def offline_client(adviser):
    return factories.make_client(
        contact_person=adviser, uses_digital_channels=False, phone="06 12345678"
    )


def test_waiting_threads_and_follow_ups_go_to_the_unassigned_queue(
    adviser, coach, manager, offline_client
):
    answered = client_writes(offline_client, subject="Beantwoord").thread
    actions.reply(thread=answered, author=adviser, body="Antwoord")  # a call task for adviser
    waiting = client_writes(offline_client, subject="Wacht").thread
    actions.take(thread=waiting, by_staff=adviser)
    done = client_writes(offline_client, subject="Klaar").thread
    actions.reply(thread=done, author=adviser, body="Antwoord")
    actions.complete_follow_up(follow_up=FollowUp.objects.get(thread=done), by_staff=adviser)

    organisation_actions.deactivate_staff(staff=adviser, by_user=manager.user)

    follow_up = FollowUp.objects.get(thread=answered)
    assert follow_up.staff is None and follow_up.done_at is None
    assert queries.calls_due(adviser, timezone.localdate() + timezone.timedelta(days=30)) == []
    open_queue = set(queries.inbox(coach, queries.UNASSIGNED))
    assert {answered, waiting} <= open_queue
    assert done not in open_queue  # nothing left to do there
    assert AuditEntry.objects.filter(action="messaging.returned_to_office").count() == 2

    # Whoever takes the thread takes its task.
    actions.take(thread=answered, by_staff=coach)
    follow_up.refresh_from_db()
    assert follow_up.staff == coach


def test_a_follow_up_on_a_colleagues_thread_goes_to_that_colleague(
    adviser, coach, manager, offline_client
):
    thread = client_writes(offline_client).thread
    actions.reply(thread=thread, author=coach, body="Antwoord")  # the contact person calls
    follow_up = FollowUp.objects.get()
    assert follow_up.staff == adviser

    organisation_actions.deactivate_staff(staff=adviser, by_user=manager.user)

    follow_up.refresh_from_db()
    thread.refresh_from_db()
    assert follow_up.staff == coach
    assert thread.assigned_to == coach


def test_leaving_another_office_leaves_this_offices_work(adviser, offline_client):
    thread = client_writes(offline_client).thread
    actions.take(thread=thread, by_staff=adviser)
    organisation_actions.leave_offices(staff=adviser, offices=[factories.OfficeFactory()])
    thread.refresh_from_db()
    assert thread.assigned_to == adviser
