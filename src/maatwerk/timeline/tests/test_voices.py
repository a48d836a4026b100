"""Every timeline kind is told twice: to the client ("U heeft …") and to staff, about the client
("Nicole heeft …"). docs/adr/0037-two-voices-on-the-timeline.md."""

import dataclasses
import re

import pytest
from django.urls import reverse
from django.utils import translation

from maatwerk.timeline import kinds
from maatwerk.timeline.actions import Actor, record_event
from maatwerk.timeline.kinds import Voice
from maatwerk.timeline.models import TimelineEvent
from maatwerk.timeline.queries import events_for_client, events_for_staff

# Words that address the reader: a staff summary talks about the client, never to them.
ADDRESSING_THE_CLIENT = re.compile(r"\b(u|uw|U|Uw)\b")


def _placeholder_data(kind: kinds.EventKind) -> dict:
    return dict.fromkeys(kind.fields, "2026-12-15")


@pytest.mark.parametrize("kind", kinds.all_kinds(), ids=lambda kind: kind.code)
def test_every_kind_has_the_summaries_its_readers_need(kind):
    if kind.visible_to_client:
        assert kind.summary, f"{kind.code} is shown to the client without a client summary"
    if kind.visible_to_staff:
        assert kind.staff_summary, f"{kind.code} is shown to staff without a staff summary"
        with translation.override("nl"):
            text = kind.render(
                _placeholder_data(kind), Voice.STAFF, first_name="Nicole", actor="Nicole"
            )
            label = kind.label_in(Voice.STAFF)
        assert not ADDRESSING_THE_CLIENT.search(text), f"{kind.code} speaks to the client: {text}"
        assert not ADDRESSING_THE_CLIENT.search(label), f"{kind.code} label: {label}"
        assert not text.startswith("Maatwerk"), "the product is never the one who acts"


def test_register_refuses_a_kind_without_the_summaries_its_readers_need():
    with pytest.raises(ValueError, match="staff_summary"):
        kinds.register("test.client_voice_only", "Test", "U deed iets.")
    with pytest.raises(ValueError, match="summary"):
        kinds.register("test.staff_voice_only", "Test", staff_summary="{first_name} deed iets.")
    with pytest.raises(ValueError, match="nobody"):
        kinds.register("test.nobody", "Test", "U.", visible_to_client=False, visible_to_staff=False)
    assert "test.client_voice_only" not in kinds.registry
    assert "test.staff_voice_only" not in kinds.registry
    # Client-only and staff-only kinds need only the voice of the ones who see them.
    client_only = kinds.EventKind(
        "test.client_only", "Test", "U deed iets.", visible_to_staff=False
    )
    staff_only = kinds.EventKind(
        "test.staff_only", "Test", staff_summary="Notitie.", visible_to_client=False
    )
    assert client_only.render({}, Voice.STAFF) == "Test"  # the label, never the client's words
    assert staff_only.render({}, Voice.CLIENT) == "Test"


@pytest.mark.django_db
def test_record_event_refuses_a_kind_without_a_staff_summary(client_record):
    kind = kinds.EventKind("test.half", "Test", "U deed iets.", staff_summary="{first_name}.")
    # A kind that slipped past ``register`` (built and changed by hand) is still refused.
    object.__setattr__(kind, "staff_summary", None)
    before = TimelineEvent.objects.count()
    with (
        kinds.registry.registered("test.half", kind),
        pytest.raises(ValueError, match="no summary for staff"),
    ):
        record_event(client_record, "test.half", Actor.client())
    client_side = dataclasses.replace(
        kinds.get("note.added"), code="test.half_client", visible_to_client=True, summary="x"
    )
    object.__setattr__(client_side, "summary", None)
    with (
        kinds.registry.registered("test.half_client", client_side),
        pytest.raises(ValueError, match="no summary for the client"),
    ):
        record_event(client_record, "test.half_client", Actor.client(), {"text": "x"})
    assert TimelineEvent.objects.count() == before


@pytest.mark.django_db
def test_shown_names_are_never_stored_and_the_system_is_nobody(client_record, adviser):
    with pytest.raises(ValueError, match="first_name"):
        record_event(
            client_record, "note.added", Actor.of_staff(adviser), {"text": "x", "first_name": "Y"}
        )
    with pytest.raises(ValueError, match="nobody"):
        record_event(client_record, "contact_preferences.changed", Actor.system(), {"summary": "x"})


@pytest.mark.django_db
def test_staff_read_about_the_client_and_the_client_reads_to_themselves(client_record, adviser):
    record_event(client_record, "werkverkenner.submitted", Actor.client(), {"together": ""})
    first_name = client_record.first_name
    staff_event = events_for_staff(client_record).get(kind="werkverkenner.submitted")
    client_event = events_for_client(client_record).get(kind="werkverkenner.submitted")
    assert staff_event.summary == f"{first_name} heeft de Werkverkenner ingevuld."
    assert client_event.summary.startswith("U heeft de Werkverkenner ingevuld.")
    assert staff_event.client_summary == client_event.summary
    # The first name is filled in when shown: it is not in the stored data.
    assert first_name not in str(staff_event.data)
    reply = kinds.get("messaging.staff_reply")
    assert reply.label_in(Voice.CLIENT) == "Antwoord op uw bericht"
    assert reply.label_in(Voice.STAFF) == "Antwoord op een bericht"


@pytest.mark.django_db
def test_who_changed_the_preferences_is_named_in_both_voices(client_record, adviser):
    record_event(client_record, "contact_preferences.changed", Actor.client(), {"summary": "a"})
    record_event(
        client_record, "contact_preferences.changed", Actor.of_staff(adviser), {"summary": "b"}
    )
    by_client, by_staff = sorted(
        events_for_staff(client_record).filter(kind="contact_preferences.changed"),
        key=lambda event: event.pk,
    )
    name = client_record.first_name
    assert by_client.summary == f"{name} heeft de contactvoorkeuren aangepast: a."
    assert by_staff.summary == f"{adviser.full_name} heeft de contactvoorkeuren aangepast: b."
    assert by_client.client_summary == "U heeft uw contactvoorkeuren aangepast: a."
    assert (
        by_staff.client_summary == f"{adviser.full_name} heeft uw contactvoorkeuren aangepast: b."
    )


@pytest.mark.django_db
def test_dates_in_the_data_are_written_out_in_the_readers_language(client_record, adviser):
    record_event(
        client_record,
        "feedback.deadline_changed",
        Actor.of_staff(adviser),
        {"deadline": "2026-12-15"},
    )
    event = events_for_client(client_record).get(kind="feedback.deadline_changed")
    with translation.override("nl"):
        assert event.summary == "U krijgt uiterlijk 15 december 2026 antwoord op uw reactie."
    # Events stored before ISO dates read the same.
    kind = kinds.get("feedback.deadline_changed")
    with translation.override("nl"):
        assert "15 december 2026" in kind.render({"deadline": "15-12-2026"})


@pytest.mark.django_db
def test_the_client_file_speaks_about_the_client(login, adviser, client_record):
    from maatwerk.werkverkenner.demo import DOING_WELL, fill_in

    fill_in(client_record, dict(DOING_WELL))  # the real actions, as the client would
    web = login(adviser.user)
    page = web.get(reverse("clients:file", args=[client_record.pk])).text
    assert f"{client_record.first_name} heeft de Werkverkenner ingevuld" in page
    assert "U heeft" not in page and "U bent" not in page
    portal = login(client_record.user).get(reverse("portal:home")).text
    assert "U heeft de Werkverkenner ingevuld" in portal
    assert f"{client_record.first_name} heeft de Werkverkenner" not in portal
