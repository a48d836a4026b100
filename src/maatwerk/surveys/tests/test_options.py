"""Answer options are capped in number and length, and a huge paste is refused quickly."""

import time

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from maatwerk.surveys import actions


@pytest.fixture
def draft(onderzoeker):
    return actions.create_survey(user=onderzoeker.user, title="Opties", kind="survey")


def _post_options(web, survey, options: str):
    return web.post(
        reverse("surveys:question_new", args=[survey.pk]),
        {"page": survey.pages.get().pk, "kind": "single", "text": "Welke?", "options": options},
    )


def test_six_thousand_options_are_refused_quickly(login, onderzoeker, draft):
    web = login(onderzoeker.user)
    _post_options(web, draft, "")  # the first request of a test loads templates: not timed
    pasted = "ab\n" * 6000  # 18 KB, every line the same: the reported slow case
    started = time.perf_counter()
    page = _post_options(web, draft, pasted)
    elapsed = time.perf_counter() - started
    assert elapsed < 1
    assert page.status_code == 200
    assert "Geef hoogstens 50 antwoorden." in page.context["form"].errors["options"]
    assert not draft.questions.exists()


def test_fifty_options_are_fine_and_the_fifty_first_is_refused(login, onderzoeker, draft):
    web = login(onderzoeker.user)
    fifty = "\n".join(f"Antwoord {n}" for n in range(1, 51))
    refused = _post_options(web, draft, fifty + "\nNog een")
    assert "Geef hoogstens 50 antwoorden." in refused.text
    assert not draft.questions.exists()
    assert _post_options(web, draft, fifty).status_code == 302
    assert draft.questions.get().options.count() == 50


@pytest.mark.parametrize("line", ["x" * 201, "Ja | " + "y" * 201])
def test_an_option_over_200_characters_is_refused(login, onderzoeker, draft, line):
    page = _post_options(login(onderzoeker.user), draft, f"Nee\n{line}")
    assert "Antwoord 2 is te lang: gebruik hoogstens 200 tekens." in page.text
    assert not draft.questions.exists()


def test_an_option_of_200_characters_is_kept_whole(login, onderzoeker, draft):
    _post_options(login(onderzoeker.user), draft, "Nee\n" + "x" * 200)
    assert draft.questions.get().options.get(order=2).label == "x" * 200


def test_the_action_itself_refuses_too_many_options(onderzoeker, draft):
    options = [(f"o{n}", f"Optie {n}", "") for n in range(51)]
    with pytest.raises(ValidationError, match="hoogstens 50"):
        actions.save_question(
            survey=draft,
            user=onderzoeker.user,
            page=draft.pages.get(),
            kind="multiple",
            text="Welke?",
            options=options,
        )
    assert not draft.questions.exists()


@override_settings(SURVEY_MAX_OPTIONS=3)
def test_the_number_is_a_setting():
    with pytest.raises(ValidationError, match="hoogstens 3"):
        actions.parse_options("a\nb\nc\nd")


def test_repeated_lines_get_distinct_codes():
    codes = [code for code, _label, _en in actions.parse_options("Ja\nJa\nja-2\nJa")]
    assert codes == ["ja", "ja-2", "ja-2-2", "ja-3"]
