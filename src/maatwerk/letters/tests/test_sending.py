"""Sending a published letter: e-mail or post, kept as sent, on the timeline; bad input sends
nothing."""

import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from maatwerk.core.tests import factories
from maatwerk.letters import actions, document, queries, sandbox, values
from maatwerk.letters.models import LetterTemplate, SentLetter
from maatwerk.plain_language import check
from maatwerk.timeline.models import TimelineEvent
from maatwerk.timeline.queries import events_for_client

from .helpers import publish, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(editor, jurist, reader, draft):
    return publish(draft, editor=editor, jurist=jurist, reader=reader)


@pytest.fixture
def postal_client(adviser):
    return factories.make_client(
        contact_person=adviser,
        user=True,
        first_name="Kees",
        street="Dorpsstraat",
        house_number="3",
        postal_code="1234 AB",
        city="Ede",
        uses_digital_channels=False,
        email="",
    )


def send(client, template, adviser, channel="email", **extra):
    return actions.send_letter(
        client=client, template=template, channel=channel, by_user=adviser.user, **extra
    )


def test_email_is_sent_on_commit_and_the_letter_is_kept(
    published, client_record, adviser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = send(client_record, published.template, adviser)
    assert letter.version == published and letter.channel == "email"
    assert letter.subject == f"Welkom, {client_record.first_name}"
    assert letter.values["adviser"]["full_name"] == adviser.full_name
    assert letter.recipient == {"name": client_record.full_name, "email": client_record.email}
    [message] = mail.outbox
    assert message.to == [client_record.email] and message.subject == letter.subject
    assert adviser.full_name in message.body
    assert adviser.full_name in message.alternatives[0][0]


def test_the_letter_is_on_the_clients_timeline(published, client_record, adviser):
    letter = send(client_record, published.template, adviser)
    event = events_for_client(client_record).get(kind="letter.sent")
    assert event.object_id == str(letter.pk) and event.visible_to_client
    assert event.actor_type == TimelineEvent.ActorType.STAFF and event.actor_staff == adviser
    assert letter.subject in event.summary and adviser.full_name in event.summary


def test_post_for_a_client_without_digital_channels(published, postal_client, adviser):
    with pytest.raises(ValidationError) as caught:
        send(postal_client, published.template, adviser, "email")
    assert "geen digitale kanalen" in caught.value.messages[0]
    letter = send(postal_client, published.template, adviser, "post")
    assert letter.recipient["lines"] == ["Dorpsstraat 3", "1234 AB Ede"]
    assert mail.outbox == []


def test_no_address_for_the_channel_sends_nothing(
    published, adviser, django_capture_on_commit_callbacks
):
    no_email = factories.make_client(contact_person=adviser, email="")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError) as caught:
            send(no_email, published.template, adviser, "email")
        assert "geen e-mailadres" in caught.value.messages[0]
        with pytest.raises(ValidationError) as caught:
            send(no_email, published.template, adviser, "post")  # the factory has no street
        assert "postadres" in caught.value.messages[0]
    assert not SentLetter.objects.exists()
    assert not TimelineEvent.objects.filter(kind="letter.sent").exists()
    assert mail.outbox == []


def test_an_unpublished_version_cannot_be_sent(
    editor, jurist, reader, draft, client_record, adviser
):
    with pytest.raises(ValidationError) as caught:
        send(client_record, draft.template, adviser)
    assert "gepubliceerde versie" in caught.value.messages[0]
    publish(draft, editor=editor, jurist=jurist, reader=reader)
    newer = actions.save_version(
        template=draft.template, subject="x", body="Hallo.", change_note="", by_user=editor.user
    )
    with pytest.raises(ValidationError):
        send(client_record, draft.template, adviser, version=newer)
    assert not SentLetter.objects.exists()


def test_a_double_submit_makes_one_letter(published, client_record, adviser):
    token = uuid.uuid4()
    first = send(client_record, published.template, adviser, submission_token=token)
    again = send(client_record, published.template, adviser, submission_token=token)
    assert first == again and SentLetter.objects.count() == 1
    assert TimelineEvent.objects.filter(kind="letter.sent").count() == 1


def test_only_senders_may_send(published, client_record, editor, jurist):
    from django.core.exceptions import PermissionDenied

    for user in (editor.user, jurist.user, client_record.user):
        with pytest.raises(PermissionDenied):
            actions.send_letter(
                client=client_record, template=published.template, channel="email", by_user=user
            )


def test_a_sent_letter_keeps_its_version_and_values(
    editor, jurist, reader, published, client_record, adviser
):
    letter = send(client_record, published.template, adviser)
    second = actions.save_version(
        template=published.template,
        subject="Nieuw onderwerp",
        body="Andere tekst.",
        change_note="",
        by_user=editor.user,
    )
    publish(second, editor=editor, jurist=jurist, reader=reader)
    letter.refresh_from_db()
    assert letter.version == published and letter.subject.startswith("Welkom")
    later = send(client_record, published.template, adviser)
    assert later.version == second and later.subject == "Nieuw onderwerp"


def test_statistics_per_template_and_office(published, client_record, adviser, office):
    other_office = factories.OfficeFactory(name="Werkplein Zwolle")
    adviser.offices.add(other_office)
    elsewhere = factories.make_client(contact_person=adviser, office=other_office)
    send(client_record, published.template, adviser)
    send(client_record, published.template, adviser)
    last = send(elsewhere, published.template, adviser)
    stats = queries.statistics(published.template)
    assert stats["count"] == 3 and stats["last"] == last.sent_at
    assert [(row["office__name"], row["count"]) for row in stats["per_office"]] == [
        (office.name, 2),
        ("Werkplein Zwolle", 1),
    ]


def test_pdf_has_the_letterhead_and_the_advisers_name(published, postal_client, adviser):
    letter = send(postal_client, published.template, adviser, "post")
    pdf = document.pdf_bytes(letter)
    assert pdf.startswith(b"%PDF")
    text = document.text_of(document.render(letter))
    assert adviser.full_name in text and adviser.job_title in text
    assert "Retouradres" in text and postal_client.office.name in text
    assert "Dorpsstraat 3" in text and letter.subject in text


def test_install_shipped_once(editor):
    made = actions.install_shipped(by_user=editor.user)
    assert len(made) == 3
    assert actions.install_shipped(by_user=editor.user) == []


def test_the_welcome_letter_meets_b1_and_renders_for_a_real_client(
    editor, jurist, reader, client_record, adviser
):
    actions.install_shipped(by_user=editor.user)
    welcome = LetterTemplate.objects.get(shipped_key="welkom")
    version = welcome.versions.get()
    report = check(version.body)
    assert report.meets_b1, report.reasons
    assert version.meets_b1
    publish(version, editor=editor, jurist=jurist, reader=reader)
    letter = send(client_record, welcome, adviser)
    assert adviser.full_name in letter.body_text and adviser.job_title in letter.body_text
    assert "Solliciteer elke week" in letter.body_text
    assert client_record.office.address in letter.body_text
    # The office is a werkplein in the sentence, not a town: never "op Amersfoort 1, …".
    assert f"bij Werkplein {client_record.office.name}, " in letter.body_text
    assert "{{" not in letter.body_text and "{{" not in letter.subject


def test_reply_texts_are_published_reply_templates_signed_by_whoever_answers(
    editor, jurist, reader, client_record, adviser, other_adviser
):
    actions.install_shipped(by_user=editor.user)
    assert queries.reply_texts(client_record, other_adviser) == []  # drafts are not offered
    for template in LetterTemplate.objects.filter(usable_as_reply=True):
        publish(template.versions.get(), editor=editor, jurist=jurist, reader=reader)
    replies = queries.reply_texts(client_record, other_adviser)
    assert [title for _pk, title, _text in replies] == [
        "Antwoord: afspraak maken",
        "Antwoord: vraag ontvangen",
    ]
    pk, _title, text = replies[0]
    assert LetterTemplate.objects.get(pk=pk).usable_as_reply
    assert text.startswith(f"Beste {client_record.first_name},")
    assert other_adviser.phone in text
    assert "<" not in text


def test_the_preview_values_are_made_up():
    demo = values.demo()
    assert demo["client"]["full_name"] == "Fatima Amrani"
    assert sandbox.render_text("{{ deadline }}", demo)


def test_each_email_attempt_is_kept(
    published, client_record, adviser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = send(client_record, published.template, adviser)
    assert list(letter.deliveries.values_list("succeeded", flat=True)) == [True]


def test_a_failed_email_is_recorded_and_the_letter_kept(
    published, client_record, adviser, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.mail import EmailMultiAlternatives

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        letter = send(client_record, published.template, adviser)
    delivery = letter.deliveries.get()
    assert not delivery.succeeded and "mail server down" in delivery.error
    assert SentLetter.objects.filter(pk=letter.pk).exists()


def test_windows_line_ends_are_stored_as_plain_newlines(editor):
    version = write(editor, body="Beste {{ client.first_name }},\r\n\r\nHallo.")
    assert "\r" not in version.body


def test_an_adviser_starts_a_message_reply_from_a_published_reply_text(
    login, editor, jurist, reader, client_record, adviser
):
    from django.urls import reverse

    from maatwerk.messaging import actions as messaging

    actions.install_shipped(by_user=editor.user)
    for template in LetterTemplate.objects.filter(usable_as_reply=True):
        publish(template.versions.get(), editor=editor, jurist=jurist, reader=reader)
    thread = messaging.send_client_message(
        client=client_record, subject="Afspraak", body="Kan ik langskomen?"
    ).thread
    url = reverse("messaging:staff_thread", args=[thread.pk])
    template = LetterTemplate.objects.get(title="Antwoord: afspraak maken")
    browser = login(adviser.user)
    assert "Antwoord: afspraak maken" in browser.get(url).content.decode()
    reply_box = browser.get(url, {"begintekst": f"brief-{template.pk}"}).content.decode()
    assert f"Beste {client_record.first_name}," in reply_box.split("<textarea")[1]


def test_a_colleague_who_sends_for_the_adviser_is_named_in_the_letter_and_the_email(
    published, client_record, adviser, other_adviser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = send(client_record, published.template, other_adviser)
    line = f"{other_adviser.full_name} ({other_adviser.job_title}) heeft deze brief verstuurd"
    assert line in document.pdf_html(letter)
    assert line in mail.outbox[-1].body
    assert f"namens uw adviseur {adviser.full_name}" in mail.outbox[-1].body
    own = send(client_record, published.template, adviser)
    assert "heeft deze brief verstuurd" not in document.pdf_html(own)
