"""A client answers a survey page by page: saved per page, resumed, validated, completed once."""

import pytest
from django.urls import reverse

from maatwerk.core.tests import factories
from maatwerk.surveys import queries
from maatwerk.surveys.models import Answer, Response
from maatwerk.surveys.signals import response_completed
from maatwerk.timeline.models import TimelineEvent

PAGE1_OK = {"v1": "4", "v2": "telefoon", "v3": "ja"}


def _page(survey, number):
    return reverse("surveys:page", args=[survey.pk, number])


@pytest.fixture
def answering(login, client_record, survey):
    web = login(client_record.user)
    response = web.post(reverse("surveys:answer", args=[survey.pk]) + "?uitnodiging=abc")
    assert response.status_code == 302
    assert response.url == _page(survey, 1)
    return web


def test_intro_shows_and_starts_once(login, client_record, survey):
    web = login(client_record.user)
    page = web.get(reverse("surveys:answer", args=[survey.pk]))
    assert page.status_code == 200
    assert "Beginnen" in page.text
    web.post(reverse("surveys:answer", args=[survey.pk]))
    web.post(reverse("surveys:answer", args=[survey.pk]))
    assert Response.objects.filter(survey=survey, client=client_record).count() == 1
    assert "Verdergaan" in web.get(reverse("surveys:answer", args=[survey.pk])).text


def test_saved_per_page_and_resumed(answering, survey, client_record):
    saved = answering.post(_page(survey, 1), PAGE1_OK | {"stoppen": "1"})
    assert saved.status_code == 302 and saved.url == reverse("surveys:mine")
    response = Response.objects.get(survey=survey, client=client_record)
    assert response.answers == {"v1": 4, "v2": "telefoon", "v3": "ja"}
    # Coming back later: straight to the page after the last one saved.
    resumed = answering.post(reverse("surveys:answer", args=[survey.pk]))
    assert resumed.url == _page(survey, 2)
    page = answering.get(_page(survey, 2))
    assert "Welke hulp?" in page.text
    # The first page shows the saved answers again.
    first = answering.get(_page(survey, 1))
    assert 'value="telefoon" id="id_v2_0" checked' in first.text


def test_skip_logic_leaves_out_a_page(answering, survey, client_record):
    done = answering.post(_page(survey, 1), PAGE1_OK | {"v3": "nee"})
    assert done.url == reverse("surveys:review", args=[survey.pk])
    # The skipped page cannot be opened directly either.
    assert answering.get(_page(survey, 2)).url == reverse("surveys:review", args=[survey.pk])
    answering.post(reverse("surveys:review", args=[survey.pk]))
    response = Response.objects.get(survey=survey, client=client_record)
    assert response.completed_at is not None
    assert set(response.answers) == {"v1", "v2", "v3"}


def test_changing_an_earlier_answer_drops_answers_of_skipped_questions(answering, survey):
    answering.post(_page(survey, 1), PAGE1_OK)
    answering.post(_page(survey, 2), {"v4": ["cv", "scholing"], "v5": "Prima"})
    answering.post(_page(survey, 1), PAGE1_OK | {"v3": "nee"})
    response = Response.objects.get(survey=survey)
    assert "v4" not in response.answers and "v5" not in response.answers


def test_cannot_jump_ahead(answering, survey):
    assert answering.get(_page(survey, 2)).url == _page(survey, 1)
    assert answering.get(_page(survey, 9)).status_code == 404


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (PAGE1_OK | {"v1": "6"}, "v1", "Kies een getal van 1 tot en met 5."),
        (PAGE1_OK | {"v1": "-1"}, "v1", "Kies een getal van 1 tot en met 5."),
        (PAGE1_OK | {"v1": "drie"}, "v1", "Kies een getal van 1 tot en met 5."),
        (PAGE1_OK | {"v2": "fax"}, "v2", "Kies een van de antwoorden."),
        (PAGE1_OK | {"v3": "misschien"}, "v3", "Kies ja of nee."),
        ({"v1": "3", "v3": "ja"}, "v2", "Beantwoord deze vraag."),
    ],
)
def test_bad_answers_get_a_clear_error_and_nothing_is_lost(answering, survey, data, field, message):
    page = answering.post(_page(survey, 1), data)
    assert page.status_code == 200
    assert message in page.text
    assert f'href="#id_{field}_0"' in page.text  # the error summary links to the field
    response = Response.objects.get(survey=survey)
    assert response.answers == {}
    # What was typed is still on the page.
    if data.get("v3") == "ja":
        assert 'value="ja" id="id_v3_0" checked' in page.text


def test_unknown_option_in_multiple_choice(answering, survey):
    answering.post(_page(survey, 1), PAGE1_OK)
    page = answering.post(_page(survey, 2), {"v4": ["cv", "<script>"]})
    assert "Kies alleen uit de antwoorden die er staan." in page.text
    assert "v4" not in Response.objects.get(survey=survey).answers


def test_complete_once_with_timeline_event_and_signal(
    answering, survey, client_record, django_capture_on_commit_callbacks
):
    received = []

    def receiver(**kwargs):
        received.append(kwargs)

    response_completed.connect(receiver)
    try:
        answering.post(_page(survey, 1), PAGE1_OK)
        answering.post(_page(survey, 2), {"v4": ["cv", "scholing"], "v5": "<b>Goed</b> =1+1"})
        review = answering.get(reverse("surveys:review", args=[survey.pk]))
        assert "&lt;b&gt;Goed&lt;/b&gt;" in review.text and "<b>Goed" not in review.text
        with django_capture_on_commit_callbacks(execute=True):
            with_commit = answering.post(reverse("surveys:review", args=[survey.pk]))
        assert with_commit.url == reverse("surveys:done", args=[survey.pk])
        with django_capture_on_commit_callbacks(execute=True):
            again = answering.post(reverse("surveys:review", args=[survey.pk]))
        assert again.url == reverse("surveys:done", args=[survey.pk])
        assert answering.post(reverse("surveys:answer", args=[survey.pk])).url == reverse(
            "surveys:done", args=[survey.pk]
        )
    finally:
        response_completed.disconnect(receiver)
    response = Response.objects.get(survey=survey)
    assert len(received) == 1
    assert received[0]["invitation_token"] == "abc"
    assert received[0]["client"] == client_record
    # Multiple choice: one row per option, one primary row per question.
    assert Answer.objects.filter(response=response).count() == 6
    assert Answer.objects.filter(response=response, is_primary=True).count() == 5
    assert queries.respondent_client_ids(survey) == {client_record.pk}
    events = TimelineEvent.objects.filter(client=client_record, kind="survey.completed")
    assert events.count() == 1 and events.get().visible_to_client


def test_complete_action_is_idempotent(survey, client_record):
    from maatwerk.surveys import actions

    response = actions.start_response(survey=survey, client=client_record)
    first = survey.pages.order_by("order").first()
    actions.save_answers(
        response=response, page=first, answers={"v1": 2, "v2": "online", "v3": "nee"}
    )
    actions.complete(response=response)
    actions.complete(response=response)
    assert Answer.objects.filter(response=response).count() == 3


def test_closed_and_draft_surveys(login, client_record, onderzoeker, survey):
    from maatwerk.surveys import actions

    from .helpers import build_survey

    web = login(client_record.user)
    draft = build_survey(onderzoeker.user, publish=False, title="Concept")
    assert web.get(reverse("surveys:answer", args=[draft.pk])).status_code == 404
    actions.close(survey=survey, user=onderzoeker.user)
    closed = web.get(reverse("surveys:answer", args=[survey.pk]))
    assert closed.status_code == 410 and "gesloten" in closed.text


def test_client_sees_published_surveys_only(login, client_record, survey, onderzoeker):
    from .helpers import build_survey

    build_survey(onderzoeker.user, publish=False, title="Geheim concept")
    page = login(client_record.user).get(reverse("surveys:mine"))
    assert "Uw ervaring" in page.text and "Geheim concept" not in page.text


def test_another_client_has_their_own_response(login, client_record, survey, adviser):
    other = factories.make_client(contact_person=adviser, user=True)
    web = login(client_record.user)
    web.post(reverse("surveys:answer", args=[survey.pk]))
    web.post(_page(survey, 1), PAGE1_OK)
    web2 = login(other.user)
    assert web2.get(_page(survey, 1)).url == reverse("surveys:answer", args=[survey.pk])
    web2.post(reverse("surveys:answer", args=[survey.pk]))
    page = web2.get(_page(survey, 1))
    assert "checked" not in page.text
