"""A client without digital channels, booked by their adviser: the confirmation is a letter in
"Mijn brieven" and a call on the adviser's call list; the adviser marks the call made and posts
the letter. axe-core checks every page."""

import pytest
from playwright.sync_api import expect

from maatwerk.appointments import actions as appointment_actions
from maatwerk.appointments.tests.helpers import at, available, kind, workday
from maatwerk.core.tests import factories

pytestmark = pytest.mark.browser


def test_a_client_on_paper_gets_a_letter_and_a_call(visit, office, adviser):
    available(adviser, office)
    client = factories.make_client(
        contact_person=adviser,
        user=True,
        first_name="Kees",
        surname="Mulder",
        uses_digital_channels=False,
        email="",
        phone="06 12345678",
        street="Kastanjelaan",
        house_number="12",
        postal_code="3512 AB",
        city="Utrecht",
    )
    appointment_actions.book(
        client=client,
        office=office,
        kind=kind(),
        starts_at=at(workday(), 10),
        user=adviser.user,
        override_reason="Afgesproken met de cliënt aan de telefoon.",
    )
    page = visit.page

    visit.login(client.user.username)
    page.get_by_role("link", name="Mijn brieven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn brieven")
    visit.check()
    page.get_by_role("link", name="U heeft een afspraak").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U heeft een afspraak")
    expect(page.get_by_text("U heeft een afspraak gemaakt.")).to_be_visible()
    visit.check()
    visit.logout()

    visit.login(adviser.user.username)
    visit.goto("/werk/beldag/")
    expect(page.get_by_text("Bel de cliënt over de brief: U heeft een afspraak")).to_be_visible()
    visit.check()
    visit.goto("/werk/post/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Post om te versturen")
    visit.check()
    page.get_by_role("link", name="U heeft een afspraak").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U heeft een afspraak")
    expect(page.get_by_text("Brief aan Kees Mulder")).to_be_visible()
    visit.check()
    page.get_by_role("button", name="Gebeld").click()
    expect(page.get_by_text("Het gesprek staat genoteerd.")).to_be_visible()
    page.get_by_role("button", name="Geprint en op de post gedaan").click()
    expect(page.get_by_text("De brief staat als verstuurd genoteerd.")).to_be_visible()
    visit.check()
    visit.goto("/werk/post/")
    expect(page.get_by_text("Er is geen post om te versturen.")).to_be_visible()
