"""The pages with Django's test client: the client's booking, a taken slot, a double submit,
the adviser's override, the agenda and availability."""

import datetime as dt
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.appointments.models import Absence, Appointment, Availability
from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.timeline.models import TimelineEvent

from .helpers import at, available, book, client_with_windows, kind, workday

pytestmark = pytest.mark.django_db


def confirm_data(office, moment, **extra):
    return {
        "vestiging": office.pk,
        "soort": kind().pk,
        "tijd": moment.isoformat(),
        "submission_token": str(uuid.uuid4()),
        **extra,
    }


def test_client_books_through_the_pages(login, agenda, client_record):
    browser = login(client_record.user)
    response = browser.get(
        reverse("appointments:choose"), {"vestiging": agenda.pk, "soort": kind().pk}
    )
    assert response.status_code == 302
    page = browser.get(response.url + "&week=1")
    assert page.status_code == 200 and b'name="tijd"' in page.content
    moment = at(workday(7), 10)
    confirm = browser.get(reverse("appointments:confirm"), confirm_data(agenda, moment))
    assert confirm.status_code == 200 and "Afspraak bevestigen" in confirm.content.decode()
    data = confirm_data(agenda, moment)
    response = browser.post(reverse("appointments:confirm"), data)
    appointment = Appointment.objects.get()
    assert response.url == reverse("appointments:detail", args=[appointment.pk])
    again = browser.post(reverse("appointments:confirm"), data)  # double submit
    assert again.url == response.url and Appointment.objects.count() == 1
    mine = browser.get(reverse("appointments:mine")).content.decode()
    assert appointment.type.name in mine


def test_a_taken_slot_shows_a_dutch_message_and_the_next_free_ones(
    login, agenda, client_record, adviser
):
    other = factories.make_client(contact_person=adviser, user=True)
    moment = at(workday(), 10)
    book(other, agenda, moment)
    response = login(client_record.user).post(
        reverse("appointments:confirm"), confirm_data(agenda, moment)
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "net door iemand anders gekozen" in text
    assert "Deze tijden zijn nog vrij" in text
    assert at(workday(), 10, 45).astimezone(dt.UTC).isoformat() in text
    assert Appointment.objects.count() == 1


@pytest.mark.parametrize(
    "tijd", ["", "morgen om tien", "2026-13-45T10:00:00+01:00", "2026-12-01T10:00:00", "x" * 500]
)
def test_garbage_times_never_500(login, agenda, client_record, tijd):
    browser = login(client_record.user)
    data = confirm_data(agenda, at(workday(), 10))
    data["tijd"] = tijd
    for method in (browser.get, browser.post):
        assert method(reverse("appointments:confirm"), data).status_code in (200, 302)
    assert Appointment.objects.count() == 0


def test_garbage_office_or_kind_goes_back_to_choosing(login, agenda, client_record):
    browser = login(client_record.user)
    for params in (
        {"vestiging": "abc", "soort": kind().pk},
        {"vestiging": agenda.pk, "soort": 99999},
    ):
        response = browser.get(reverse("appointments:slots"), params)
        assert response.status_code == 302 and response.url == reverse("appointments:choose")
    assert (
        browser.get(
            reverse("appointments:slots"),
            {"vestiging": agenda.pk, "soort": kind().pk, "week": "-3"},
        ).status_code
        == 200
    )


def test_client_past_and_closed_times_get_a_clear_error(login, agenda, client_record):
    browser = login(client_record.user)
    past = browser.post(
        reverse("appointments:confirm"), confirm_data(agenda, at(dt.date(2020, 3, 2), 10))
    )
    assert "al voorbij" in past.content.decode()
    closed = browser.post(reverse("appointments:confirm"), confirm_data(agenda, at(workday(), 20)))
    assert "gesloten" in closed.content.decode()
    assert Appointment.objects.count() == 0


def test_client_cancels_and_moves_their_own(login, agenda, client_record):
    appointment = book(client_record, agenda, at(workday(), 10))
    browser = login(client_record.user)
    response = browser.post(
        reverse("appointments:move", args=[appointment.pk]), {"tijd": at(workday(), 15).isoformat()}
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.starts_at == at(workday(), 15)
    assert browser.get(reverse("appointments:cancel", args=[appointment.pk])).status_code == 200
    browser.post(reverse("appointments:cancel", args=[appointment.pk]))
    appointment.refresh_from_db()
    assert appointment.status == "cancelled"


def test_adviser_sees_clashes_and_must_confirm_an_override(login, agenda, adviser):
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(13), "ends": dt.time(17)}]
    )
    browser = login(adviser.user)
    slots = browser.get(
        reverse("appointments:staff_slots", args=[client.pk]),
        {"vestiging": agenda.pk, "soort": kind().pk, "week": 1},
    ).content.decode()
    assert "Past niet bij de voorkeur" in slots
    url = reverse("appointments:staff_confirm", args=[client.pk])
    moment = at(workday(), 9)
    page = browser.get(url, confirm_data(agenda, moment)).content.decode()
    assert "past niet bij de voorkeuren van de cliënt" in page
    refused = browser.post(url, confirm_data(agenda, moment))
    assert "Bevestig dat je bewust afwijkt" in refused.content.decode()
    assert Appointment.objects.count() == 0
    done = browser.post(
        url,
        confirm_data(
            agenda, moment, override_confirmed="on", override_reason="Cliënt vroeg zelf om 9 uur."
        ),
    )
    appointment = Appointment.objects.get()
    assert done.url == reverse("appointments:staff_detail", args=[appointment.pk])
    assert appointment.booked_by == adviser and appointment.override_reason
    assert TimelineEvent.objects.filter(kind="appointment.override").exists()
    assert AuditEntry.objects.filter(action="appointment.override").exists()


def test_agenda_detail_and_outcome(login, agenda, adviser, client_record):
    appointment = book(client_record, agenda, at(workday(), 10))
    browser = login(adviser.user)
    page = browser.get(
        reverse("appointments:agenda"), {"dag": workday().isoformat()}
    ).content.decode()
    assert client_record.full_name in page
    assert browser.get(reverse("appointments:agenda"), {"dag": "gisteren"}).status_code == 200
    assert (
        browser.get(reverse("appointments:staff_detail", args=[appointment.pk])).status_code == 200
    )
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=at(dt.date(2026, 11, 2), 10), ends_at=at(dt.date(2026, 11, 2), 10, 45)
    )
    browser.post(reverse("appointments:outcome", args=[appointment.pk]), {"uitkomst": "held"})
    appointment.refresh_from_db()
    assert appointment.status == "held"
    assert TimelineEvent.objects.filter(kind="appointment.held", client=client_record).exists()


def test_manager_keeps_availability_of_office_staff_only(login, office, adviser, manager):
    browser = login(manager.user)
    data = {
        "medewerker": adviser.pk,
        "vestiging": office.pk,
        "dag": 2,
        "van": "09:00",
        "tot": "12:00",
    }
    assert browser.post(reverse("appointments:availability_add"), data).status_code == 302
    block = Availability.objects.get()
    assert (block.staff, block.weekday) == (adviser, 2)
    bad = browser.post(reverse("appointments:availability_add"), {**data, "tot": "08:00"})
    assert bad.status_code == 400 and "na het begintijdstip" in bad.content.decode()
    absence = {
        "medewerker": adviser.pk,
        "van": "2026-12-24T09:00",
        "tot": "2026-12-24T17:00",
        "omschrijving": "Vrij",
    }
    assert browser.post(reverse("appointments:absence_add"), absence).status_code == 302
    assert Absence.objects.count() == 1
    elsewhere = factories.make_staff("Adviseur werk", offices=[factories.OfficeFactory()])
    foreign = browser.post(
        reverse("appointments:availability_add"), {**data, "medewerker": elsewhere.pk}
    )
    assert foreign.status_code == 400  # not a choice: only staff of the manager's offices
    assert AuditEntry.objects.filter(action="appointments.availability_added").count() == 1
    own = login(adviser.user).get(reverse("appointments:availability")).content.decode()
    assert "09:00" in own and "Toevoegen" not in own


def test_the_confirm_step_names_with_whom_before_booking(
    login, agenda, client_record, adviser, other_adviser
):
    """The page before "Afspraak maken" says who the agenda will book, and the booking is with
    that person: the contact person while free, a colleague once the contact person is taken."""
    available(other_adviser, agenda)
    browser = login(client_record.user)
    moment = at(workday(), 10)
    page = browser.get(reverse("appointments:confirm"), confirm_data(agenda, moment))
    assert f"{adviser.full_name} ({adviser.job_title})" in page.content.decode()
    assert other_adviser.full_name not in page.content.decode()

    later = at(workday(), 11)
    book(factories.make_client(contact_person=adviser, user=True), agenda, later)
    page = browser.get(reverse("appointments:confirm"), confirm_data(agenda, later))
    assert f"{other_adviser.full_name} ({other_adviser.job_title})" in page.content.decode()
    browser.post(reverse("appointments:confirm"), confirm_data(agenda, later))
    assert Appointment.objects.get(client=client_record).staff == other_adviser


def test_the_slot_list_names_the_adviser_of_each_time(
    login, agenda, client_record, adviser, other_adviser
):
    """The client's own adviser first, and said to be theirs; a colleague where they are busy."""
    available(other_adviser, agenda)
    day = workday(7)
    book(factories.make_client(contact_person=adviser, user=True), agenda, at(day, 10))
    today = timezone.localdate()
    week = (day - (today - dt.timedelta(days=today.weekday()))).days // 7
    browser = login(client_record.user)
    page = browser.get(
        reverse("appointments:slots"), {"vestiging": agenda.pk, "soort": kind().pk, "week": week}
    ).content.decode()
    assert f"met {adviser.full_name} (uw adviseur)" in page
    assert f"met {other_adviser.full_name}</label>" in page.replace("\n", "")


def test_nobody_is_named_for_a_time_that_is_not_free(agenda, client_record):
    from maatwerk.appointments.queries import staff_for_slot

    assert staff_for_slot(client_record, agenda, kind(), at(workday(), 10)) is not None
    assert staff_for_slot(client_record, agenda, kind(), at(workday(), 20)) is None
