import pytest
from django.db import IntegrityError, transaction

from maatwerk.core.append_only import AppendOnlyError
from maatwerk.timeline.actions import Actor, record_event
from maatwerk.timeline.models import TimelineEvent
from maatwerk.timeline.queries import events_for_client, events_for_staff

pytestmark = pytest.mark.django_db


def test_registration_puts_events_on_the_timeline(client_record, adviser):
    kinds = set(client_record.timeline_events.values_list("kind", flat=True))
    assert {"client.registered", "contact_person.assigned"} <= kinds
    assigned = client_record.timeline_events.get(kind="contact_person.assigned")
    assert adviser.full_name in assigned.summary
    assert adviser.job_title in assigned.summary


def test_unknown_kind_and_missing_data_are_refused(client_record):
    with pytest.raises(LookupError):
        record_event(client_record, "no.such.kind", Actor.system())
    with pytest.raises(ValueError, match="staff_name"):
        record_event(client_record, "contact_person.changed", Actor.system(), {"job_title": "x"})


def test_a_staff_event_always_names_the_staff_member(client_record):
    with pytest.raises(ValueError):
        record_event(client_record, "note.added", Actor("staff"), {"text": "x"})
    with pytest.raises(IntegrityError), transaction.atomic():
        TimelineEvent.objects.create(client=client_record, kind="note.added", actor_type="staff")


def test_staff_only_events_stay_hidden_from_the_client(client_record, adviser):
    record_event(client_record, "note.added", Actor.of_staff(adviser), {"text": "intern"})
    assert events_for_staff(client_record).filter(kind="note.added").exists()
    assert not events_for_client(client_record).filter(kind="note.added").exists()


def test_events_are_append_only(client_record):
    event = client_record.timeline_events.first()
    event.data = {"office": "ergens anders"}
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_client_written_text_is_escaped(login, adviser, client_record):
    from django.urls import reverse

    web = login(adviser.user)
    web.post(
        reverse("clients:add_note", args=[client_record.pk]),
        {"text": "<script>alert('x')</script>"},
    )
    response = web.get(reverse("clients:file", args=[client_record.pk]))
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert" in response.text
