"""After-contact questions answered by phone: a staff member types in the client's answers.
They count in the results like any answer and are marked in exports; bad input saves nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.surveys import actions, exports
from maatwerk.surveys.models import Answer, ContactQuestion, Response
from maatwerk.timeline.actions import Actor, record_event
from maatwerk.timeline.kinds import register
from maatwerk.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

register("test.phone_conversation", "Gesprek", "Gesprek gehad.", staff_summary="Gesprek gehad.")


@pytest.fixture
def asked(onderzoeker, client_record, adviser):
    user = onderzoeker.user
    survey = actions.create_survey(user=user, title="Hoe was uw gesprek?", kind="after_contact")
    actions.save_question(
        survey=survey, user=user, page=survey.pages.get(), kind="scale5", text="Tevreden?"
    )
    actions.publish(survey=survey, user=user)
    actions.create_rule(
        user=user, event_kind="test.phone_conversation", survey=survey, expires_after_days=7
    )
    record_event(client_record, "test.phone_conversation", Actor.of_staff(adviser), {})
    return ContactQuestion.objects.get()


def _code(question):
    return question.survey.questions.get().code


def test_a_colleague_enters_the_phone_answers_marked_as_such(asked, manager):
    response = actions.enter_contact_answers_by_phone(
        question=asked, by_user=manager.user, answers={_code(asked): 4}
    )
    assert response.entered_by == manager and response.entered_via == "phone"
    response.refresh_from_db()
    assert response.completed_at is not None
    asked.refresh_from_db()
    assert asked.answered_at is not None
    # Real client answers: counted like any other.
    assert Answer.objects.filter(response=response, value=4).exists()
    told = TimelineEvent.objects.get(kind="survey.contact_answered_by_phone")
    assert told.data["staff_name"] == manager.full_name
    assert AuditEntry.objects.filter(action="surveys.contact_answers_entered").count() == 1


def test_the_export_marks_answers_entered_by_staff(asked, manager, client_record, adviser):
    actions.enter_contact_answers_by_phone(
        question=asked, by_user=manager.user, answers={_code(asked): 5}
    )
    record_event(client_record, "test.phone_conversation", Actor.of_staff(adviser), {})
    second = ContactQuestion.objects.filter(answered_at__isnull=True).get()
    actions.answer_contact_question(
        question=second, client=client_record, answers={_code(asked): 3}
    )
    lines = list(exports.rows(asked.survey))
    header, data = lines[0], lines[1:]
    column = header.index("ingevoerd_door_medewerker")
    marks = sorted(row[column] for row in data)
    assert marks == [0, 1]
    text, _count = exports.to_csv(exports.rows(asked.survey))
    assert "ingevoerd_door_medewerker" in text.decode("utf-8-sig")
    book = [row[0] for row in exports.codebook(asked.survey)]
    assert "ingevoerd_door_medewerker" in book


def test_not_about_your_own_contact(asked, adviser):
    with pytest.raises(ValidationError, match="eigen contact"):
        actions.enter_contact_answers_by_phone(
            question=asked, by_user=adviser.user, answers={_code(asked): 4}
        )
    assert not Response.objects.exists()


def test_not_for_a_client_outside_reach(asked, other_adviser):
    with pytest.raises(ValidationError, match="niet onder jou"):
        actions.enter_contact_answers_by_phone(
            question=asked, by_user=other_adviser.user, answers={_code(asked): 4}
        )
    assert not Response.objects.exists()


def test_answered_twice_is_refused_and_nothing_changes(asked, manager, client_record):
    actions.answer_contact_question(question=asked, client=client_record, answers={_code(asked): 2})
    with pytest.raises(ValidationError, match="al beantwoord"):
        actions.enter_contact_answers_by_phone(
            question=asked, by_user=manager.user, answers={_code(asked): 5}
        )
    assert Response.objects.get().entered_by is None


def test_a_missing_required_answer_saves_nothing(asked, manager):
    with pytest.raises(ValidationError):
        actions.enter_contact_answers_by_phone(question=asked, by_user=manager.user, answers={})
    assert not Response.objects.exists()
    asked.refresh_from_db()
    assert asked.answered_at is None
    assert not TimelineEvent.objects.filter(kind="survey.contact_answered_by_phone").exists()


def test_the_staff_pages(asked, manager, login, client_record):
    web = login(manager.user)
    listing = web.get(reverse("surveys:contact_phone_list", args=[client_record.pk]))
    assert reverse("surveys:contact_phone", args=[asked.pk]) in listing.text
    url = reverse("surveys:contact_phone", args=[asked.pk])
    empty = web.post(url, {})
    assert empty.status_code == 200 and not Response.objects.exists()
    done = web.post(url, {_code(asked): "4"})
    assert done.status_code == 302
    assert Response.objects.get().entered_by == manager
    again = web.get(url)
    assert again.status_code == 302  # answered: back to the list, said on top


def test_the_page_refuses_your_own_contact(asked, adviser, login):
    web = login(adviser.user)
    assert web.get(reverse("surveys:contact_phone", args=[asked.pk])).status_code == 403
