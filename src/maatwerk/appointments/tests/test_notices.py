"""Every notice about an appointment reaches the client: e-mail when they use it, otherwise a
letter for print (in "Mijn brieven") and a call on the contact person's list."""

import pytest
from django.core import mail

from maatwerk.appointments import actions, tasks
from maatwerk.appointments.models import Reminder
from maatwerk.core.portal_letters import letters_for
from maatwerk.core.tests import factories
from maatwerk.notifications import queries as notification_queries
from maatwerk.notifications.models import Notification

from .helpers import at, book, workday

pytestmark = pytest.mark.django_db

ON_PAPER = {
    "uses_digital_channels": False,
    "email": "",
    "phone": "06 12345678",
    "street": "Kastanjelaan",
    "house_number": "12",
    "postal_code": "3512 AB",
    "city": "Utrecht",
}


def _calls(adviser, client, day):
    return [
        item.reason
        for item in notification_queries.calls_due(adviser, day)
        if item.client == client
    ]


def test_a_client_without_digital_channels_gets_letters_and_calls(agenda, adviser):
    client = factories.make_client(contact_person=adviser, **ON_PAPER)
    appointment = book(client, agenda, at(workday(), 10), user=adviser.user)
    booked = Notification.objects.get(kind="appointment.booked", client=client)
    assert booked.channel == "letter" and booked.call_too
    assert booked.about == f"appointments.Appointment:{appointment.pk}"
    assert "U heeft een afspraak gemaakt" in booked.text
    assert booked.subject in [letter.subject for letter in letters_for(client)]
    day = booked.created_at.date()
    assert any("U heeft een afspraak" in reason for reason in _calls(adviser, client, day))

    assert tasks.send_reminder.call(appointment.pk) == "sent"
    assert tasks.send_reminder.call(appointment.pk) == "already sent"
    reminder = Notification.objects.get(kind="appointment.reminder", client=client)
    assert reminder.channel == "letter" and reminder.call_too
    assert Reminder.objects.get(appointment=appointment).channel == Reminder.Channel.LETTER
    assert any("Herinnering" in reason for reason in _calls(adviser, client, day))
    assert mail.outbox == []


def test_moving_and_cancelling_tell_the_client_once_each(agenda, adviser):
    client = factories.make_client(contact_person=adviser, **ON_PAPER)
    appointment = book(client, agenda, at(workday(), 10), user=adviser.user)
    moved = actions.move(appointment=appointment, starts_at=at(workday(), 14), user=adviser.user)
    actions.cancel(appointment=moved, user=adviser.user)
    actions.cancel(appointment=moved, user=adviser.user)  # twice changes nothing
    made = list(
        Notification.objects.filter(client=client, kind__startswith="appointment.").values_list(
            "kind", "channel"
        )
    )
    assert sorted(made) == [
        ("appointment.booked", "letter"),
        ("appointment.cancelled", "letter"),
        ("appointment.moved", "letter"),
    ]


def test_a_digital_client_gets_the_reminder_by_email(
    agenda, client_record, django_capture_on_commit_callbacks
):
    appointment = book(client_record, agenda, at(workday(), 10))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_reminder.call(appointment.pk) == "sent"
    assert len(mail.outbox) == 1 and "Morgen heeft u een afspraak" in mail.outbox[0].body
    assert Reminder.objects.get(appointment=appointment).channel == Reminder.Channel.EMAIL


def test_a_notice_is_rendered_in_the_clients_language(agenda, adviser):
    english = factories.make_client(
        contact_person=adviser, preference={"preferred_language": "en"}, **ON_PAPER
    )
    book(english, agenda, at(workday(), 10), user=adviser.user)
    booked = Notification.objects.get(kind="appointment.booked", client=english)
    assert booked.subject == "You have an appointment"
    dutch = factories.make_client(contact_person=adviser, **ON_PAPER)
    book(dutch, agenda, at(workday(), 11), user=adviser.user)
    assert Notification.objects.get(kind="appointment.booked", client=dutch).subject == (
        "U heeft een afspraak"
    )
