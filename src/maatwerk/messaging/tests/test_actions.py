import uuid
from datetime import date, datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk.core import call_list
from maatwerk.core.append_only import AppendOnlyError
from maatwerk.core.tests import factories
from maatwerk.messaging import actions, queries
from maatwerk.messaging.models import FollowUp, Message, Thread, ThreadAssignment
from maatwerk.timeline.models import TimelineEvent

from .helpers import PNG, client_writes, docx_bytes, upload

pytestmark = pytest.mark.django_db


def _kinds(client):
    return list(
        TimelineEvent.objects.filter(client=client, kind__startswith="messaging.")
        .order_by("pk")
        .values_list("kind", flat=True)
    )


# Client messages


def test_client_message_starts_a_thread_with_a_due_date_in_working_days(client_record):
    friday = timezone.make_aware(datetime(2026, 11, 20, 15, 0))
    message = client_writes(client_record, at=friday)
    thread = message.thread
    assert thread.subject == "Vraag"
    assert thread.office_id == client_record.office_id
    assert thread.assigned_to is None
    assert thread.reply_due == date(2026, 11, 24)  # 2 working days, weekend skipped
    assert message.sender == Message.Sender.CLIENT and message.author is None
    assert _kinds(client_record) == ["messaging.client_message"]


def test_response_days_are_a_setting(client_record, settings):
    settings.MESSAGING_RESPONSE_WORKING_DAYS = 5
    monday = timezone.make_aware(datetime(2026, 11, 23, 9, 0))
    assert client_writes(client_record, at=monday).thread.reply_due == date(2026, 11, 30)


def test_same_token_creates_one_message(client_record):
    token = uuid.uuid4()
    first = client_writes(client_record, token=token)
    again = client_writes(client_record, token=token)
    assert first.pk == again.pk
    assert Message.objects.count() == 1 and Thread.objects.count() == 1
    assert _kinds(client_record) == ["messaging.client_message"]


@pytest.mark.parametrize("body", ["", "   \n  "])
def test_empty_message_is_refused_and_nothing_saved(client_record, body):
    with pytest.raises(ValidationError) as error:
        client_writes(client_record, body=body)
    assert error.value.message_dict["body"] == ["Schrijf een bericht."]
    assert (
        not Thread.objects.exists()
        and not TimelineEvent.objects.filter(kind__startswith="messaging.").exists()
    )


def test_oversized_message_is_refused(client_record, settings):
    settings.MESSAGING_MAX_LENGTH = 50
    with pytest.raises(ValidationError) as error:
        client_writes(client_record, body="x" * 51)
    assert "te lang" in error.value.message_dict["body"][0]
    assert not Thread.objects.exists()
    assert client_writes(client_record, body="x" * 50).body == "x" * 50


def test_missing_subject_is_refused(client_record):
    with pytest.raises(ValidationError) as error:
        client_writes(client_record, subject="  ")
    assert "subject" in error.value.message_dict


def test_html_is_stored_as_written(client_record):
    text = "<script>alert(1)</script> & <b>vet</b>"
    assert client_writes(client_record, body=text).body == text


def test_a_client_cannot_write_in_someone_elses_thread(client_record, adviser):
    other = factories.make_client(contact_person=adviser)
    thread = client_writes(other).thread
    with pytest.raises(ValidationError):
        actions.send_client_message(client=client_record, thread=thread, body="Hallo")


def test_writing_again_keeps_the_earliest_due_date(client_record):
    monday = timezone.make_aware(datetime(2026, 11, 23, 9, 0))
    thread = client_writes(client_record, at=monday).thread
    actions.send_client_message(
        client=client_record,
        thread=thread,
        body="Nog iets",
        at=timezone.make_aware(datetime(2026, 11, 24, 9, 0)),
    )
    thread.refresh_from_db()
    assert thread.reply_due == date(2026, 11, 25)


# Attachments


@pytest.mark.parametrize(
    "name,content",
    [
        ("foto.png", PNG),
        ("scan.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 20),
        ("cv.docx", docx_bytes()),
        ("brief.pdf", b"%PDF-1.7\n..."),
    ],
)
def test_allowed_attachments_are_kept(client_record, name, content):
    message = client_writes(client_record, attachments=[upload(name, content)])
    attachment = message.attachments.get()
    assert attachment.original_name == name.replace("JPG", "jpg")
    assert attachment.size == len(content)
    assert "." not in attachment.file.name.rsplit("/", 1)[-1]  # never served as an image


@pytest.mark.parametrize(
    "name,content",
    [
        ("virus.exe", b"MZ\x90\x00"),
        ("nep.pdf", b"MZ\x90\x00 not a pdf"),  # the name lies
        ("nep.png", b"%PDF-1.4"),
        ("zip.docx", b"PK\x03\x04garbage"),  # a zip header, but no Word document
        ("script.html", b"<script>alert(1)</script>"),
        ("leeg.pdf", b""),
    ],
)
def test_wrong_attachments_are_refused_and_nothing_saved(client_record, name, content):
    with pytest.raises(ValidationError) as error:
        client_writes(client_record, attachments=[upload(name, content)])
    assert "attachment" in error.value.message_dict
    assert not Thread.objects.exists()


def test_attachment_size_is_a_setting(client_record, settings):
    settings.MESSAGING_ATTACHMENT_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        client_writes(client_record, attachments=[upload("foto.png", PNG)])
    assert "te groot" in error.value.message_dict["attachment"][0]


# Staff replies: never anonymous


def test_reply_is_signed_and_takes_the_thread(thread, adviser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = actions.reply(thread=thread, author=adviser, body="Ik bel u morgen.")
    assert message.author == adviser
    assert message.author_name == adviser.full_name
    assert message.author_job_title == adviser.job_title
    assert message.instead_of_name == ""
    thread.refresh_from_db()
    assert thread.assigned_to == adviser and thread.reply_due is None
    assert _kinds(thread.client) == [
        "messaging.client_message",
        "messaging.taken",
        "messaging.staff_reply",
    ]
    event = TimelineEvent.objects.get(kind="messaging.staff_reply")
    assert event.visible_to_client and event.actor_staff == adviser
    assert adviser.full_name in event.summary and adviser.job_title in event.summary


def test_email_is_signed_and_does_not_contain_the_text(
    thread, adviser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.reply(thread=thread, author=adviser, body="Geheime inhoud over uw uitkering")
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["jan@example.org"]
    assert adviser.full_name in sent.subject and adviser.job_title in sent.subject
    assert adviser.full_name in sent.body and adviser.job_title in sent.body
    assert "Geheime inhoud" not in sent.body + sent.subject


def test_no_email_before_commit(thread, adviser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        actions.reply(thread=thread, author=adviser, body="Antwoord")
    assert mail.outbox == [] and len(callbacks) == 1


def test_reply_by_someone_else_names_the_contact_person(thread, coach, adviser):
    message = actions.reply(thread=thread, author=coach, body="Ik help u vandaag.")
    assert message.instead_of_name == adviser.full_name
    assert message.author_name == "Eva Smit" and message.author_job_title == "E-werkcoach"


def test_inactive_staff_cannot_reply(thread, coach):
    coach.is_active = False
    coach.save()
    with pytest.raises(ValidationError):
        actions.reply(thread=thread, author=coach, body="Hallo")
    assert not Message.objects.filter(sender="staff").exists()


def test_staff_without_the_permission_cannot_reply(thread, office):
    intern = factories.make_staff(None, offices=[office], job_title="Stagiair")
    with pytest.raises(ValidationError):
        actions.reply(thread=thread, author=intern, body="Hallo")


def test_staff_without_job_title_cannot_reply(thread, adviser):
    # The staff table itself refuses an empty job title; an in-memory one is refused here too.
    adviser.job_title = " "
    with pytest.raises(ValidationError):
        actions.reply(thread=thread, author=adviser, body="Hallo")


def test_database_refuses_an_unsigned_staff_message(thread, adviser):
    """The constraint itself, without the action."""
    base = {"thread": thread, "sender": "staff", "body": "x", "sent_at": timezone.now()}
    for fields in (
        {},  # no author at all
        {"author": adviser, "author_name": "", "author_job_title": "Adviseur werk"},
        {"author": adviser, "author_name": "Anna", "author_job_title": ""},
        {"author_name": "Anna", "author_job_title": "Adviseur werk"},  # name but no staff FK
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Message.objects.create(**base, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Message.objects.create(
            thread=thread, sender="client", body="x", author=adviser, sent_at=timezone.now()
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Message.objects.create(thread=thread, sender="client", body="", sent_at=timezone.now())


def test_messages_are_append_only(thread):
    message = thread.messages.get()
    message.body = "anders"
    with pytest.raises(AppendOnlyError):
        message.save()
    with pytest.raises(AppendOnlyError):
        Message.objects.filter(pk=message.pk).update(body="anders")


def test_same_token_gives_one_reply(thread, adviser):
    token = uuid.uuid4()
    first = actions.reply(thread=thread, author=adviser, body="Antwoord", token=token)
    second = actions.reply(thread=thread, author=adviser, body="Antwoord", token=token)
    assert first.pk == second.pk
    assert thread.messages.filter(sender="staff").count() == 1


# Assignment and handover


def test_take_and_hand_over_keep_the_history(thread, adviser, coach):
    actions.take(thread=thread, by_staff=adviser)
    with pytest.raises(ValidationError):
        actions.take(thread=thread, by_staff=coach)
    actions.hand_over(thread=thread, to_staff=coach, by_staff=adviser, reason="Ik ben op vakantie")
    thread.refresh_from_db()
    assert thread.assigned_to == coach
    history = list(thread.assignments.order_by("pk").values_list("kind", "staff", "previous_staff"))
    assert history == [("taken", adviser.pk, None), ("handed_over", coach.pk, adviser.pk)]
    assert _kinds(thread.client)[-2:] == ["messaging.taken", "messaging.handed_over"]
    handover = TimelineEvent.objects.get(kind="messaging.handed_over")
    assert handover.visible_to_client and "Eva Smit (E-werkcoach)" in handover.summary
    assert "vakantie" not in handover.summary  # the reason is for staff, not the client
    with pytest.raises(AppendOnlyError):
        ThreadAssignment.objects.filter(thread=thread).delete()


def test_hand_over_needs_a_reason_and_a_colleague_here(thread, adviser, coach):
    with pytest.raises(ValidationError) as error:
        actions.hand_over(thread=thread, to_staff=coach, by_staff=adviser, reason="  ")
    assert "reason" in error.value.message_dict
    elsewhere = factories.make_staff("Adviseur werk")  # another office
    with pytest.raises(ValidationError) as error:
        actions.hand_over(thread=thread, to_staff=elsewhere, by_staff=adviser, reason="Drukte")
    assert "to_staff" in error.value.message_dict
    coach.is_active = False
    coach.save()
    with pytest.raises(ValidationError):
        actions.hand_over(thread=thread, to_staff=coach, by_staff=adviser, reason="Drukte")
    assert not ThreadAssignment.objects.exists()


def test_database_refuses_a_handover_without_reason(thread, adviser, coach):
    with pytest.raises(IntegrityError), transaction.atomic():
        ThreadAssignment.objects.create(
            thread=thread, kind="handed_over", staff=coach, by_staff=adviser, at=timezone.now()
        )


# Clients without digital channels


def test_no_digital_channels_gives_a_call_task_not_an_email(
    adviser, coach, django_capture_on_commit_callbacks
):
    client = factories.make_client(
        contact_person=adviser, uses_digital_channels=False, phone="06 12345678"
    )
    thread = client_writes(client).thread
    with django_capture_on_commit_callbacks(execute=True):
        message = actions.reply(thread=thread, author=coach, body="Antwoord")
    assert mail.outbox == []
    follow_up = FollowUp.objects.get()
    assert follow_up.message == message
    assert follow_up.staff == adviser  # the contact person calls, not the coach
    assert follow_up.kind == FollowUp.Kind.PHONE
    assert "messaging.follow_up_created" in _kinds(client)
    items = [item for source in call_list.sources() for item in source(adviser, follow_up.due)]
    mine = [item for item in items if item.source == "messaging"]
    assert [item.client for item in mine] == [client]
    assert queries.calls_due(adviser, date(2000, 1, 1)) == []  # not due yet
    actions.complete_follow_up(follow_up=follow_up, by_staff=adviser)
    assert queries.calls_due(adviser, follow_up.due) == []
    assert "messaging.follow_up_done" in _kinds(client)


def test_letter_preference_gives_a_letter_task(adviser):
    client = factories.make_client(
        contact_person=adviser, uses_digital_channels=False, preference={"channel": "letter"}
    )
    thread = client_writes(client).thread
    actions.reply(thread=thread, author=adviser, body="Antwoord")
    assert FollowUp.objects.get().kind == FollowUp.Kind.LETTER
    assert queries.calls_due(adviser, date(2100, 1, 1)) == []  # letters are not calls


# Inbox


def test_inbox_lists(thread, adviser, coach, office):
    other_office_client = factories.make_client()
    client_writes(other_office_client)
    assert list(queries.inbox(adviser, queries.UNASSIGNED)) == [thread]
    assert list(queries.inbox(adviser, queries.MINE)) == []
    assert list(queries.inbox(adviser, queries.MY_CLIENTS)) == [thread]
    actions.take(thread=thread, by_staff=coach)
    assert list(queries.inbox(adviser, queries.UNASSIGNED)) == []
    assert list(queries.inbox(coach, queries.MINE)) == [thread]
    assert list(queries.inbox(adviser, queries.MY_CLIENTS)) == [thread]


def test_the_default_box_holds_what_the_adviser_is_expected_to_answer(
    adviser, other_adviser, client_record, coach, office, manager
):
    from maatwerk.organisation import actions as organisation_actions

    long_ago = timezone.make_aware(datetime(2026, 1, 5, 9, 0))
    own_new = client_writes(client_record, subject="Eigen nieuw").thread
    own_overdue = client_writes(client_record, subject="Eigen te laat", at=long_ago).thread
    colleagues_client = factories.make_client(contact_person=other_adviser)
    colleagues = client_writes(colleagues_client, subject="Van collega").thread
    taken = client_writes(colleagues_client, subject="Opgepakt").thread
    actions.take(thread=taken, by_staff=adviser)
    leaver = factories.make_staff(offices=[office], first_name="Lea")
    orphan = factories.make_client(contact_person=leaver)
    orphaned = client_writes(orphan, subject="Zonder contactpersoon").thread
    organisation_actions.deactivate_staff(staff=leaver, by_user=manager.user)
    elsewhere = client_writes(factories.make_client(), subject="Andere vestiging").thread

    to_answer = list(queries.inbox(adviser))
    # Overdue first, then by due date; a colleague's unassigned client stays with the colleague.
    assert to_answer[0] == own_overdue
    assert set(to_answer) == {own_overdue, own_new, taken, orphaned}
    assert colleagues not in to_answer and elsewhere not in to_answer
    assert colleagues in queries.inbox(other_adviser)
    assert list(queries.inbox(adviser, queries.TO_ANSWER, queries.OVERDUE)) == [own_overdue]
    # Someone without a caseload (an e-coach) still gets the unassigned threads of clients
    # without a contact person, and what they took.
    assert set(queries.inbox(coach)) == {orphaned}


def test_overdue_filter(client_record, adviser):
    long_ago = timezone.make_aware(datetime(2026, 1, 5, 9, 0))
    late = client_writes(client_record, at=long_ago, subject="Oud").thread
    fresh = client_writes(client_record, subject="Nieuw").thread
    assert list(queries.inbox(adviser, queries.UNASSIGNED, queries.OVERDUE)) == [late]
    assert set(queries.inbox(adviser, queries.UNASSIGNED, queries.WAITING)) == {late, fresh}
    assert queries.is_overdue(late) and not queries.is_overdue(fresh)


def test_taking_a_thread_is_in_the_audit_log(adviser, client_record):
    from maatwerk.audit.models import AuditEntry

    thread = actions.send_client_message(client=client_record, subject="Vraag", body="Hallo").thread
    colleague = factories.make_staff("E-werkcoach", offices=[client_record.office])
    actions.take(thread=thread, by_staff=colleague)
    entry = AuditEntry.objects.get(action="messaging.taken")
    assert entry.client_id == client_record.pk
    assert entry.actor_user_id == colleague.user_id
