"""The structure of a questionnaire stays answerable: a condition points only to a question on an
earlier page, never round in a circle, checked over the whole survey on every edit and at
publishing; and bad stored data neither crashes nor loops a client."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from maatwerk.surveys import actions, logic
from maatwerk.surveys.models import Page, Question

EARLIER_ONLY = "Een voorwaarde mag alleen naar een vraag op een eerdere pagina wijzen."


def _two_pages(user, publish=False):
    """Page 1: a (yes/no). Page 2, only when a = ja: b (yes/no). Page 3: c (open, required)."""
    survey = actions.create_survey(user=user, title="Structuur", kind="survey")
    first = survey.pages.get()
    a = actions.save_question(survey=survey, user=user, page=first, kind="yes_no", text="A?")
    second = actions.save_page(
        survey=survey, user=user, title="Tweede", show_if_question=a, show_if_value="ja"
    )
    b = actions.save_question(survey=survey, user=user, page=second, kind="yes_no", text="B?")
    third = actions.save_page(survey=survey, user=user, title="Derde")
    c = actions.save_question(survey=survey, user=user, page=third, kind="text", text="C?")
    if publish:
        actions.publish(survey=survey, user=user)
        survey.refresh_from_db()
    return survey, (first, second, third), (a, b, c)


def test_moving_a_question_after_a_page_that_depends_on_it_is_refused(onderzoeker):
    user = onderzoeker.user
    survey, (_first, _second, third), (a, _b, _c) = _two_pages(user)
    with pytest.raises(ValidationError) as refused:
        actions.save_question(
            survey=survey, user=user, question=a, page=third, kind="yes_no", text="A?"
        )
    assert "Pagina “Tweede” hangt af van vraag v1" in refused.value.message_dict["page"][0]
    assert Question.objects.get(pk=a.pk).page == survey.pages.get(order=1)


def test_a_condition_loop_is_refused_when_editing(onderzoeker):
    """The reported loop: a moves behind b and is shown only if b, while b is shown only if a."""
    user = onderzoeker.user
    survey, (_first, second, third), (a, b, _c) = _two_pages(user)
    actions.save_question(
        survey=survey,
        user=user,
        question=b,
        page=second,
        kind="yes_no",
        text="B?",
        show_if_question=a,
        show_if_value="ja",
    )
    with pytest.raises(ValidationError) as refused:
        actions.save_question(
            survey=survey,
            user=user,
            question=a,
            page=third,
            kind="yes_no",
            text="A?",
            show_if_question=b,
            show_if_value="ja",
        )
    messages = refused.value.message_dict
    assert any("in een kring" in message for message in messages["page"])
    assert Question.objects.get(pk=a.pk).show_if_question is None


def test_the_form_shows_why_next_to_the_field(login, onderzoeker):
    survey, (_first, _second, third), (a, _b, _c) = _two_pages(onderzoeker.user)
    page = login(onderzoeker.user).post(
        reverse("surveys:question_edit", args=[survey.pk, a.pk]),
        {"page": third.pk, "kind": "yes_no", "text": "A?", "required": "on"},
    )
    assert page.status_code == 200
    assert EARLIER_ONLY in page.context["form"].errors["page"][0]
    assert EARLIER_ONLY in page.text


def test_changing_an_answer_a_condition_names_is_refused(onderzoeker):
    user = onderzoeker.user
    survey, (first, _second, _third), (a, _b, _c) = _two_pages(user)
    with pytest.raises(ValidationError) as refused:
        actions.save_question(survey=survey, user=user, question=a, page=first, kind="text")
    assert "kies een antwoord dat bij vraag v1 hoort" in refused.value.message_dict["kind"][0]


def test_publishing_refuses_a_loop_in_stored_data(onderzoeker):
    survey, _pages, (a, b, _c) = _two_pages(onderzoeker.user)
    Question.objects.filter(pk=b.pk).update(show_if_question=a, show_if_value="ja")
    Question.objects.filter(pk=a.pk).update(show_if_question=b, show_if_value="ja")
    with pytest.raises(ValidationError, match="in een kring"):
        actions.publish(survey=survey, user=onderzoeker.user)
    survey.refresh_from_db()
    assert survey.is_draft


def test_publishing_refuses_a_forward_reference_in_stored_data(onderzoeker):
    survey, (_first, second, _third), (_a, _b, c) = _two_pages(onderzoeker.user)
    Page.objects.filter(pk=second.pk).update(show_if_question=c, show_if_value="x")
    with pytest.raises(ValidationError, match="niet op een eerdere pagina"):
        actions.publish(survey=survey, user=onderzoeker.user)


def test_old_problems_can_be_fixed_one_by_one_and_are_listed(login, onderzoeker):
    user = onderzoeker.user
    survey, (first, second, third), (a, b, c) = _two_pages(user)
    Question.objects.filter(pk=a.pk).update(show_if_question=b, show_if_value="ja")
    Question.objects.filter(pk=b.pk).update(show_if_question=a, show_if_value="ja")
    detail = login(user).get(reverse("surveys:detail", args=[survey.pk]))
    assert "Vraag v1 en vraag v2 hangen van elkaar af, in een kring" in detail.text
    # Another edit still works, and the old problems are fixed one at a time.
    actions.save_page(survey=survey, user=user, page=third, title="Derde pagina")
    for question, page in ((b, second), (a, first)):
        actions.save_question(
            survey=survey, user=user, question=question, page=page, show_if_question=None
        )
    actions.publish(survey=survey, user=user)


def test_is_shown_returns_on_a_stored_loop(onderzoeker):
    survey, _pages, (a, b, _c) = _two_pages(onderzoeker.user, publish=True)
    Question.objects.filter(pk=a.pk).update(show_if_question=b, show_if_value="ja")
    Question.objects.filter(pk=b.pk).update(show_if_question=a, show_if_value="ja")
    structure = logic.load(survey)
    answers = {a.code: "ja", b.code: "ja"}
    assert logic.is_shown(structure.by_id[a.pk], structure, answers) is False
    assert logic.is_shown(structure.by_id[b.pk], structure, answers) is False
    assert [p.title for p in logic.shown_pages(structure, answers)][-1] == "Derde"


def test_a_client_page_with_a_stored_loop_is_no_error(login, onderzoeker, client_record):
    survey, _pages, (a, b, _c) = _two_pages(onderzoeker.user, publish=True)
    Question.objects.filter(pk=a.pk).update(show_if_question=b, show_if_value="ja")
    Question.objects.filter(pk=b.pk).update(show_if_question=a, show_if_value="ja")
    web = login(client_record.user)
    started = web.post(reverse("surveys:answer", args=[survey.pk]))
    assert web.get(started.url).status_code == 200


def test_review_sends_the_client_to_the_first_unanswered_page_once(
    login, onderzoeker, client_record
):
    """Page 2 depends on an answer on page 3 (stored before the builder refused that): after
    page 3 the review page must send the client back to page 2, not to itself."""
    user = onderzoeker.user
    survey, (_first, second, _third), (_a, b, c) = _two_pages(user)
    # Make page 3's question a yes/no the client answers, and page 2 wait for it.
    Question.objects.filter(pk=c.pk).update(kind="yes_no")
    Page.objects.filter(pk=second.pk).update(show_if_question=c, show_if_value="ja")
    Question.objects.filter(pk=b.pk).update(required=True)
    survey.status, survey.published_at = "published", survey.created_at
    survey.save(update_fields=["status", "published_at"])

    web = login(client_record.user)
    web.post(reverse("surveys:answer", args=[survey.pk]))
    after_one = web.post(reverse("surveys:page", args=[survey.pk, 1]), {"v1": "nee"})
    assert after_one.url == reverse("surveys:page", args=[survey.pk, 3])
    after_three = web.post(after_one.url, {"v3": "ja"})
    page_two = reverse("surveys:page", args=[survey.pk, 2])
    assert after_three.url == page_two
    review = web.get(reverse("surveys:review", args=[survey.pk]))
    assert review.status_code == 302 and review.url == page_two
    assert web.get(page_two).status_code == 200
    after_two = web.post(page_two, {"v2": "ja"})
    assert web.get(after_two.url).status_code == 200
