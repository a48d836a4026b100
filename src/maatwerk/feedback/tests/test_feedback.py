import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from maatwerk.core.append_only import AppendOnlyError
from maatwerk.core.tests import factories
from maatwerk.feedback import actions, queries
from maatwerk.feedback.deadlines import answer_deadline
from maatwerk.feedback.models import FeedbackHistory, FeedbackItem

from .helpers import submit

pytestmark = pytest.mark.django_db


def test_feedback_goes_to_the_contact_person_with_ten_working_days(client_record, adviser, manager):
    item = submit(client_record, "feedback")
    assert item.owner == adviser
    assert item.status == "received"
    assert item.deadline == answer_deadline("feedback", timezone.localdate())
    assert item.office == client_record.office
    kinds = list(client_record.timeline_events.values_list("kind", flat=True))
    assert "feedback.submitted" in kinds and "feedback.owner_assigned" in kinds
    assert list(item.history.values_list("event", flat=True)) == ["submitted"]


def test_a_complaint_goes_to_the_office_manager_with_six_weeks(client_record, adviser, manager):
    item = submit(client_record, "complaint")
    assert item.owner == manager
    assert item.deadline == answer_deadline("complaint", timezone.localdate())
    assert item.deadline >= timezone.localdate() + dt.timedelta(weeks=6)


def test_owner_falls_back_when_nobody_is_there(client_record, adviser):
    # No manager at the office: the complaint goes to the contact person.
    assert submit(client_record, "complaint").owner == adviser


def test_no_answer_wanted_means_no_owner_and_no_deadline(client_record, adviser):
    item = submit(client_record, "suggestion", wants_answer=False)
    assert item.owner is None and item.deadline is None
    assert not client_record.timeline_events.filter(kind="feedback.owner_assigned").exists()
    assert not queries.open_items().filter(pk=item.pk).exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Schrijf uw reactie."), ("  \n ", "Schrijf uw reactie."), ("x" * 4001, "maximaal 4000")],
)
def test_empty_or_oversized_text(client_record, adviser, text, message):
    with pytest.raises(ValidationError) as error:
        submit(client_record, text=text)
    assert message in error.value.message_dict["text"][0]
    assert not FeedbackItem.objects.exists()
    assert not client_record.timeline_events.filter(kind__startswith="feedback.").exists()


def test_an_unknown_kind_is_refused(client_record, adviser):
    with pytest.raises(ValidationError):
        submit(client_record, kind="lofzang")


def test_double_submit_creates_one_item(client_record, adviser):
    token = uuid.uuid4()
    assert submit(client_record, token=token) == submit(client_record, token=token)
    assert FeedbackItem.objects.count() == 1
    assert client_record.timeline_events.filter(kind="feedback.submitted").count() == 1


def test_owner_answers_signed_by_name_and_job_title(client_record, adviser):
    item = submit(client_record)
    actions.start_handling(item=item, by_user=adviser.user)
    item = actions.answer_feedback(item=item, by_user=adviser.user, text="We bellen u terug.")
    assert item.status == "answered"
    assert item.answered_by_name == adviser.full_name
    assert item.answered_by_job_title == adviser.job_title
    assert list(item.history.values_list("status", flat=True)) == [
        "received",
        "in_progress",
        "answered",
    ]
    event = client_record.timeline_events.get(kind="feedback.answered")
    assert event.visible_to_client and event.actor_staff == adviser


def test_answering_someone_elses_item_is_refused(client_record, adviser, other_adviser, manager):
    item = submit(client_record)
    for user in (other_adviser.user, manager.user):
        with pytest.raises(ValidationError) as error:
            actions.answer_feedback(item=item, by_user=user, text="Ik antwoord wel.")
        assert "Alleen de eigenaar" in error.value.messages[0]
        with pytest.raises(ValidationError):
            actions.start_handling(item=item, by_user=user)
    item.refresh_from_db()
    assert item.status == "received" and item.answer == ""
    assert item.history.count() == 1


def test_an_answered_item_cannot_be_answered_again(client_record, adviser):
    item = submit(client_record)
    actions.answer_feedback(item=item, by_user=adviser.user, text="Eerste antwoord.")
    with pytest.raises(ValidationError) as error:
        actions.answer_feedback(item=item, by_user=adviser.user, text="Tweede antwoord.")
    assert "al beantwoord" in error.value.messages[0]
    item.refresh_from_db()
    assert item.answer == "Eerste antwoord."


def test_empty_answer_is_refused(client_record, adviser):
    item = submit(client_record)
    with pytest.raises(ValidationError) as error:
        actions.answer_feedback(item=item, by_user=adviser.user, text=" ")
    assert error.value.message_dict["answer"] == ["Schrijf je antwoord."]


def test_an_unsigned_answer_is_refused_by_the_database(client_record, adviser):
    item = submit(client_record)
    # Raw update around the actions: an answer without a signature never reaches the table.
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackItem.objects.filter(pk=item.pk).update(
            status="answered", answer="Anoniem antwoord", answered_at=timezone.now()
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackItem.objects.filter(pk=item.pk).update(
            status="answered",
            answer="Zonder functie",
            answered_at=timezone.now(),
            answered_by=adviser,
            answered_by_name=adviser.full_name,
            answered_by_job_title="",
        )


def test_an_input_wanting_an_answer_always_has_an_owner_in_the_database(client_record, adviser):
    item = submit(client_record)
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackItem.objects.filter(pk=item.pk).update(owner=None)


def test_history_is_append_only(client_record, adviser):
    item = submit(client_record)
    row = item.history.get()
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        FeedbackHistory.objects.all().delete()


def test_manager_reassigns_and_history_keeps_the_old_owner(
    client_record, adviser, other_adviser, manager
):
    item = submit(client_record)
    actions.reassign_owner(
        item=item, new_owner=other_adviser, by_user=manager.user, reason="Adviseur met verlof"
    )
    item.refresh_from_db()
    assert item.owner == other_adviser
    owners = list(item.history.values_list("owner_id", flat=True))
    assert owners == [adviser.pk, other_adviser.pk]
    assert item.history.last().reason == "Adviseur met verlof"
    # The old owner may no longer answer; the new one may.
    with pytest.raises(ValidationError):
        actions.answer_feedback(item=item, by_user=adviser.user, text="Toch ik.")
    actions.answer_feedback(item=item, by_user=other_adviser.user, text="Ik neem het over.")


def test_without_the_right_no_owner_or_deadline_change(
    client_record, adviser, other_adviser, other_manager
):
    item = submit(client_record)
    later = timezone.localdate() + dt.timedelta(days=30)
    for user in (adviser.user, other_adviser.user, other_manager.user, client_record.user):
        with pytest.raises(ValidationError) as error:
            actions.reassign_owner(item=item, new_owner=other_adviser, by_user=user, reason="Zo")
        assert "niet wijzigen" in error.value.messages[0]
        with pytest.raises(ValidationError):
            actions.change_deadline(item=item, deadline=later, by_user=user, reason="Zo")
    item.refresh_from_db()
    assert item.owner == adviser
    assert item.history.count() == 1


def test_manager_moves_the_deadline_with_a_reason(client_record, adviser, manager):
    item = submit(client_record)
    later = timezone.localdate() + dt.timedelta(days=30)
    with pytest.raises(ValidationError) as error:
        actions.change_deadline(item=item, deadline=later, by_user=manager.user, reason="")
    assert error.value.message_dict["reason"] == ["Geef een reden."]
    with pytest.raises(ValidationError):
        actions.change_deadline(
            item=item,
            deadline=timezone.localdate() - dt.timedelta(days=1),
            by_user=manager.user,
            reason="Terug in de tijd",
        )
    actions.change_deadline(
        item=item, deadline=later, by_user=manager.user, reason="Meer uitzoekwerk"
    )
    item.refresh_from_db()
    assert item.deadline == later
    event = client_record.timeline_events.get(kind="feedback.deadline_changed")
    assert event.visible_to_client and date_format(later, "j F Y") in event.summary


def test_reassign_to_someone_outside_the_office_is_refused(
    client_record, adviser, manager, stranger
):
    item = submit(client_record)
    with pytest.raises(ValidationError) as error:
        actions.reassign_owner(item=item, new_owner=stranger, by_user=manager.user, reason="Zo")
    assert "new_owner" in error.value.message_dict


def _overdue(item, days=3):
    """Back-date an item's deadline (test set-up only; no action moves deadlines backwards)."""
    FeedbackItem.objects.filter(pk=item.pk).update(
        deadline=timezone.localdate() - dt.timedelta(days=days)
    )


def test_manager_overview_counts_per_office(
    client_record, adviser, manager, other_office, stranger, other_manager
):
    open_item = submit(client_record)
    late = submit(client_record, "complaint")
    _overdue(late)
    answered = submit(client_record)
    actions.answer_feedback(item=answered, by_user=adviser.user, text="Opgelost.")
    submit(client_record, wants_answer=False)  # counts nowhere
    elsewhere = factories.make_client(contact_person=stranger)
    _overdue(submit(elsewhere))

    rows = {row["pk"]: row for row in queries.office_overview(first=[client_record.office_id])}
    mine = rows[client_record.office_id]
    assert (mine["open_count"], mine["overdue_count"], mine["answered_count"]) == (2, 1, 1)
    # Another office's handful of inputs is a figure about its clients: too few to show.
    theirs = rows[other_office.pk]
    assert theirs["too_few"] and theirs["open_count"] is None
    for _ in range(9):
        submit(elsewhere)
    rows = {row["pk"]: row for row in queries.office_overview(first=[client_record.office_id])}
    theirs = rows[other_office.pk]
    assert (theirs["open_count"], theirs["overdue_count"], theirs["answered_count"]) == (10, 1, 0)
    # The lists show the manager's own offices only.
    listed = set(queries.open_items_of_offices(manager.user))
    assert listed == {open_item, late}


def test_overview_page_marks_overdue_in_text(login, client_record, adviser, manager):
    late = submit(client_record)
    _overdue(late)
    body = login(manager.user).get(reverse("feedback:office_overview")).content.decode()
    assert "Te laat" in body
    assert "1 te laat" in body


def test_client_sees_status_and_signed_answer_and_only_their_own(
    login, client_record, adviser, office
):
    item = submit(client_record, text="<script>alert(1)</script> Waarom zo laat?")
    web = login(client_record.user)
    body = web.get(reverse("feedback:client_item", args=[item.pk])).content.decode()
    assert "Ontvangen" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)" not in body
    actions.answer_feedback(
        item=item, by_user=adviser.user, text="<i>Sorry</i>, we gaan het beter doen."
    )
    body = web.get(reverse("feedback:client_item", args=[item.pk])).content.decode()
    assert "Beantwoord" in body
    assert "&lt;i&gt;Sorry&lt;/i&gt;" in body
    assert adviser.full_name in body and adviser.job_title in body

    someone_else = factories.make_client(contact_person=adviser, user=True)
    response = login(someone_else.user).get(reverse("feedback:client_item", args=[item.pk]))
    assert response.status_code == 404


def test_client_form_errors_are_dutch_and_nothing_is_saved(login, client_record, adviser):
    web = login(client_record.user)
    token = str(uuid.uuid4())
    response = web.post(
        reverse("feedback:client_new"),
        {"kind": "feedback", "text": "x" * 5000, "wants_answer": "ja", "submission_token": token},
    )
    assert response.status_code == 200
    assert "te lang" in response.content.decode()
    response = web.post(reverse("feedback:client_new"), {"submission_token": token})
    body = response.content.decode()
    assert "Kies wat voor reactie het is." in body and "Schrijf uw reactie." in body
    response = web.post(reverse("feedback:client_new"), {"kind": "x", "wants_answer": "misschien"})
    assert response.status_code == 200
    assert not FeedbackItem.objects.exists()


def test_client_submits_through_the_page_once(login, client_record, adviser):
    web = login(client_record.user)
    form = {
        "kind": "suggestion",
        "text": "Een avondspreekuur zou fijn zijn.",
        "wants_answer": "ja",
        "submission_token": str(uuid.uuid4()),
    }
    first = web.post(reverse("feedback:client_new"), form)
    second = web.post(reverse("feedback:client_new"), form)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
    assert FeedbackItem.objects.count() == 1


def test_staff_pages_refuse_other_peoples_items(
    login, client_record, adviser, other_adviser, other_manager
):
    item = submit(client_record)
    for user in (other_adviser.user, other_manager.user):
        response = login(user).get(reverse("feedback:staff_item", args=[item.pk]))
        assert response.status_code == 403
        response = login(user).post(
            reverse("feedback:staff_answer", args=[item.pk]), {"answer": "Hallo"}
        )
        assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == "received"


def test_owner_answers_through_the_page(login, client_record, adviser):
    item = submit(client_record)
    web = login(adviser.user)
    response = web.post(reverse("feedback:staff_answer", args=[item.pk]), {"answer": ""})
    assert response.status_code == 200
    assert "Schrijf je antwoord." in response.content.decode()
    response = web.post(reverse("feedback:staff_start", args=[item.pk]))
    assert response.status_code == 302
    response = web.post(reverse("feedback:staff_answer", args=[item.pk]), {"answer": "Geregeld."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "answered"
    # Answering again through the page: a Dutch error, not a 500.
    response = web.post(
        reverse("feedback:staff_answer", args=[item.pk]), {"answer": "Nog eens"}, follow=True
    )
    assert response.status_code == 200
    assert "al beantwoord" in response.content.decode()


def test_manager_pages_bad_input(login, client_record, adviser, manager, stranger):
    item = submit(client_record)
    web = login(manager.user)
    url = reverse("feedback:staff_reassign", args=[item.pk])
    for data in [{}, {"new_owner": stranger.pk, "reason": "x"}, {"new_owner": "abc"}]:
        assert web.post(url, data).status_code == 200
    url = reverse("feedback:staff_deadline", args=[item.pk])
    for data in [
        {},
        {"deadline": "31-02-2026", "reason": "x"},
        {"deadline": "2020-01-01", "reason": "x"},
    ]:
        assert web.post(url, data).status_code == 200
    item.refresh_from_db()
    assert item.owner == adviser and item.history.count() == 1


def test_practice_accounts_count_nowhere(client_record, adviser, manager):
    from maatwerk.portal.actions import open_practice_account

    practice = open_practice_account(staff=adviser)
    item = submit(practice, "complaint")
    assert item.owner == adviser  # stays with the staff member who practises
    own = [practice.office_id]
    row = next(r for r in queries.office_overview(first=own) if r["pk"] == practice.office_id)
    assert row["open_count"] == 0
    assert not queries.open_items_of_offices(manager.user).exists()


def test_another_clients_token_never_returns_their_item(client_record, adviser):
    token = uuid.uuid4()
    theirs = submit(client_record, token=token)
    someone_else = factories.make_client(contact_person=adviser)
    with pytest.raises(ValidationError) as error:
        submit(someone_else, token=token)
    assert "al gebruikt" in error.value.messages[0]
    assert FeedbackItem.objects.get() == theirs


def test_owner_list_shows_open_items_first(client_record, adviser):
    answered = submit(client_record)
    actions.answer_feedback(item=answered, by_user=adviser.user, text="Klaar.")
    later = submit(client_record, "suggestion")
    assert list(queries.owned_items(adviser)) == [later, answered]


def test_the_database_refuses_to_edit_history(client_record, adviser):
    from django.db import DatabaseError, connection

    item = submit(client_record)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE feedback_feedbackhistory SET reason = 'weg' WHERE item_id = %s", [item.pk]
        )
