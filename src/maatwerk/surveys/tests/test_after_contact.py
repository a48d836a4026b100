"""Short questions after a contact: created from a real timeline event, answered once, expired
or forged links refused with nothing saved."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from maatwerk.surveys import actions
from maatwerk.surveys.models import ContactQuestion, Response
from maatwerk.timeline.actions import Actor, record_event
from maatwerk.timeline.kinds import register

register("test.conversation_held", "Gesprek", "Gesprek gehad.", staff_summary="Gesprek gehad.")


def _short_survey(user):
    survey = actions.create_survey(user=user, title="Hoe was uw gesprek?", kind="after_contact")
    page = survey.pages.get()
    actions.save_question(
        survey=survey, user=user, page=page, kind="scale5", text="Hoe tevreden?", required=True
    )
    actions.save_question(
        survey=survey, user=user, page=page, kind="text", text="Waarom?", required=False
    )
    actions.save_question(
        survey=survey,
        user=user,
        page=page,
        kind="yes_no",
        text="Mogen we u bellen?",
        required=True,
    )
    return actions.publish(survey=survey, user=user)


@pytest.fixture
def rule(onderzoeker):
    survey = _short_survey(onderzoeker.user)
    return actions.create_rule(
        user=onderzoeker.user,
        event_kind="test.conversation_held",
        survey=survey,
        expires_after_days=7,
    )


@pytest.fixture
def asked(rule, client_record, adviser):
    record_event(client_record, "test.conversation_held", Actor.of_staff(adviser), {})
    return ContactQuestion.objects.get()


def test_a_real_event_creates_a_pending_question(asked, client_record, adviser, login):
    assert asked.client == client_record and asked.staff == adviser
    assert asked.event.kind == "test.conversation_held"
    assert timedelta(days=6, hours=23) < asked.expires_at - timezone.now() <= timedelta(days=7)
    page = login(client_record.user).get(reverse("surveys:mine"))
    assert reverse("surveys:contact", args=[asked.token]) in page.text
    assert adviser.full_name in page.text


def test_other_kinds_and_inactive_rules_ask_nothing(rule, client_record, adviser, onderzoeker):
    record_event(client_record, "survey.completed", Actor.client(), {"title": "x"})
    actions.deactivate_rule(rule=rule, user=onderzoeker.user)
    record_event(client_record, "test.conversation_held", Actor.of_staff(adviser), {})
    assert not ContactQuestion.objects.exists()


def test_answering_links_to_contact_and_staff(asked, client_record, adviser, login):
    web = login(client_record.user)
    url = reverse("surveys:contact", args=[asked.token])
    bad = web.post(url, {"v1": "9", "v3": "ja"})
    assert "Kies een getal van 1 tot en met 5." in bad.text
    assert not Response.objects.exists()
    done = web.post(url, {"v1": "2", "v2": "<b>Te kort</b>", "v3": "ja"})
    assert done.status_code == 302
    response = Response.objects.get()
    assert response.contact_question == asked and response.completed_at
    assert response.contact_question.staff == adviser
    assert response.answers == {"v1": 2, "v2": "<b>Te kort</b>", "v3": "ja"}
    again = web.post(url, {"v1": "5", "v3": "nee"})
    assert "al beantwoord" in again.text and Response.objects.count() == 1


def test_expired_link(asked, client_record, login):
    ContactQuestion.objects.filter(pk=asked.pk).update(expires_at=timezone.now())
    web = login(client_record.user)
    response = web.post(reverse("surveys:contact", args=[asked.token]), {"v1": "4", "v3": "ja"})
    assert response.status_code == 410 and "verlopen" in response.text
    assert not Response.objects.exists()


def test_forged_or_someone_elses_link(asked, adviser, login):
    from maatwerk.core.tests import factories

    other = factories.make_client(contact_person=adviser, user=True)
    web = login(other.user)
    for token in (asked.token, "verzonnen-token"):
        response = web.post(reverse("surveys:contact", args=[token]), {"v1": "4", "v3": "ja"})
        assert response.status_code == 404 and "Deze link klopt niet" in response.text
    assert not Response.objects.exists()


def test_action_refuses_another_client(asked, adviser):
    from maatwerk.core.tests import factories

    other = factories.make_client(contact_person=adviser)
    with pytest.raises(ValidationError):
        actions.answer_contact_question(question=asked, client=other, answers={"v1": 3})


def test_one_active_rule_per_kind(rule, onderzoeker):
    with pytest.raises(ValidationError):
        actions.create_rule(
            user=onderzoeker.user,
            event_kind=rule.event_kind,
            survey=rule.survey,
            expires_after_days=3,
        )


def test_rules_page(login, onderzoeker, rule):
    page = login(onderzoeker.user).get(reverse("surveys:rules"))
    assert page.status_code == 200 and "test.conversation_held" in page.text


def test_a_failing_question_never_breaks_the_contact(rule, client_record, adviser, monkeypatch):
    from maatwerk.surveys import actions as survey_actions
    from maatwerk.timeline.models import TimelineEvent

    def broken(event):
        raise RuntimeError("kapot")

    monkeypatch.setattr(survey_actions, "ask_after_contact", broken)
    record_event(client_record, "test.conversation_held", Actor.of_staff(adviser), {})
    assert TimelineEvent.objects.filter(kind="test.conversation_held").count() == 1
    assert not ContactQuestion.objects.exists()
