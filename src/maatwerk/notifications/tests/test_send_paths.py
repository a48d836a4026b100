"""The other apps' notices go through the service: feedback answered, message answered."""

import pytest
from django.core import mail

from maatwerk.feedback import actions as feedback_actions
from maatwerk.feedback.tests.helpers import submit
from maatwerk.messaging import actions as messaging_actions
from maatwerk.messaging.models import FollowUp
from maatwerk.notifications.models import Notification

from .helpers import client_for

pytestmark = pytest.mark.django_db


def _answer(client, adviser, text="We bellen u terug."):
    item = submit(client)
    feedback_actions.start_handling(item=item, by_user=adviser.user)
    return feedback_actions.answer_feedback(item=item, by_user=adviser.user, text=text)


def test_an_answer_to_feedback_is_mailed_without_its_text(
    adviser, django_capture_on_commit_callbacks
):
    client = client_for("digital with e-mail", adviser)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        item = _answer(client, adviser, text="Geheim antwoord")
    notice = Notification.objects.get(kind="feedback.answered", client=client)
    assert notice.channel == "email" and notice.about == f"feedback.FeedbackItem:{item.pk}"
    assert len(mail.outbox) == 1 and "Geheim antwoord" not in mail.outbox[0].body
    assert f"/mijn/reacties/{item.pk}/" in mail.outbox[0].body


def test_an_answer_to_feedback_goes_on_paper_with_its_text(adviser):
    client = client_for("non-digital without phone", adviser)
    _answer(client, adviser, text="Wij passen het aan.")
    notice = Notification.objects.get(kind="feedback.answered", client=client)
    assert notice.channel == "letter" and "Wij passen het aan." in notice.text


def test_a_reply_to_a_digital_client_without_email_is_no_longer_lost(adviser):
    client = client_for("digital without e-mail", adviser, phone="06 12345678")
    thread = messaging_actions.send_client_message(
        client=client, subject="Vraag", body="Hoe zit het?", token=None
    ).thread
    messaging_actions.reply(thread=thread, author=adviser, body="Antwoord")
    assert FollowUp.objects.get(thread=thread).kind == FollowUp.Kind.PHONE
    assert not Notification.objects.filter(kind="messaging.reply").exists()


def test_a_reply_to_a_digital_client_is_a_notice_by_email(
    adviser, django_capture_on_commit_callbacks
):
    client = client_for("digital with e-mail", adviser)
    thread = messaging_actions.send_client_message(
        client=client, subject="Vraag", body="Hoe zit het?", token=None
    ).thread
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message = messaging_actions.reply(thread=thread, author=adviser, body="Geheime inhoud")
    notice = Notification.objects.get(kind="messaging.reply")
    assert notice.about == f"messaging.Message:{message.pk}" and len(mail.outbox) == 1
    assert "Geheime inhoud" not in mail.outbox[0].body
    assert not FollowUp.objects.exists()
