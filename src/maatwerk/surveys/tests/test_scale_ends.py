"""A scale says what its ends mean: next to the lowest and highest number, in the label a screen
reader reads with the number. The question's own words, or a default that fits most questions."""

import pytest
from django.urls import reverse
from django.utils import translation

from maatwerk.surveys import actions
from maatwerk.surveys.forms import AnswerField
from maatwerk.surveys.models import Survey

pytestmark = pytest.mark.django_db


def _scale(user, kind="scale10", **ends):
    survey = actions.create_survey(user=user, title="Aanraden", kind=Survey.Kind.SURVEY)
    question = actions.save_question(
        survey=survey,
        user=user,
        page=survey.pages.get(),
        kind=kind,
        text="Hoe waarschijnlijk is het dat u ons aanraadt?",
        required=True,
        **ends,
    )
    return survey, question


NPS = {
    "low_label": "helemaal niet waarschijnlijk",
    "low_label_en": "not at all likely",
    "high_label": "zeer waarschijnlijk",
    "high_label_en": "extremely likely",
}


def test_the_ends_carry_the_question_own_words(onderzoeker):
    _survey, question = _scale(onderzoeker.user, **NPS)
    with translation.override("nl"):
        labels = [str(label) for _value, label in AnswerField(question).widget.choices]
    assert labels[0] == "0 – helemaal niet waarschijnlijk"
    assert labels[10] == "10 – zeer waarschijnlijk"
    assert labels[1:10] == [str(n) for n in range(1, 10)]
    with translation.override("en"):
        labels = [str(label) for _value, label in AnswerField(question).widget.choices]
    assert labels[0] == "0 – not at all likely" and labels[10] == "10 – extremely likely"


@pytest.mark.parametrize("kind, low, high", [("scale10", 0, 10), ("scale5", 1, 5)])
def test_without_words_the_ends_get_a_default(onderzoeker, kind, low, high):
    _survey, question = _scale(onderzoeker.user, kind=kind)
    with translation.override("nl"):
        labels = [str(label) for _value, label in AnswerField(question).widget.choices]
    assert labels[0] == f"{low} – helemaal niet" and labels[-1] == f"{high} – heel erg"


def test_the_client_sees_the_ends_inside_the_radio_labels(login, onderzoeker, client_record):
    survey, question = _scale(onderzoeker.user, **NPS)
    actions.publish(survey=survey, user=onderzoeker.user)
    web = login(client_record.user)
    web.post(reverse("surveys:answer", args=[survey.pk]))
    page = web.get(reverse("surveys:page", args=[survey.pk, 1])).text
    zero = page.index(f'for="id_{question.code}_0"')
    assert page.index("0 – helemaal niet waarschijnlijk", zero) < page.index("</label>", zero)
    ten = page.index(f'for="id_{question.code}_10"')
    assert page.index("10 – zeer waarschijnlijk", ten) < page.index("</label>", ten)


def test_the_builder_writes_the_ends_and_a_copy_keeps_them(login, onderzoeker):
    web = login(onderzoeker.user)
    survey = actions.create_survey(user=onderzoeker.user, title="Leeg", kind=Survey.Kind.SURVEY)
    form = {
        "page": survey.pages.get().pk,
        "kind": "scale10",
        "text": "Hoe waarschijnlijk is het dat u ons aanraadt?",
        "required": "on",
        **NPS,
    }
    assert web.post(reverse("surveys:question_new", args=[survey.pk]), form).status_code == 302
    question = survey.questions.get()
    assert (question.low_label, question.high_label_en) == (
        "helemaal niet waarschijnlijk",
        "extremely likely",
    )
    edit = web.get(reverse("surveys:question_edit", args=[survey.pk, question.pk])).text
    assert 'value="zeer waarschijnlijk"' in edit
    actions.publish(survey=survey, user=onderzoeker.user)
    copy = actions.copy(survey=survey, user=onderzoeker.user)
    assert copy.questions.get().low_label == "helemaal niet waarschijnlijk"


def test_too_long_words_get_a_clear_error(login, onderzoeker):
    web = login(onderzoeker.user)
    survey = actions.create_survey(user=onderzoeker.user, title="Leeg", kind=Survey.Kind.SURVEY)
    form = {
        "page": survey.pages.get().pk,
        "kind": "scale10",
        "text": "Hoe waarschijnlijk?",
        "low_label": "x" * 81,
    }
    response = web.post(reverse("surveys:question_new", args=[survey.pk]), form)
    assert response.status_code == 200 and not survey.questions.exists()
    assert "niet meer dan 80 tekens" in response.text
