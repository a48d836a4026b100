"""The notification service: the channel per client, never "sent nowhere", e-mail exactly once,
letters for print and in "Mijn brieven", phone tasks on the call list, the welcome letter."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from maatwerk.clients.models import ContactPreference
from maatwerk.core import call_list
from maatwerk.core.portal_letters import letters_for
from maatwerk.letters import actions as letter_actions
from maatwerk.letters import document as letter_document
from maatwerk.notifications import actions, channels, document, kinds, queries, tasks
from maatwerk.notifications.models import Notification
from maatwerk.timeline.models import TimelineEvent

from .helpers import PROFILES, client_for

pytestmark = pytest.mark.django_db

KIND = kinds.NotificationKind("test", "test")


def facts(digital=True, email="a@example.org", phone="", preferred="portal"):
    return channels.Facts(digital, email, phone, preferred)


# --- the channel per profile (pure) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("client_facts", "kind", "expected"),
    [
        (facts(), KIND, channels.Choice("email")),
        (facts(preferred="letter"), KIND, channels.Choice("letter")),
        (facts(preferred="phone", phone="06"), KIND, channels.Choice("email")),
        (facts(email=""), KIND, channels.Choice("letter")),
        (facts(digital=False, phone="06"), KIND, channels.Choice("letter")),
        (facts(digital=False, phone="06", preferred="phone"), KIND, channels.Choice("phone")),
        (facts(digital=False, preferred="phone"), KIND, channels.Choice("letter")),  # no number
        # A letter that may come too late: the adviser calls as well, when there is a number.
        (
            facts(digital=False, phone="06"),
            kinds.NotificationKind("t", "t", call_too=True),
            channels.Choice("letter", call_too=True),
        ),
        (
            facts(digital=False),
            kinds.NotificationKind("t", "t", call_too=True),
            channels.Choice("letter"),
        ),
        (
            facts(digital=False, phone="06"),
            kinds.NotificationKind("t", "t", phone_first=True),
            channels.Choice("phone"),
        ),
        (
            facts(digital=False),
            kinds.NotificationKind("t", "t", letter_ok=False),
            channels.Choice("phone"),
        ),
        (
            facts(preferred="letter"),
            kinds.NotificationKind("t", "t", adviser_task=True),
            channels.Choice("phone"),
        ),
    ],
)
def test_the_channel_follows_the_client_and_the_kind(client_facts, kind, expected):
    assert channels.choose(kind, client_facts) == expected


def test_a_kind_that_allows_neither_letter_nor_phone_is_refused():
    with pytest.raises(ValueError, match="neither a letter nor a phone task"):
        kinds.register("test.nowhere", "nergens", phone_ok=False, letter_ok=False)
    assert "test.nowhere" not in kinds.registry


# --- never "sent nowhere" ------------------------------------------------------------------------


def _deliverable(notification: Notification, adviser) -> bool:
    """The one record a human or a mail server acts on, for this notification's channel."""
    if notification.channel == Notification.Channel.EMAIL:
        return bool(notification.to_email)
    if notification.channel == Notification.Channel.LETTER:
        queued = queries.print_queue(type(notification.client).objects.all())
        in_portal = [letter.subject for letter in letters_for(notification.client)]
        return notification in queued and notification.subject in in_portal
    calls = [item.url for item in queries.calls_due(adviser, notification.created_at.date())]
    return reverse("notifications:staff_detail", args=[notification.pk]) in calls


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_no_registered_kind_ends_sent_nowhere(adviser, profile, subtests):
    assert len(kinds.all_kinds()) >= 8  # appointments, messaging, feedback, the welcome
    client = client_for(profile, adviser)
    Notification.objects.all().delete()  # the welcome made at registration
    for kind in kinds.all_kinds():
        with subtests.test(kind=kind.code):
            made = actions.notify(
                client=client, kind=kind.code, subject=f"Over {kind.code}", text="Tekst."
            )
            assert Notification.objects.filter(kind=kind.code, client=client).count() == 1
            assert made.channel in {"email", "letter", "phone"}
            assert _deliverable(made, adviser), (profile, kind.code, made.channel)


def test_the_database_refuses_a_notification_without_a_channel(client_record):
    for bad in [{"channel": ""}, {"channel": "pigeon"}, {"channel": "email", "to_email": ""}]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Notification.objects.create(
                client=client_record, kind="x", subject="s", text="t", **bad
            )


def test_unknown_kind_and_empty_text_are_refused(client_record):
    with pytest.raises(LookupError):
        actions.notify(client=client_record, kind="no.such", subject="s", text="t")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.notify(client=client_record, kind="feedback.answered", subject=" ", text="t")


# --- e-mail, exactly once ------------------------------------------------------------------------


def test_email_goes_after_the_commit_exactly_once(
    client_record, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        made = actions.notify(
            client=client_record, kind="feedback.answered", subject="Onderwerp", text="Tekst."
        )
    assert made.channel == "email" and len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jan@example.org"] and mail.outbox[0].subject == "Onderwerp"
    assert tasks.deliver_email.call(made.pk) == "already sent"
    assert tasks.deliver_email.call(made.pk) == "already sent"
    assert len(mail.outbox) == 1
    made.refresh_from_db()
    assert made.status == "sent" and made.sent_at is not None
    kinds_seen = list(
        TimelineEvent.objects.filter(client=client_record, object_id=str(made.pk))
        .order_by("pk")
        .values_list("kind", flat=True)
    )
    assert kinds_seen[-2:] == ["notification.created", "notification.delivered"]


def test_a_failed_handover_stays_queued_for_the_next_try(client_record):
    made = actions.notify(client=client_record, kind="feedback.answered", subject="S", text="T")

    def broken(notification):
        raise ConnectionError("mail server down")

    with pytest.raises(ConnectionError):
        actions.deliver_email(made.pk, send=broken)
    made.refresh_from_db()
    assert made.status == "queued"
    assert actions.deliver_email(made.pk) == "sent"


def test_the_same_dedupe_key_makes_one_notification(client_record):
    first = actions.notify(
        client=client_record, kind="feedback.answered", subject="S", text="T", dedupe_key="k1"
    )
    again = actions.notify(
        client=client_record, kind="feedback.answered", subject="S", text="T", dedupe_key="k1"
    )
    assert first == again and Notification.objects.filter(dedupe_key="k1").count() == 1


# --- letters and phone tasks ---------------------------------------------------------------------


def test_a_printed_notice_closes_with_one_greeting(adviser):
    client = client_for("prefers letter", adviser)
    text = (
        "Beste Henk,\n\nUw afspraak is verzet.\n\nMet vriendelijke groet,\nSanne Bakker\nAdviseur"
    )
    made = actions.notify(client=client, kind="feedback.answered", subject="Afspraak", text=text)
    pdf_text = letter_document.text_of(letter_document.render(document.as_letter(made)))
    assert pdf_text.count("Met vriendelijke groet") == 1
    assert "Uw afspraak is verzet." in pdf_text
    assert document.without_sign_off("Alleen dit.") == "Alleen dit."


def test_a_letter_is_printable_and_in_mijn_brieven(adviser, login):
    client = client_for("prefers letter", adviser, user=True)
    made = actions.notify(
        client=client, kind="feedback.answered", subject="Uw antwoord", text="Het antwoord."
    )
    assert made.channel == "letter"
    assert made.letter["recipient"]["lines"] == ["Kastanjelaan 12", "3512 AB Utrecht"]
    assert made.letter["signer"]["full_name"] == adviser.full_name
    pdf_text = letter_document.text_of(letter_document.render(document.as_letter(made)))
    assert "Uw antwoord" in pdf_text and "Het antwoord." in pdf_text
    assert "Kastanjelaan 12" in pdf_text and adviser.full_name in pdf_text
    portal = login(client.user)
    page = portal.get(reverse("letters:mine")).content.decode()
    assert "Uw antwoord" in page and reverse("notifications:mine_detail", args=[made.pk]) in page
    detail = portal.get(reverse("notifications:mine_detail", args=[made.pk]))
    assert detail.status_code == 200 and "Het antwoord." in detail.content.decode()
    assert portal.get(reverse("notifications:mine_pdf", args=[made.pk]))["Content-Type"] == (
        "application/pdf"
    )
    browser = login(adviser.user)
    assert browser.get(reverse("notifications:print_queue")).status_code == 200
    response = browser.get(reverse("notifications:staff_pdf", args=[made.pk]))
    assert response["Content-Type"] == "application/pdf"
    response = browser.post(reverse("notifications:staff_done", args=[made.pk]), {"what": "posted"})
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.status == "sent" and made.done_by == adviser
    assert made not in queries.print_queue(type(client).objects.all())


def test_a_phone_task_is_on_the_contact_persons_call_list_until_called(adviser, other_adviser):
    client = client_for("non-digital with phone", adviser)
    ContactPreference.objects.filter(client=client).update(channel="phone")
    client.refresh_from_db()
    made = actions.notify(client=client, kind="feedback.answered", subject="Antwoord", text="T")
    assert made.channel == "phone"
    day = made.created_at.date()
    items = [item for source in call_list.sources() for item in source(adviser, day)]
    assert [i.client for i in items if i.source == "notifications"].count(client) >= 1
    assert queries.calls_due(other_adviser, day) == []  # only the contact person's list
    actions.mark_called(notification=made, by_staff=adviser)
    assert all(
        i.url != reverse("notifications:staff_detail", args=[made.pk])
        for i in queries.calls_due(adviser, day)
    )
    made.refresh_from_db()
    assert made.status == "sent" and made.call_done_at is not None


def test_marking_a_phone_task_posted_is_refused_with_a_dutch_message(adviser):
    client = client_for("digital with e-mail", adviser)
    made = Notification.objects.get(client=client)  # the welcome task: a call
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="geen brief"):
        actions.mark_posted(notification=made, by_staff=adviser)


# --- the welcome ---------------------------------------------------------------------------------


def _publish_welcome(editor, jurist, reader):
    letter_actions.install_shipped(by_user=editor.user)
    from maatwerk.letters.models import LetterTemplate

    version = LetterTemplate.objects.get(shipped_key="welkom").versions.get()
    from maatwerk.letters.tests.helpers import publish

    publish(
        version,
        editor=editor,
        jurist=jurist,
        reader=reader,
        justification="Getest met cliënten van de cliëntenraad; zo is het duidelijk genoeg.",
    )
    return version


def test_registering_sends_the_published_welcome_letter_by_the_clients_channel(
    adviser, editor, jurist, reader, django_capture_on_commit_callbacks
):
    version = _publish_welcome(editor, jurist, reader)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        digital = client_for("digital with e-mail", adviser)
    welcome = Notification.objects.get(client=digital)
    assert welcome.kind == "client.welcome" and welcome.channel == "email"
    assert welcome.about == f"letters.TemplateVersion:{version.pk}"
    assert "Jan" in welcome.subject and len(mail.outbox) == 1
    assert adviser.full_name in welcome.text  # filled in: the adviser is named
    on_paper = client_for("non-digital with phone", adviser)
    letter = Notification.objects.get(client=on_paper)
    assert letter.kind == "client.welcome" and letter.channel == "letter"
    assert [item.subject for item in letters_for(on_paper)] == [letter.subject]


def test_without_a_published_welcome_letter_the_adviser_gets_a_task(adviser):
    client = client_for("digital with e-mail", adviser)
    task = Notification.objects.get(client=client)
    assert task.kind == "client.welcome_task" and task.channel == "phone"
    event = TimelineEvent.objects.get(kind="notification.task_created", client=client)
    assert not event.visible_to_client and "welkomstbrief" in task.text
    assert "welkomstbrief" not in task.subject  # the subject reaches the client once called
    assert reverse("notifications:staff_detail", args=[task.pk]) in [
        item.url for item in queries.calls_due(adviser, task.created_at.date())
    ]
