"""A client who chose English reads English: the pages, and what Maatwerk stored for them
(timeline data, shipped services and questions), while their adviser still reads Dutch.
docs/adr/0041-english-follows-the-client.md"""

import datetime as dt
import re
import uuid

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import formats, translation

from maatwerk.appointments.tests import helpers as appointments
from maatwerk.clients import actions as client_actions
from maatwerk.feedback import actions as feedback_actions
from maatwerk.messaging import actions as messaging_actions
from maatwerk.notifications.models import Notification
from maatwerk.timeline.models import TimelineEvent
from maatwerk.werkverkenner import model_store
from maatwerk.werkverkenner.demo import fill_in
from maatwerk.werkverkenner.questionnaire import read
from maatwerk.werkverkenner.tests.helpers import NEEDS_HELP, activate_test_model

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_dutch_first")]

# Dutch that an English page must not show: stored labels, job titles, date words, band text.
DUTCH = ["Adviseur werk", "klacht", "ontvangen", "uiterlijk", " om ", "tot 25%", "Mensen van uw"]


@pytest.fixture
def _dutch_first():
    with override_settings(LANGUAGE_CODE="nl"):
        yield


@pytest.fixture
def english(client, client_record):
    """The client logged in, English chosen with the language switch."""
    client.force_login(client_record.user)
    client.post(reverse("set_language"), {"language": "en", "next": "/mijn/"})
    return client


def _no_dutch(text: str) -> None:
    found = [word for word in DUTCH if word in text]
    assert not found, f"Dutch on an English page: {found}"


def test_home_and_timeline_follow_the_english_client(english, client_record, adviser, office):
    appointments.available(adviser, office)
    when = appointments.at(appointments.workday(), 10)
    with translation.override("en"):  # what the client does in English is stored in Dutch
        appointments.book(client_record, office, when)
        item = feedback_actions.submit_feedback(
            client=client_record,
            kind="complaint",
            text="The letter came too late.",
            wants_answer=True,
            token=uuid.uuid4(),
        )
        client_actions.change_contact_preferences(
            client=client_record,
            by_user=client_record.user,
            channel="email",
            language_level="B1",
            windows=[{"weekday": None, "starts": dt.time(10), "ends": dt.time(17)}],
        )
    home = english.get(reverse("portal:home")).text
    assert "My adviser" in home and "Work adviser" in home
    assert "Personal conversation at the office on " in home and " at 10:00, at the " in home
    assert "You sent us feedback (kind: complaint)." in home
    with translation.override("en"):
        deadline = formats.date_format(item.deadline, "j F Y")
    assert f"You will get an answer by {deadline}." in home
    assert re.search(r"contact by e-?mail, times: every working day 10:00–17:00", home)
    _no_dutch(home)
    # The adviser reads the same events in Dutch.
    with translation.override("nl"):
        summaries = [e.summary for e in TimelineEvent.objects.filter(client=client_record)]
    assert any("U stuurde ons een reactie (soort: klacht)." in summary for summary in summaries)
    assert any(" om 10:00, bij werkplein " in summary for summary in summaries)
    assert any("elke werkdag 10:00–17:00" in summary for summary in summaries)


def test_feedback_status_is_english(english, client_record, adviser):
    feedback_actions.submit_feedback(
        client=client_record,
        kind="suggestion",
        text="Langer open op vrijdag.",
        wants_answer=True,
        token=uuid.uuid4(),
    )
    overview = english.get(reverse("feedback:client_overview")).text
    assert "Received" in overview and "Suggestion" in overview
    _no_dutch(overview)


def test_werkverkenner_result_band_and_explanation_are_english(english, client_record):
    model_store.forget()
    activate_test_model()
    fill_in(client_record, NEEDS_HELP, user=client_record.user)
    result = english.get(reverse("werkverkenner:result")).text
    assert "0 to 25%" in result or "25 to 50%" in result
    assert "What you can change yourself" in result
    # The explanation sentences come from the questionnaire data, translated when shown.
    sentences = [
        text
        for item in read(1)["questions"]
        for text in (item["explain_helps"], item["explain_harder"])
    ]
    with translation.override("en"):
        english_sentences = [translation.gettext(text) for text in sentences]
    assert any(sentence in result for sentence in english_sentences)
    assert not any(sentence in result for sentence in sentences)
    _no_dutch(result)
    model_store.forget()


def test_a_reply_notice_reads_english_on_the_timeline(
    english, client_record, adviser, django_capture_on_commit_callbacks
):
    thread = messaging_actions.send_client_message(
        client=client_record, subject="Vraag over mijn cv", body="Kunt u helpen?"
    ).thread
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail goes out: delivered
        messaging_actions.reply(thread=thread, author=adviser, body="Ik bel u morgen.")
    home = english.get(reverse("portal:home")).text
    expected = f"You have a reply from {adviser.full_name}, Work adviser"
    assert "We are letting you know by e" in home and expected in home
    assert "Sent by e" in home and home.count(expected) == 2
    _no_dutch(home)
    with translation.override("nl"):  # the e-mail itself, and the adviser's view, stay Dutch
        assert Notification.objects.get(client=client_record, kind="messaging.reply").subject == (
            f"U heeft een antwoord van {adviser.full_name}, Adviseur werk"
        )
