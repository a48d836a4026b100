"""The cycle knows the agenda: a booked appointment is linked to the conversation it fulfils and
shown; "Gesprek gehouden" only for the conversation that is due, with a confirmation; the portal
says a conversation is booked rather than due; the proposal follows the Werkverkenner; cycle
dates skip public holidays."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from maatwerk.appointments.tests.helpers import at, available, book, workday
from maatwerk.serviceplan import actions, queries
from maatwerk.serviceplan.cycle import Rule, plan_cycle
from maatwerk.serviceplan.models import Conversation, PlanVersion
from maatwerk.timeline.actions import Actor, record_event

from .helpers import TALK, codes, give_band, service

pytestmark = pytest.mark.django_db


def test_cycle_dates_skip_public_holidays():
    # 21 days after 4 December 2026 is Christmas Day (a Friday): the Monday after Boxing Day.
    start = dt.date(2026, 12, 4)
    dates = plan_cycle(start=start, end=None, today=start, rule=Rule())
    assert dates == [dt.date(2026, 12, 28)]
    # 21 days after 4 April 2026 is Saturday 25 April; Monday 27 April is King's Day.
    start = dt.date(2026, 4, 4)
    assert plan_cycle(start=start, end=None, today=start, rule=Rule()) == [dt.date(2026, 4, 28)]
    # Another country's holidays are not ours.
    assert plan_cycle(start=start, end=None, today=start, rule=Rule(), country="BE") == [
        dt.date(2026, 4, 27)
    ]


def test_decided_conversations_are_never_due_on_a_holiday(client_record, adviser):
    actions.decide_plan(
        client=client_record,
        services=[service(TALK)],
        user=adviser.user,
        today=dt.date(2026, 12, 25),
    )
    first = queries.next_conversation(client_record)
    assert first.due_on == dt.date(2026, 12, 28)


@pytest.fixture
def due_plan(client_record, adviser):
    """A decided plan with conversations; the first is due today."""
    actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    first = queries.next_conversation(client_record)
    assert queries.state_of(first, timezone.localdate()) in ("due", "overdue")
    return first


def test_a_booked_appointment_is_linked_and_shown_on_the_plan_page(
    login, office, adviser, client_record, due_plan
):
    available(adviser, office)
    appointment = book(client_record, office, at(workday(3), 10))
    due_plan.refresh_from_db()
    assert due_plan.appointment_ref == str(appointment.pk)
    page = login(adviser.user).get(reverse("serviceplan:plan", args=[client_record.pk]))
    text = page.content.decode()
    assert "Afspraak gemaakt:" in text and f"{workday(3).day} " in text


def test_the_portal_says_booked_not_due(login, office, adviser, client_record, due_plan):
    web = login(client_record.user)
    before = web.get(reverse("serviceplan:mine")).content.decode()
    assert "Het is tijd voor een gesprek" in before
    available(adviser, office)
    book(client_record, office, at(workday(3), 10))
    after = web.get(reverse("serviceplan:mine")).content.decode()
    assert "Het is tijd voor een gesprek" not in after
    assert "U heeft een afspraak met uw adviseur voor dit gesprek" in after
    assert "Maak zelf een afspraak" not in after


def test_gesprek_gehouden_only_for_the_due_conversation_and_with_confirmation(
    login, adviser, client_record, due_plan
):
    later = list(queries.conversations(client_record))[1]
    web = login(adviser.user)
    page = web.get(reverse("serviceplan:plan", args=[client_record.pk])).content.decode()
    assert page.count('name="bevestigd"') == 1
    assert reverse("serviceplan:conversation_held", args=[client_record.pk, later.pk]) not in page

    url = reverse("serviceplan:conversation_held", args=[client_record.pk, due_plan.pk])
    unconfirmed = web.post(url, follow=True).content.decode()
    assert "Vink aan dat je het gesprek echt met de cliënt hebt gehouden." in unconfirmed
    due_plan.refresh_from_db()
    assert due_plan.status == Conversation.Status.PLANNED

    later_url = reverse("serviceplan:conversation_held", args=[client_record.pk, later.pk])
    refused = web.post(later_url, {"bevestigd": "ja"}, follow=True).content.decode()
    assert "Dit gesprek is nog niet aan de beurt." in refused
    later.refresh_from_db()
    assert later.status == Conversation.Status.PLANNED

    web.post(url, {"bevestigd": "ja"})
    due_plan.refresh_from_db()
    assert due_plan.status == Conversation.Status.HELD


def test_the_action_refuses_a_later_conversation(adviser, client_record, due_plan):
    later = list(queries.conversations(client_record))[1]
    with pytest.raises(ValidationError):
        actions.record_conversation_held(conversation=later, user=adviser.user)


def test_the_proposal_refreshes_when_the_werkverkenner_outcome_changes(client_record, adviser):
    give_band(client_record, "75-100", 0.9)
    actions.propose_plan(client=client_record)
    actions.decide_plan(client=client_record, services=[], user=adviser.user)
    assert queries.open_proposal(client_record) is None

    give_band(client_record, "0-25", 0.1)
    record_event(client_record, "werkverkenner.corrected", Actor.client(), {})
    proposal = queries.open_proposal(client_record)
    assert proposal is not None and proposal.band == "0-25"
    assert TALK in codes(proposal)

    # The same outcome again proposes nothing new.
    count = PlanVersion.objects.count()
    record_event(client_record, "werkverkenner.corrected", Actor.client(), {})
    assert PlanVersion.objects.count() == count


def test_a_client_without_a_plan_gets_no_stored_proposal(client_record):
    give_band(client_record, "0-25", 0.1)
    record_event(client_record, "werkverkenner.corrected", Actor.client(), {})
    assert not PlanVersion.objects.exists()
