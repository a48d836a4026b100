"""The researcher's builder: questions, options, skip logic, preview, publish, copy, close."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.surveys import actions
from maatwerk.surveys.models import Question, Survey

from .helpers import build_survey


def test_build_through_the_pages(login, onderzoeker):
    web = login(onderzoeker.user)
    created = web.post(
        reverse("surveys:new"), {"title": "Na de workshop", "kind": "survey", "intro": "Hallo"}
    )
    survey = Survey.objects.get(title="Na de workshop")
    assert created.url == reverse("surveys:detail", args=[survey.pk])
    page = survey.pages.get()
    added = web.post(
        reverse("surveys:question_new", args=[survey.pk]),
        {
            "page": page.pk,
            "kind": "single",
            "text": "Was de workshop nuttig?",
            "text_en": "Was it useful?",
            "required": "on",
            "options": "Heel nuttig | Very useful\nNiet nuttig",
        },
    )
    assert added.status_code == 302
    question = survey.questions.get()
    assert [(o.code, o.label, o.label_en) for o in question.options.all()] == [
        ("heel-nuttig", "Heel nuttig", "Very useful"),
        ("niet-nuttig", "Niet nuttig", ""),
    ]
    page2 = web.post(
        reverse("surveys:page_new", args=[survey.pk]),
        {"title": "Waarom niet?", "show_if_question": question.pk, "show_if_value": "niet-nuttig"},
    )
    assert page2.status_code == 302
    assert survey.pages.get(order=2).show_if_question == question
    detail = web.get(reverse("surveys:detail", args=[survey.pk]))
    assert "Was de workshop nuttig?" in detail.text
    preview = web.get(reverse("surveys:preview", args=[survey.pk]))
    assert preview.status_code == 200 and "Heel nuttig" in preview.text
    web.post(reverse("surveys:publish", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.status == "published" and survey.published_at
    assert AuditEntry.objects.filter(action="surveys.published").count() == 1


def test_choice_question_needs_two_options(login, onderzoeker):
    survey = actions.create_survey(user=onderzoeker.user, title="T", kind="survey")
    page = login(onderzoeker.user).post(
        reverse("surveys:question_new", args=[survey.pk]),
        {"page": survey.pages.get().pk, "kind": "multiple", "text": "Wat?", "options": "Een"},
    )
    assert "Geef minstens twee antwoorden" in page.text
    assert not survey.questions.exists()


def test_condition_must_point_back_and_name_a_real_answer(onderzoeker, survey):
    draft = actions.copy(survey=survey, user=onderzoeker.user)
    first = draft.pages.get(order=1)
    hulp = draft.questions.get(code="v3")
    with pytest.raises(ValidationError):
        actions.save_page(
            survey=draft,
            user=onderzoeker.user,
            title="X",
            show_if_question=hulp,
            show_if_value="misschien",
        )
    with pytest.raises(ValidationError):  # a question on the same page
        actions.save_question(
            survey=draft,
            user=onderzoeker.user,
            page=first,
            kind="text",
            text="Later",
            show_if_question=hulp,
            show_if_value="ja",
        )


def test_published_is_immutable_and_copy_is_editable(login, onderzoeker, survey):
    web = login(onderzoeker.user)
    question = survey.questions.get(code="v1")
    web.post(
        reverse("surveys:question_edit", args=[survey.pk, question.pk]),
        {"page": question.page_id, "kind": "scale10", "text": "Anders"},
    )
    question.refresh_from_db()
    assert question.text == "Hoe tevreden bent u?"
    with pytest.raises(ValidationError):
        actions.delete_question(question=question, user=onderzoeker.user)
    copied = web.post(reverse("surveys:copy", args=[survey.pk]))
    draft = Survey.objects.get(copied_from=survey)
    assert copied.url == reverse("surveys:detail", args=[draft.pk])
    assert draft.status == "draft" and draft.questions.count() == 5
    page2 = draft.pages.get(order=2)
    assert page2.show_if_question.survey == draft and page2.show_if_value == "ja"
    assert Question.objects.get(survey=draft, code="v2").options.count() == 3


def test_close_stops_answers(onderzoeker, survey, client_record):
    actions.close(survey=survey, user=onderzoeker.user)
    with pytest.raises(ValidationError):
        actions.start_response(survey=survey, client=client_record)


def test_after_contact_surveys_are_short(onderzoeker):
    survey = build_survey(onderzoeker.user, kind="after_contact", publish=False)
    with pytest.raises(ValidationError, match="hooguit 3 vragen"):
        actions.publish(survey=survey, user=onderzoeker.user)


def test_empty_survey_cannot_be_published(onderzoeker):
    survey = actions.create_survey(user=onderzoeker.user, title="Leeg", kind="survey")
    with pytest.raises(ValidationError):
        actions.publish(survey=survey, user=onderzoeker.user)
