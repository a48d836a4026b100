"""Reminders (the day before, inside the client's window, never twice), the plugin registry,
and two clients racing for the last slot on PostgreSQL."""

import datetime as dt
import threading
from io import StringIO

import pytest
from django import test as django_test
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from maatwerk.appointments import agenda as agenda_module
from maatwerk.appointments import tasks
from maatwerk.appointments.agenda import AgendaPlugin, SlotTaken, plugin_for, registry
from maatwerk.appointments.models import Appointment, OfficeAgenda, Reminder
from maatwerk.appointments.preferences import ClientWishes, Window
from maatwerk.appointments.reminders import reminder_due_at
from maatwerk.appointments.slots import Slot
from maatwerk.core.tests import factories

from .helpers import at, available, book, client_with_windows, kind, workday


def test_reminder_time_is_the_day_before_inside_the_window():
    tuesday = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    assert reminder_due_at(tuesday, ClientWishes()).strftime("%a %H:%M") == "Mon 10:00"
    late = ClientWishes(windows=(Window(None, dt.time(13), dt.time(17)),))
    assert reminder_due_at(tuesday, late).strftime("%a %H:%M") == "Mon 13:00"
    monday = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)  # Sunday has no working-day window
    assert reminder_due_at(monday, late).strftime("%a %d %H:%M") == "Fri 27 13:00"


@pytest.mark.django_db
def test_reminder_is_sent_once_however_often_it_runs(
    agenda, adviser, django_capture_on_commit_callbacks
):
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(9), "ends": dt.time(17)}]
    )
    appointment = book(client, agenda, at(workday(), 10))
    due = reminder_due_at(appointment.starts_at, ClientWishes.of(client))
    assert tasks.due_reminders(now=due - dt.timedelta(minutes=1)) == []
    assert tasks.due_reminders(now=due) == [appointment.pk]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_reminder.call(appointment.pk) == "sent"
        assert tasks.send_reminder.call(appointment.pk) == "already sent"
    assert len(mail.outbox) == 1 and "Morgen heeft u een afspraak" in mail.outbox[0].body
    assert Reminder.objects.filter(appointment=appointment).count() == 1
    assert tasks.due_reminders(now=due) == []


@pytest.mark.django_db
def test_the_command_schedules_due_reminders(agenda, client_record, monkeypatch):
    appointment = book(client_record, agenda, at(workday(), 10))
    monkeypatch.setattr(tasks, "due_reminders", lambda now=None: [appointment.pk])
    from maatwerk.appointments.management.commands import appointment_reminders

    monkeypatch.setattr(appointment_reminders, "due_reminders", tasks.due_reminders)
    out = StringIO()
    call_command("appointment_reminders", stdout=out)
    assert "1 herinnering" in out.getvalue()
    assert Reminder.objects.filter(appointment=appointment).count() == 1


@pytest.mark.django_db
def test_a_moved_appointment_gets_a_new_reminder(agenda, client_record):
    from maatwerk.appointments import actions

    appointment = book(client_record, agenda, at(workday(), 10))
    tasks.send_reminder.call(appointment.pk)
    actions.move(appointment=appointment, starts_at=at(workday(), 14), user=client_record.user)
    assert tasks.send_reminder.call(appointment.pk) == "sent"
    assert Reminder.objects.filter(appointment=appointment).count() == 2


class FakeAgenda(AgendaPlugin):
    """An external agenda that has one free slot and refuses every booking."""

    verbose_name = "Nep-agenda"
    calls: list = []

    def products(self, office):
        return []

    def free_slots(self, office, kind, first_day, last_day, **kwargs):
        self.calls.append(("free_slots", office.pk))
        start = dt.datetime.combine(first_day + dt.timedelta(days=7), dt.time(10), tzinfo=dt.UTC)
        return [Slot(start, start + dt.timedelta(minutes=kind.duration_minutes), (0,))]

    def book(self, booking):
        self.calls.append(("book", booking.office.pk))
        raise SlotTaken("Bezet in het externe systeem.")

    def cancel(self, appointment):
        pass

    def move(self, appointment, starts_at):
        raise SlotTaken("Bezet.")


@pytest.fixture
def fake_plugin():
    registry("nep")(FakeAgenda)
    FakeAgenda.calls = []
    yield FakeAgenda
    registry.unregister("nep")


@pytest.mark.django_db
def test_an_office_uses_the_plugin_its_config_names(agenda, client_record, fake_plugin):
    assert plugin_for(agenda).identifier == agenda_module.DEFAULT_PLUGIN
    OfficeAgenda.objects.create(office=agenda, plugin="nep")
    assert isinstance(plugin_for(agenda), FakeAgenda)
    assert list(FakeAgenda().offices()) == [agenda]
    assert agenda not in registry.get("builtin").offices()
    browser = django_test.Client()
    browser.force_login(client_record.user)
    response = browser.get(
        reverse("appointments:slots"),
        {"vestiging": agenda.pk, "soort": kind().pk, "week": 1},
    )
    assert response.status_code == 200
    assert ("free_slots", agenda.pk) in FakeAgenda.calls
    with pytest.raises(SlotTaken):
        book(client_record, agenda, at(workday(), 10))
    assert ("book", agenda.pk) in FakeAgenda.calls
    assert Appointment.objects.count() == 0


def test_registry_refuses_doubles_and_strangers():
    with pytest.raises(ValueError):
        registry("builtin")(FakeAgenda)
    with pytest.raises(TypeError):
        registry("vreemd")(object)
    with pytest.raises(LookupError):
        registry.get("bestaat-niet")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a real race needs PostgreSQL (SQLite serialises writers with IMMEDIATE transactions)",
)
def test_two_clients_race_for_the_last_slot(office):
    adviser = factories.make_staff("Adviseur werk", offices=[office])
    day = workday()
    available(adviser, office, days=[day.weekday()], starts=dt.time(10), ends=dt.time(10, 45))
    clients = [factories.make_client(contact_person=adviser, user=True) for _ in range(2)]
    barrier = threading.Barrier(2, timeout=10)
    results = []

    def race(client):
        from django.db import connections

        try:
            barrier.wait()
            book(client, office, at(day, 10))
            results.append("booked")
        except SlotTaken:
            results.append("taken")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=race, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["booked", "taken"]
    assert Appointment.objects.count() == 1
    assert Appointment.objects.get().claims.count() == 3
