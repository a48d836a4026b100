"""Notices follow the client's language (their contact preference's ``preferred_language``):
every text of a notification is rendered inside ``in_language_of(client)``, whoever sends it."""

import pytest
from django.utils import translation

from maatwerk.feedback import actions as feedback_actions
from maatwerk.feedback.tests.helpers import submit
from maatwerk.notifications import document
from maatwerk.notifications.language import in_language_of, language_of
from maatwerk.notifications.models import Notification

from .helpers import client_for

pytestmark = pytest.mark.django_db


def _answered(client, adviser):
    item = submit(client)
    feedback_actions.start_handling(item=item, by_user=adviser.user)
    feedback_actions.answer_feedback(item=item, by_user=adviser.user, text="Wij passen het aan.")
    return Notification.objects.get(kind="feedback.answered", client=client)


def test_an_english_speaking_client_gets_the_notice_in_english(adviser):
    client = client_for(
        "non-digital without phone", adviser, preference={"preferred_language": "en"}
    )
    with translation.override("nl"):  # whatever language the staff member works in
        notice = _answered(client, adviser)
    assert notice.subject == "Answer to your feedback"
    assert notice.text.startswith("Dear ")
    # The printed letter drops the notice's own sign-off in English too: one greeting.
    assert "Kind regards" not in document.context(notice)["body_html"]


def test_a_dutch_client_gets_dutch_also_from_an_english_speaking_adviser(adviser):
    client = client_for("non-digital without phone", adviser)
    with translation.override("en"):
        notice = _answered(client, adviser)
    assert notice.subject == "Antwoord op uw reactie"


@pytest.mark.parametrize(
    ("preferred", "expected"), [("en", "en"), ("EN", "en"), ("nl", "nl"), ("de", "nl"), ("", "nl")]
)
def test_a_language_maatwerk_does_not_offer_falls_back_to_dutch(adviser, preferred, expected):
    client = client_for("digital with e-mail", adviser)
    client.preference.preferred_language = preferred
    assert language_of(client) == expected
    with translation.override("en" if expected == "nl" else "nl"), in_language_of(client):
        assert translation.get_language() == expected
