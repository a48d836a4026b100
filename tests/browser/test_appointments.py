"""Appointments in the browser: a client books and cancels a conversation; an adviser books for
a client at a time that clashes with the client's preferences, and must say why."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from maatwerk.appointments.models import Appointment
from maatwerk.appointments.tests.helpers import available, client_with_windows

pytestmark = pytest.mark.browser


def test_client_books_and_cancels(visit, office, adviser, client_record):
    available(adviser, office)
    page = visit.page
    visit.login(client_record.user.username)
    visit.goto("/mijn/afspraken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn afspraken")
    visit.check()
    page.get_by_role("link", name="Afspraak maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraak maken")
    visit.check()
    page.get_by_label("Persoonlijk gesprek op het werkplein").check()
    page.get_by_role("button", name="Vrije tijden bekijken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kies een tijd")
    visit.check()
    page.get_by_role("link", name="Volgende week").click()
    expect(page.get_by_text("Week 2 van 4")).to_be_visible()
    visit.check()
    page.locator("input[name=tijd]").first.check()
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraak bevestigen")
    # Before booking, the client already sees with whom.
    expect(page.get_by_text(f"{adviser.full_name} ({adviser.job_title})")).to_be_visible()
    visit.check()
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw afspraak")
    expect(page.get_by_text("Uw afspraak is gemaakt.")).to_be_visible()
    expect(page.get_by_text(adviser.full_name)).to_be_visible()
    visit.check()
    page.get_by_role("link", name="Afspraak verzetten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraak verzetten")
    visit.check()
    page.get_by_role("link", name="Volgende week").click()
    page.locator("input[name=tijd]").nth(3).check()
    page.get_by_role("button", name="Afspraak verzetten").click()
    expect(page.get_by_text("Uw afspraak is verzet.")).to_be_visible()
    visit.check()
    page.get_by_role("link", name="Afspraak annuleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraak annuleren")
    visit.check()
    page.get_by_role("button", name="Ja, afspraak annuleren").click()
    expect(page.get_by_text("Uw afspraak is geannuleerd.")).to_be_visible()
    expect(page.get_by_text("geannuleerd", exact=True)).to_be_visible()
    visit.check()
    assert Appointment.objects.get().status == "cancelled"


def test_adviser_books_for_a_client_with_a_preference_warning(visit, office, adviser):
    available(adviser, office)
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(13), "ends": dt.time(17)}]
    )
    page = visit.page
    visit.login(adviser.user.username)
    visit.goto(f"/werk/afspraken/clienten/{client.pk}/nieuw/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Afspraak maken voor {client.full_name}"
    )
    visit.check()
    page.get_by_label("Persoonlijk gesprek op het werkplein").check()
    page.get_by_role("button", name="Vrije tijden bekijken").click()
    page.get_by_role("link", name="Volgende week").click()
    expect(page.get_by_text("Past niet bij de voorkeur").first).to_be_visible()
    visit.check()
    page.locator("input[name=tijd]").first.check()  # 09:00: before the client's window
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraak bevestigen")
    expect(page.get_by_role("alert")).to_contain_text("past niet bij de voorkeuren")
    visit.check()
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_text("Bevestig dat je bewust afwijkt").first).to_be_visible()
    visit.check()
    page.get_by_label("Waarom kies je toch dit tijdstip?").fill(
        "De cliënt belde en wil vroeg komen."
    )
    page.get_by_label("Ik wijk bewust af van de voorkeuren van de cliënt.").check()
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_text("De afspraak is gemaakt en staat op de tijdlijn.")).to_be_visible()
    expect(page.get_by_text("De cliënt belde en wil vroeg komen.")).to_be_visible()
    visit.check()
    page.get_by_role("link", name="Terug naar de agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Agenda: "))
    expect(page.get_by_role("cell", name=client.full_name)).to_be_visible()
    visit.check()
    assert Appointment.objects.get().override_reason


def test_manager_keeps_the_availability_of_office_staff(visit, office, adviser, manager):
    page = visit.page
    visit.login(manager.user.username)
    visit.goto(f"/werk/afspraken/beschikbaarheid/?medewerker={adviser.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Beschikbaarheid: {adviser.full_name}"
    )
    visit.check()
    form = page.locator("form", has=page.get_by_label("Dag"))
    form.get_by_label("Dag").select_option("2")
    form.get_by_label("Van", exact=True).fill("09:00")
    form.get_by_label("Tot", exact=True).fill("12:00")
    form.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text("De beschikbaarheid is toegevoegd.")).to_be_visible()
    expect(page.get_by_text("woensdag 09:00–12:00")).to_be_visible()
    visit.check()
    page.get_by_role("link", name="Terug naar de agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Agenda: "))
    visit.check()
