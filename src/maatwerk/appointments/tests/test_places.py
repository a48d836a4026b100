"""Where an appointment is, in words that read right: "bij werkplein Amsterdam" in a sentence,
"Werkplein Amsterdam" after "Waar:", never "op Amsterdam" (an office is named after its town)."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from maatwerk.appointments import values
from maatwerk.core.tests import factories
from maatwerk.timeline.models import TimelineEvent

from .helpers import at, book, kind, workday

pytestmark = pytest.mark.django_db


def test_an_office_reads_as_a_werkplein_in_a_sentence_and_after_waar(agenda, client_record):
    appointment = book(client_record, agenda, at(workday(), 10))
    address = agenda.address
    assert values.place_text(appointment) == f"bij werkplein {agenda.name}, {address}"
    assert values.where_text(appointment) == f"Werkplein {agenda.name}, {address}"


def test_a_name_that_already_says_werkplein_is_not_said_twice():
    office = factories.OfficeFactory(name="Werkplein Zwolle")
    assert office.werkplein == "Werkplein Zwolle"
    assert factories.OfficeFactory(name="Zwolle").werkplein == "werkplein Zwolle"


def test_the_timeline_the_mail_and_the_pages_never_say_op_and_the_town(
    login, agenda, client_record, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book(client_record, agenda, at(workday(), 10))
    wrong = f"op {agenda.name}"
    event = TimelineEvent.objects.get(kind="appointment.booked", client=client_record)
    with translation.override("nl"):
        summary = event.summary
    assert f"bij werkplein {agenda.name}, " in summary and wrong not in summary
    (message,) = mail.outbox
    assert f"Waar: Werkplein {agenda.name}, " in message.body and wrong not in message.body
    browser = login(client_record.user)
    detail = browser.get(reverse("appointments:detail", args=[appointment.pk])).content.decode()
    assert f"Werkplein {agenda.name}, " in detail and wrong not in detail
    mine = browser.get(reverse("appointments:mine")).content.decode()
    assert f"werkplein {agenda.name}" in mine


def test_the_booking_pages_name_the_werkplein(login, agenda, client_record):
    browser = login(client_record.user)
    slots = browser.get(
        reverse("appointments:slots"), {"vestiging": agenda.pk, "soort": kind().pk, "week": 1}
    ).content.decode()
    assert f"Werkplein {agenda.name}, {agenda.address}" in slots
    confirm = browser.get(
        reverse("appointments:confirm"),
        {"vestiging": agenda.pk, "soort": kind().pk, "tijd": at(workday(), 10).isoformat()},
    ).content.decode()
    assert f"Werkplein {agenda.name}, {agenda.address}" in confirm
