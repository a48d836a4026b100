"""Input by any channel: staff record feedback received by phone, letter, e-mail or at the desk
on the client's behalf; it gets an owner and a deadline; the answer goes back by the client's
channel (a call or a letter is a task for the owner)."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.feedback import actions
from maatwerk.feedback.deadlines import answer_deadline
from maatwerk.feedback.models import FeedbackItem
from maatwerk.timeline.models import TimelineEvent

from .helpers import submit

pytestmark = pytest.mark.django_db


def record(client, user, **kwargs):
    values = {
        "kind": "complaint",
        "text": "Ik ben drie keer niet teruggebeld.",
        "received_via": "phone",
        "wants_answer": True,
        "token": uuid.uuid4(),
    }
    values.update(kwargs)
    return actions.record_for_client(client=client, by_user=user, **values)


@pytest.fixture
def offline_client(adviser):
    """A client without digital channels who has a phone."""
    return factories.make_client(
        contact_person=adviser,
        first_name="Gerrit",
        surname="Post",
        email="",
        phone="0612345678",
        uses_digital_channels=False,
        preference={"channel": "phone"},
    )


def _kinds(client):
    return list(
        TimelineEvent.objects.filter(client=client).order_by("pk").values_list("kind", flat=True)
    )


def test_a_phone_complaint_gets_an_owner_a_deadline_and_the_channel(
    client_record, adviser, manager
):
    item = record(client_record, adviser.user)
    assert item.received_via == "phone"
    assert item.entered_by == adviser
    assert item.owner == manager  # a complaint goes to the office manager, as from the portal
    assert item.deadline == answer_deadline("complaint", timezone.localdate())
    kinds = _kinds(client_record)
    assert "feedback.received_via" in kinds
    assert "feedback.entered_by_staff" in kinds
    assert "feedback.owner_assigned" in kinds
    assert "feedback.submitted" not in kinds
    told = TimelineEvent.objects.get(client=client_record, kind="feedback.received_via")
    assert told.data["how"] == "telefonisch"
    assert AuditEntry.objects.filter(action="feedback.recorded_for_client").count() == 1
    assert item.history.get().by_staff == adviser


def test_a_letter_that_came_in_last_week_counts_from_that_day(client_record, adviser):
    earlier = timezone.now() - dt.timedelta(days=7)
    item = record(
        client_record, adviser.user, kind="feedback", received_via="letter", received_at=earlier
    )
    assert item.deadline == answer_deadline("feedback", timezone.localdate(earlier))


def test_portal_items_are_marked_portal_with_nobody_entering(client_record, adviser):
    item = submit(client_record)
    assert item.received_via == "portal" and item.entered_by is None


@pytest.mark.parametrize(
    ("channel", "message"),
    [
        ("", "Kies hoe de reactie binnenkwam"),
        ("portal", "Een reactie via het portaal geeft de cliënt zelf"),
        ("duif", "Kies hoe de reactie binnenkwam"),
    ],
)
def test_staff_must_name_a_channel_other_than_the_portal(client_record, adviser, channel, message):
    with pytest.raises(ValidationError) as error:
        record(client_record, adviser.user, received_via=channel)
    assert message in error.value.message_dict["received_via"][0]
    assert not FeedbackItem.objects.exists()
    assert not TimelineEvent.objects.filter(kind__startswith="feedback.").exists()
    assert not AuditEntry.objects.filter(action="feedback.recorded_for_client").exists()


def test_empty_text_is_refused(client_record, adviser):
    with pytest.raises(ValidationError) as error:
        record(client_record, adviser.user, text="  ")
    assert "Schrijf op wat de cliënt zei" in error.value.message_dict["text"][0]
    assert not FeedbackItem.objects.exists()


def test_a_client_outside_reach_is_refused(client_record, stranger):
    with pytest.raises(ValidationError) as error:
        record(client_record, stranger.user)
    assert "jouw vestiging of caseload" in error.value.messages[0]
    assert not FeedbackItem.objects.exists()
    assert not TimelineEvent.objects.filter(kind__startswith="feedback.").exists()


def test_staff_without_the_feedback_permission_cannot_record(client_record, editor):
    with pytest.raises(ValidationError):
        record(client_record, editor.user)


def test_the_database_refuses_a_staff_channel_without_a_staff_member(client_record, adviser):
    item = submit(client_record)
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackItem.objects.filter(pk=item.pk).update(received_via="phone")
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackItem.objects.filter(pk=item.pk).update(received_via="fax", entered_by=adviser)


def test_the_same_form_twice_records_once(client_record, adviser):
    token = uuid.uuid4()
    assert record(client_record, adviser.user, token=token) == record(
        client_record, adviser.user, token=token
    )
    assert FeedbackItem.objects.count() == 1


def _notification(item):
    from maatwerk.notifications.models import Notification

    return Notification.objects.get(kind="feedback.answered", client=item.client)


def test_answer_for_a_digital_client_goes_as_an_email_notice(client_record, adviser):
    item = record(client_record, adviser.user, kind="feedback")
    item = actions.answer_feedback(item=item, by_user=adviser.user, text="Dank u wel.")
    assert item.answer_via == "email"
    assert _notification(item).channel == "email"


def test_answer_by_email_for_a_client_who_prefers_email(adviser):
    client = factories.make_client(contact_person=adviser, preference={"channel": "email"})
    item = record(client, adviser.user, kind="feedback", received_via="email")
    item = actions.answer_feedback(item=item, by_user=adviser.user, text="Dank u wel.")
    assert item.answer_via == "email"


def test_answer_for_an_offline_client_goes_by_phone_through_the_notification_path(
    offline_client, adviser
):
    item = record(offline_client, adviser.user, kind="feedback", received_via="desk")
    assert item.owner == adviser
    item = actions.answer_feedback(item=item, by_user=adviser.user, text="We lossen het op.")
    assert item.answer_via == "phone"
    notification = _notification(item)
    assert notification.channel == "phone"
    assert "We lossen het op." in notification.text  # the call passes on the answer itself


def test_an_offline_client_without_a_phone_gets_the_answer_by_letter(adviser):
    client = factories.make_client(
        contact_person=adviser, email="", phone="", uses_digital_channels=False
    )
    item = record(client, adviser.user, kind="feedback", received_via="letter")
    item = actions.answer_feedback(item=item, by_user=adviser.user, text="Dank u wel.")
    assert item.answer_via == "letter"
    notification = _notification(item)
    assert notification.channel == "letter"
    assert "Dank u wel." in notification.text


# Pages


def test_the_staff_page_records_and_goes_to_the_item(login, client_record, adviser):
    web = login(adviser.user)
    url = reverse("feedback:staff_record", args=[client_record.pk])
    assert "Reactie vastleggen namens cliënt" in web.get(url).content.decode()
    response = web.post(
        url,
        {
            "submission_token": str(uuid.uuid4()),
            "received_via": "desk",
            "kind": "feedback",
            "text": "Het wachten aan de balie duurde lang.",
            "wants_answer": "ja",
        },
    )
    item = FeedbackItem.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("feedback:staff_item", args=[item.pk])
    assert item.received_via == "desk" and item.entered_by == adviser


def test_the_staff_page_says_what_is_missing(login, client_record, adviser):
    web = login(adviser.user)
    url = reverse("feedback:staff_record", args=[client_record.pk])
    response = web.post(url, {"submission_token": str(uuid.uuid4()), "kind": "complaint"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kies hoe de reactie binnenkwam" in page
    assert "Schrijf op wat de cliënt zei of schreef." in page
    # Portal is not on offer to staff: posted anyway, it is refused like no choice.
    response = web.post(
        url,
        {
            "submission_token": str(uuid.uuid4()),
            "received_via": "portal",
            "kind": "complaint",
            "text": "Te laat.",
            "wants_answer": "ja",
        },
    )
    assert "Kies hoe de reactie binnenkwam" in response.content.decode()
    assert not FeedbackItem.objects.exists()


def test_a_future_day_is_refused_on_the_page(login, client_record, adviser):
    web = login(adviser.user)
    url = reverse("feedback:staff_record", args=[client_record.pk])
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = web.post(
        url,
        {
            "submission_token": str(uuid.uuid4()),
            "received_via": "letter",
            "received_on": tomorrow.isoformat(),
            "kind": "complaint",
            "text": "Te laat.",
            "wants_answer": "ja",
        },
    )
    assert "niet in de toekomst" in response.content.decode()
    assert not FeedbackItem.objects.exists()


def test_a_client_outside_reach_is_a_403(login, client_record, stranger):
    web = login(stranger.user)
    url = reverse("feedback:staff_record", args=[client_record.pk])
    assert web.get(url).status_code == 403


def test_the_search_finds_only_clients_in_reach(login, client_record, adviser, stranger):
    url = reverse("feedback:staff_record_choose")
    found = login(adviser.user).get(url, {"naam": client_record.surname}).content.decode()
    assert reverse("feedback:staff_record", args=[client_record.pk]) in found
    found = login(stranger.user).get(url, {"naam": client_record.surname}).content.decode()
    assert reverse("feedback:staff_record", args=[client_record.pk]) not in found
    assert "Geen cliënt gevonden" in found
