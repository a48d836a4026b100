"""The cycle follows appointments through the timeline: booked → off the call list, cancelled →
back on it, held → the conversation is held."""

import datetime as dt

import pytest
from django.db import transaction

from maatwerk.serviceplan import actions, call_list, queries
from maatwerk.serviceplan.models import Conversation
from maatwerk.timeline import kinds
from maatwerk.timeline.actions import Actor, record_event
from maatwerk.timeline.models import TimelineEvent

from .helpers import TALK, service

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


def appointment_event(client, kind, staff, about):
    """An event of the appointments app's kind, with whatever its summary asks for."""
    data = dict.fromkeys(kinds.get(kind).fields, "x")
    return record_event(client, kind, Actor.of_staff(staff), data, about=about)


def test_booking_cancelling_and_holding(client_record, adviser):
    actions.decide_plan(
        client=client_record, services=[service(TALK)], user=adviser.user, today=TODAY
    )
    first = queries.next_conversation(client_record)
    assert [c.item.client for c in call_list.build(adviser, TODAY).calls] == [client_record]

    appointment_event(client_record, "appointment.booked", adviser, about=adviser)
    first.refresh_from_db()
    assert first.appointment_ref == str(adviser.pk)
    assert call_list.build(adviser, TODAY).calls == []  # booked: no call needed

    appointment_event(client_record, "appointment.cancelled", adviser, about=adviser)
    first.refresh_from_db()
    assert first.appointment_ref == ""
    assert call_list.build(adviser, TODAY).calls

    appointment_event(client_record, "appointment.booked", adviser, about=adviser)
    appointment_event(client_record, "appointment.held", adviser, about=adviser)
    first.refresh_from_db()
    assert first.status == Conversation.Status.HELD and first.held_by == adviser
    event = TimelineEvent.objects.get(kind="serviceplan.cycle_followed")
    assert not event.visible_to_client


def test_other_events_and_clients_without_a_plan_are_left_alone(client_record, adviser):
    appointment_event(client_record, "appointment.held", adviser, about=adviser)
    assert not Conversation.objects.exists()
    assert not TimelineEvent.objects.filter(kind__startswith="serviceplan.").exists()


def test_a_failure_in_the_cycle_never_breaks_the_appointment(
    client_record, adviser, monkeypatch, caplog
):
    from maatwerk.serviceplan import receivers

    def broken(event):
        Conversation.objects.create()  # a database error inside the receiver's savepoint

    monkeypatch.setattr(receivers, "follow_appointment", broken)
    with transaction.atomic():
        appointment_event(client_record, "appointment.booked", adviser, about=adviser)
        # The appointment's own transaction is still usable after the failed receiver.
        assert TimelineEvent.objects.filter(kind="appointment.booked").count() == 1
    assert TimelineEvent.objects.filter(kind="appointment.booked").exists()
    assert "Could not follow appointment event" in caplog.text
