"""Contact preferences in the browser: a client changes "not before 10:00" to "not before 13:00"
on "Hoe wilt u contact?" and the appointment times offered follow."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from maatwerk.appointments.builtin import zone
from maatwerk.appointments.tests.helpers import available, client_with_windows

pytestmark = pytest.mark.browser


def _first_offered_time(visit) -> str:
    page = visit.page
    visit.goto("/mijn/afspraken/")
    page.get_by_role("link", name="Afspraak maken").click()
    page.get_by_label("Persoonlijk gesprek op het werkplein").check()
    page.get_by_role("button", name="Vrije tijden bekijken").click()
    page.get_by_role("link", name="Volgende week").click()
    expect(page.get_by_text("Week 2 van 4")).to_be_visible()
    visit.check()
    value = page.locator("input[name=tijd]").first.get_attribute("value")
    return dt.datetime.fromisoformat(value).astimezone(zone()).strftime("%H:%M")


def test_client_changes_their_window_and_the_offered_times_follow(visit, office, adviser):
    available(adviser, office)
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(10), "ends": dt.time(17)}]
    )
    page = visit.page
    visit.login(client.user.username)
    assert _first_offered_time(visit) == "10:00"

    visit.goto("/mijn/")
    page.get_by_role("link", name="Hoe wilt u contact?").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe wilt u contact?")
    visit.check()

    # A window that ends before it starts is explained next to the field; nothing is saved.
    page.locator("#id_window_0_starts").fill("18:00")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De eindtijd moet na de begintijd liggen.").first).to_be_visible()
    visit.check()

    page.locator("#id_window_0_starts").fill("13:00")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Uw wensen zijn opgeslagen.")).to_be_visible()
    visit.check()

    assert _first_offered_time(visit) == "13:00"


def test_adviser_changes_preferences_with_the_client_and_sees_what_no_longer_fits(
    visit, office, adviser
):
    from maatwerk.appointments.tests.helpers import at, book, workday

    available(adviser, office)
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(10), "ends": dt.time(17)}]
    )
    book(client, office, at(workday(3), 10))
    page = visit.page
    visit.login(adviser.user.username)
    visit.goto(f"/werk/clienten/{client.pk}/")
    page.get_by_role("link", name="Contactvoorkeuren aanpassen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Contactvoorkeuren van")
    visit.check()
    page.locator("#id_window_0_starts").fill("13:00")
    page.get_by_role("button", name="Voorkeuren opslaan").click()
    expect(page.get_by_text("Schrijf waarom je de voorkeuren aanpast.").first).to_be_visible()
    visit.check()
    page.get_by_label("Waarom pas je de voorkeuren aan?").fill("Samen aan de balie besproken")
    page.get_by_role("button", name="Voorkeuren opslaan").click()
    expect(page.get_by_text("De contactvoorkeuren zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_role("heading", name="Afspraken die niet meer passen")).to_be_visible()
    visit.check()
