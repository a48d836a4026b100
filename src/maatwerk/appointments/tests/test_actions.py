"""Booking, moving, cancelling and outcomes through the actions: the rules and every bad input."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk.appointments import actions, queries
from maatwerk.appointments.agenda import SlotTaken
from maatwerk.appointments.models import Appointment, OfficeAgenda, TimeClaim
from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.timeline.models import TimelineEvent

from .helpers import at, available, book, client_with_windows, kind, token, workday

pytestmark = pytest.mark.django_db


def counts():
    return (
        Appointment.objects.count(),
        TimeClaim.objects.count(),
        TimelineEvent.objects.filter(kind__startswith="appointment.").count(),
    )


def test_booking_saves_claims_timeline_and_mails_on_commit(
    agenda, client_record, adviser, django_capture_on_commit_callbacks
):
    day = workday()
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book(client_record, agenda, at(day, 10))
    assert appointment.staff == adviser
    assert appointment.ends_at - appointment.starts_at == dt.timedelta(minutes=45)
    assert TimeClaim.objects.filter(appointment=appointment).count() == 3
    event = TimelineEvent.objects.get(kind="appointment.booked")
    assert event.visible_to_client and event.actor_type == "client"
    assert "om 10:00" in event.summary and adviser.full_name in event.summary
    assert len(mail.outbox) == 1
    assert f"/mijn/afspraken/{appointment.pk}/" in mail.outbox[0].body


def test_same_token_twice_makes_one_appointment(agenda, client_record):
    same = token()
    first = book(client_record, agenda, at(workday(), 10), submission_token=same)
    again = book(client_record, agenda, at(workday(), 11), submission_token=same)
    assert again == first
    assert Appointment.objects.count() == 1


def test_a_token_of_another_client_is_refused(agenda, client_record, adviser):
    same = token()
    book(client_record, agenda, at(workday(), 10), submission_token=same)
    other = factories.make_client(contact_person=adviser, user=True)
    with pytest.raises(ValidationError):
        book(other, agenda, at(workday(), 11), submission_token=same)


def test_a_taken_slot_offers_the_next_free_ones(agenda, client_record, adviser):
    other = factories.make_client(contact_person=adviser, user=True)
    start = at(workday(), 10)
    book(client_record, agenda, start)
    before = counts()
    with pytest.raises(SlotTaken) as caught:
        book(other, agenda, start)
    assert "net door iemand anders gekozen" in caught.value.messages[0]
    assert caught.value.alternatives
    assert caught.value.alternatives[0].starts_at == at(workday(), 10, 45)
    assert counts() == before


def test_overlapping_appointments_of_different_lengths_are_refused(agenda, client_record):
    book(client_record, agenda, at(workday(), 10))  # 10:00–10:45
    other = factories.make_client(contact_person=client_record.assignments.get().staff)
    with pytest.raises(SlotTaken):
        book(other, agenda, at(workday(), 10, 30), user=client_record.user, code="videogesprek")


def test_the_database_refuses_a_double_booking_even_around_the_actions(agenda, client_record):
    appointment = book(client_record, agenda, at(workday(), 10))
    with pytest.raises(IntegrityError), transaction.atomic():
        TimeClaim.objects.create(
            staff=appointment.staff, starts_at=at(workday(), 10, 30), appointment=appointment
        )
    copy = Appointment.objects.filter(pk=appointment.pk).values().get()
    copy.pop("id")
    copy["submission_token"] = None
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(**copy)


@pytest.mark.parametrize(
    ("moment", "message"),
    [
        (lambda: timezone.now() - dt.timedelta(days=1), "al voorbij"),
        (lambda: at(workday(), 7), "gesloten"),
        (lambda: at(workday(), 16, 30), "gesloten"),  # 45 minutes run past 17:00
        (lambda: at(workday(), 10, 5), "uit de lijst"),
        (lambda: at(workday(), 10) + dt.timedelta(weeks=6), "weken vooruit"),
    ],
)
def test_bad_times_are_refused_in_dutch_and_nothing_is_saved(
    agenda, client_record, moment, message
):
    before = counts()
    with pytest.raises(ValidationError) as caught:
        book(client_record, agenda, moment())
    assert message in " ".join(caught.value.messages)
    assert counts() == before


def test_a_weekend_day_is_outside_opening_hours(agenda, client_record):
    day = workday()
    saturday = day + dt.timedelta(days=(5 - day.weekday()) % 7)
    with pytest.raises(ValidationError, match="gesloten"):
        book(client_record, agenda, at(saturday, 10))


def test_a_time_without_staff_is_taken_not_closed(office, client_record):
    """Open, but nobody is available: the same message as a taken slot (no alternatives)."""
    with pytest.raises(SlotTaken) as caught:
        book(client_record, office, at(workday(), 10))
    assert caught.value.alternatives == []


def test_the_contact_person_is_preferred(agenda, client_record, adviser, other_adviser):
    available(other_adviser, agenda)
    assert book(client_record, agenda, at(workday(), 10)).staff == adviser


def test_any_office_can_be_booked(agenda, client_record):
    elsewhere = factories.OfficeFactory(name="Werkplein Zwolle")
    colleague = factories.make_staff("Adviseur werk", offices=[elsewhere])
    available(colleague, elsewhere)
    appointment = book(client_record, elsewhere, at(workday(), 10))
    assert appointment.office == elsewhere and appointment.staff == colleague


# Preferences


def test_clients_cannot_book_a_time_that_clashes_with_their_preferences(agenda, adviser):
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(10), "ends": dt.time(16)}]
    )
    with pytest.raises(ValidationError, match="voorkeuren"):
        book(client, agenda, at(workday(), 9))
    assert book(client, agenda, at(workday(), 10)).pk


def test_staff_must_give_a_reason_to_override_and_it_is_recorded(agenda, adviser):
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(10), "ends": dt.time(16)}]
    )
    with pytest.raises(ValidationError) as caught:
        book(client, agenda, at(workday(), 9), user=adviser.user, override_reason="kort")
    assert "override_reason" in caught.value.error_dict
    assert Appointment.objects.count() == 0
    appointment = book(
        client, agenda, at(workday(), 9), user=adviser.user,
        override_reason="Cliënt belde zelf en wil graag vroeg komen.",
    )  # fmt: skip
    assert appointment.booked_by == adviser
    override = TimelineEvent.objects.get(kind="appointment.override")
    assert not override.visible_to_client
    assert "vroeg komen" in override.summary
    audit = AuditEntry.objects.get(action="appointment.override")
    assert audit.reason == appointment.override_reason


def test_video_is_not_offered_to_someone_who_does_not_use_digital_channels(agenda, adviser):
    offline = factories.make_client(contact_person=adviser, user=True, uses_digital_channels=False)
    week = queries.slot_week(agenda, kind("videogesprek"), offline, 1)
    staff_week = queries.slot_week(agenda, kind("videogesprek"), offline, 1, for_staff=True)
    assert week.count == 0 and staff_week.count > 0
    first = staff_week.days[0][1][0]
    assert "digitale kanalen" in first.clashes[0]


def test_an_office_without_step_free_access_is_not_offered_for_an_access_need(agenda, adviser):
    OfficeAgenda.objects.create(office=agenda, step_free=False)
    client = factories.make_client(
        contact_person=adviser, user=True, preference={"accessibility_needs": "Rolstoel"}
    )
    assert queries.slot_week(agenda, kind(), client, 1).count == 0
    assert queries.slot_week(agenda, kind("telefonisch-gesprek"), client, 1).count > 0


def test_the_client_sees_only_slots_inside_their_window(agenda, adviser):
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(10), "ends": dt.time(12)}]
    )
    week = queries.slot_week(agenda, kind(), client, 1)
    times = {c.local_start.time() for _day, choices in week.days for c in choices}
    assert times == {
        dt.time(10),
        dt.time(10, 15),
        dt.time(10, 30),
        dt.time(10, 45),
        dt.time(11),
        dt.time(11, 15),
    }


# Cancel, move, outcome


def test_cancel_frees_the_time_and_twice_changes_nothing(agenda, client_record, adviser):
    appointment = book(client_record, agenda, at(workday(), 10))
    actions.cancel(appointment=appointment, user=client_record.user)
    actions.cancel(appointment=appointment, user=client_record.user)
    appointment.refresh_from_db()
    assert appointment.status == "cancelled" and appointment.cancelled_at
    assert TimeClaim.objects.count() == 0
    assert TimelineEvent.objects.filter(kind="appointment.cancelled").count() == 1
    other = factories.make_client(contact_person=adviser, user=True)
    assert book(other, agenda, at(workday(), 10)).staff == adviser


def test_nobody_cancels_someone_elses_appointment(agenda, client_record, adviser, office):
    appointment = book(client_record, agenda, at(workday(), 10))
    other_client = factories.make_client(contact_person=adviser, user=True)
    stranger = factories.make_staff("Adviseur werk", offices=[factories.OfficeFactory()])
    for user in (other_client.user, stranger.user):
        with pytest.raises(PermissionDenied):
            actions.cancel(appointment=appointment, user=user)
        with pytest.raises(PermissionDenied):
            actions.move(appointment=appointment, starts_at=at(workday(), 11), user=user)
    appointment.refresh_from_db()
    assert appointment.status == "booked" and appointment.starts_at == at(workday(), 10)


def test_move_keeps_the_record_and_its_claims_follow(agenda, client_record):
    appointment = book(client_record, agenda, at(workday(), 10))
    moved = actions.move(
        appointment=appointment, starts_at=at(workday(), 14), user=client_record.user
    )
    assert moved.pk == appointment.pk
    assert sorted(TimeClaim.objects.values_list("starts_at", flat=True)) == [
        at(workday(), 14), at(workday(), 14, 15), at(workday(), 14, 30)
    ]  # fmt: skip
    event = TimelineEvent.objects.get(kind="appointment.moved")
    assert "om 10:00" in event.summary and "om 14:00" in event.summary


def test_move_into_own_time_overlapping_itself_works(agenda, client_record):
    appointment = book(client_record, agenda, at(workday(), 10))
    moved = actions.move(
        appointment=appointment, starts_at=at(workday(), 10, 15), user=client_record.user
    )
    assert moved.starts_at == at(workday(), 10, 15)


def test_move_to_a_taken_time_changes_nothing(agenda, client_record, adviser):
    other = factories.make_client(contact_person=adviser, user=True)
    book(other, agenda, at(workday(), 14))
    appointment = book(client_record, agenda, at(workday(), 10))
    with pytest.raises(SlotTaken):
        actions.move(appointment=appointment, starts_at=at(workday(), 14), user=client_record.user)
    appointment.refresh_from_db()
    assert appointment.starts_at == at(workday(), 10)
    assert TimeClaim.objects.filter(appointment=appointment).count() == 3


def test_outcome_only_after_the_start_and_only_once(agenda, client_record, adviser):
    appointment = book(client_record, agenda, at(workday(), 10))
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        actions.record_outcome(appointment=appointment, held=True, user=adviser.user)
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=1), ends_at=timezone.now()
    )
    actions.record_outcome(appointment=appointment, held=True, user=adviser.user)
    with pytest.raises(ValidationError, match="al vastgelegd"):
        actions.record_outcome(appointment=appointment, held=False, user=adviser.user)
    event = TimelineEvent.objects.get(kind="appointment.held")
    assert event.actor_staff == adviser and event.visible_to_client
    with pytest.raises(PermissionDenied):
        actions.record_outcome(appointment=appointment, held=True, user=client_record.user)


def test_call_list_gives_phone_appointments_at_their_time(agenda, client_record, adviser):
    day = workday()
    book(client_record, agenda, at(day, 11), code="telefonisch-gesprek")
    book(client_record, agenda, at(day, 14))
    items = queries.calls_due(adviser, day)
    assert [(i.client, i.not_before, i.source) for i in items] == [
        (client_record, dt.time(11), "appointments")
    ]
    from maatwerk.core.call_list import sources

    assert queries.calls_due in sources()
