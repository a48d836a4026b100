"""Proposing and deciding a plan, requests and the cycle: one transaction with the timeline,
append-only versions, and a double submit that makes one change."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError

from maatwerk.core.append_only import AppendOnlyError
from maatwerk.core.tests import factories
from maatwerk.serviceplan import actions, queries
from maatwerk.serviceplan.models import Conversation, PlanVersion, ServiceRequest
from maatwerk.timeline.models import TimelineEvent

from .helpers import BASE, NETWORK, ONLINE, TALK, WORKSHOP, codes, give_band, service

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 9, 1)


def kinds(client):
    return list(
        TimelineEvent.objects.filter(client=client, kind__startswith="serviceplan.")
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_proposal_uses_the_latest_band(client_record):
    give_band(client_record, "75-100", 0.9)
    give_band(client_record, "0-25", 0.1)
    version = actions.propose_plan(client=client_record)
    assert version.status == PlanVersion.Status.PROPOSED
    assert version.band == "0-25"
    assert codes(version) == {BASE, TALK, NETWORK}
    assert kinds(client_record) == ["serviceplan.proposed"]
    event = TimelineEvent.objects.get(kind="serviceplan.proposed")
    assert not event.visible_to_client


def test_same_proposal_twice_is_one_version(client_record):
    first = actions.propose_plan(client=client_record)
    assert actions.propose_plan(client=client_record) == first
    assert PlanVersion.objects.count() == 1


def test_accepting_the_proposal_needs_no_reason(client_record, adviser):
    actions.propose_plan(client=client_record)
    version = actions.decide_plan(
        client=client_record, services=[service(TALK)], user=adviser.user, today=TODAY
    )
    assert version.status == PlanVersion.Status.DECIDED
    assert not version.deviates
    assert codes(version) == {BASE, TALK}  # the online base is always in
    assert version.decided_by == adviser
    assert kinds(client_record) == ["serviceplan.proposed", "serviceplan.decided"]
    decided = TimelineEvent.objects.get(kind="serviceplan.decided")
    assert decided.visible_to_client
    assert adviser.full_name in decided.summary


def test_deviating_needs_a_reason_and_is_recorded(client_record, adviser):
    actions.propose_plan(client=client_record)  # no band: base + conversation
    with pytest.raises(ValidationError) as error:
        actions.decide_plan(client=client_record, services=[service(WORKSHOP)], user=adviser.user)
    assert "reason" in error.value.message_dict
    assert PlanVersion.objects.filter(status="decided").count() == 0
    version = actions.decide_plan(
        client=client_record,
        services=[service(WORKSHOP)],
        reason="Cliënt wil eerst in een groep oefenen.",
        user=adviser.user,
    )
    assert version.deviates
    assert codes(version) == {BASE, WORKSHOP}
    reason_event = TimelineEvent.objects.get(kind="serviceplan.decision_reason")
    assert not reason_event.visible_to_client
    assert "in een groep oefenen" in reason_event.summary


def test_a_change_is_a_new_version_and_history_is_kept(client_record, adviser):
    actions.propose_plan(client=client_record)
    first = actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    second = actions.decide_plan(
        client=client_record,
        services=[service(TALK), service(NETWORK)],
        reason="Wil zijn netwerk beter gebruiken.",
        user=adviser.user,
    )
    assert second.number == first.number + 1
    assert queries.current_plan(client_record) == second
    assert [v.number for v in queries.history(client_record)] == [3, 2, 1]
    assert kinds(client_record)[-2:] == ["serviceplan.changed", "serviceplan.decision_reason"]
    with pytest.raises(AppendOnlyError):
        first.save()
    with pytest.raises(AppendOnlyError):
        PlanVersion.objects.filter(pk=first.pk).update(reason="x")


def test_deciding_the_same_plan_again_is_refused(client_record, adviser):
    actions.propose_plan(client=client_record)
    actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    with pytest.raises(ValidationError) as error:
        actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    assert "niet veranderd" in str(error.value)


def test_double_submit_makes_one_decision(client_record, adviser):
    token = uuid.uuid4()
    actions.propose_plan(client=client_record)
    first = actions.decide_plan(
        client=client_record, services=[service(TALK)], user=adviser.user, submission_token=token
    )
    again = actions.decide_plan(
        client=client_record, services=[service(TALK)], user=adviser.user, submission_token=token
    )
    assert again == first
    assert PlanVersion.objects.filter(status="decided").count() == 1
    assert kinds(client_record).count("serviceplan.decided") == 1


def test_token_of_another_client_is_refused(client_record, adviser):
    other = factories.make_client(contact_person=adviser)
    token = uuid.uuid4()
    talk = [service(TALK)]
    actions.decide_plan(
        client=client_record, services=talk, user=adviser.user, submission_token=token
    )
    with pytest.raises(ValidationError):
        actions.decide_plan(client=other, services=talk, user=adviser.user, submission_token=token)
    assert not PlanVersion.objects.filter(plan__client=other, status="decided").exists()


def test_a_failing_timeline_event_rolls_the_decision_back(client_record, adviser, monkeypatch):
    actions.propose_plan(client=client_record)

    def broken(*args, **kwargs):
        raise RuntimeError("timeline down")

    monkeypatch.setattr(actions, "record_event", broken)
    with pytest.raises(RuntimeError):
        actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    assert PlanVersion.objects.filter(status="decided").count() == 0
    assert Conversation.objects.count() == 0


def test_decision_plans_the_conversation_cycle(client_record, adviser):
    give_band(client_record, "0-25", 0.1)
    actions.propose_plan(client=client_record)
    actions.decide_plan(
        client=client_record,
        services=[service(TALK), service(NETWORK)],
        user=adviser.user,
        today=TODAY,
    )
    dates = [c.due_on for c in queries.conversations(client_record)]
    assert dates[0] == dt.date(2026, 9, 15)  # 14 days after the start (band 0-25)
    assert len(dates) == 6  # first + five follow-ups for those who need more help
    assert dates[-1] <= client_record.benefit_expected_end


def test_without_a_conversation_in_the_plan_no_cycle(client_record, adviser):
    give_band(client_record, "75-100", 0.9)
    actions.propose_plan(client=client_record)
    actions.decide_plan(client=client_record, services=[], user=adviser.user, today=TODAY)
    assert not queries.conversations(client_record).exists()


def test_replanning_keeps_held_conversations(client_record, adviser):
    actions.propose_plan(client=client_record)
    actions.decide_plan(
        client=client_record, services=[service(TALK)], user=adviser.user, today=TODAY
    )
    first = queries.next_conversation(client_record)
    actions.record_conversation_held(
        conversation=first, user=adviser.user, held_on=dt.date(2026, 9, 20)
    )
    actions.decide_plan(
        client=client_record,
        services=[service(TALK), service(WORKSHOP)],
        reason="Cliënt wil ook oefenen met solliciteren.",
        user=adviser.user,
        today=dt.date(2026, 9, 21),
    )
    rows = list(queries.conversations(client_record))
    assert rows[0].status == Conversation.Status.HELD
    assert all(row.status == Conversation.Status.PLANNED for row in rows[1:])
    assert Conversation.objects.filter(status=Conversation.Status.CANCELLED).exists()
    held = TimelineEvent.objects.get(kind="serviceplan.conversation_held")
    assert held.visible_to_client


def test_conversation_held_twice_or_in_the_future_is_refused(client_record, adviser):
    actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    conversation = queries.next_conversation(client_record)
    with pytest.raises(ValidationError):
        actions.record_conversation_held(
            conversation=conversation, user=adviser.user, held_on=dt.date(2999, 1, 1)
        )
    actions.record_conversation_held(conversation=conversation, user=adviser.user)
    with pytest.raises(ValidationError):
        actions.record_conversation_held(conversation=conversation, user=adviser.user)


def test_client_request_makes_a_new_proposal_and_the_decision_answers_it(client_record, adviser):
    give_band(client_record, "75-100", 0.9)
    actions.propose_plan(client=client_record)
    actions.decide_plan(client=client_record, services=[], user=adviser.user)
    request = actions.request_service(
        client=client_record,
        service=service(WORKSHOP),
        why="Ik weet niet hoe ik een brief schrijf.",
        user=client_record.user,
    )
    proposal = queries.open_proposal(client_record)
    assert proposal is not None and WORKSHOP in codes(proposal)
    event = TimelineEvent.objects.get(kind="serviceplan.service_requested")
    assert event.actor_type == TimelineEvent.ActorType.CLIENT and event.visible_to_client
    # Saying no to what the client asked is a deviation: it needs a reason.
    with pytest.raises(ValidationError):
        actions.decide_plan(client=client_record, services=[], user=adviser.user)
    version = actions.decide_plan(
        client=client_record,
        services=[],
        reason="Eerst de online training over brieven; daarna kijken we verder.",
        user=adviser.user,
    )
    request.refresh_from_db()
    assert request.answered_in == version
    changed = TimelineEvent.objects.filter(kind="serviceplan.changed").get()
    assert "dit staat nu niet in uw plan" in changed.summary


def test_request_bad_input(client_record):
    with pytest.raises(ValidationError) as error:
        actions.request_service(
            client=client_record, service=service(WORKSHOP), why="   ", user=client_record.user
        )
    assert "why" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        actions.request_service(
            client=client_record, service=service(WORKSHOP), why="x" * 501, user=client_record.user
        )
    assert "why" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        actions.request_service(
            client=client_record, service=service(BASE), why="Graag", user=client_record.user
        )
    assert "service" in error.value.message_dict
    assert not ServiceRequest.objects.exists()


def test_same_request_twice_and_double_submit(client_record):
    token = uuid.uuid4()
    kwargs = {"client": client_record, "service": service(ONLINE), "why": "Thuis leren."}
    first = actions.request_service(**kwargs, user=client_record.user, submission_token=token)
    again = actions.request_service(**kwargs, user=client_record.user, submission_token=token)
    assert again == first
    with pytest.raises(ValidationError) as error:
        actions.request_service(**kwargs, user=client_record.user)
    assert "al om gevraagd" in str(error.value)
    assert ServiceRequest.objects.count() == 1


def test_request_for_what_is_already_in_the_plan(client_record, adviser):
    actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    with pytest.raises(ValidationError) as error:
        actions.request_service(
            client=client_record, service=service(TALK), why="Graag", user=client_record.user
        )
    assert "al in uw plan" in str(error.value)


def test_only_staff_decide(client_record):
    with pytest.raises(ValidationError):
        actions.decide_plan(client=client_record, services=[], user=client_record.user)
    assert not PlanVersion.objects.exists()
