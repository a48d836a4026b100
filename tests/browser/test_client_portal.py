"""A client logs in with a username and password and finds their named adviser."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from maatwerk.appointments.tests.helpers import at, available, book, workday
from maatwerk.clients import actions as client_actions
from maatwerk.messaging import actions as messaging_actions
from maatwerk.portal.queries import RECENT_EVENTS

pytestmark = pytest.mark.browser

# Until the English catalogue is compiled, the switch sets lang="en" on Dutch text
# (tests/test_translations.py checks the catalogue itself).
ENGLISH_CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.mo"


def test_client_sees_named_adviser_and_timeline(visit, client_record, adviser):
    visit.login(client_record.user.username)
    page = visit.page

    expect(page).to_have_url(re.compile(r"/mijn/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Fatima")
    adviser_section = page.get_by_role("region", name="Mijn adviseur")
    expect(adviser_section).to_contain_text(adviser.full_name)
    expect(adviser_section).to_contain_text(adviser.job_title)
    expect(adviser_section.get_by_role("link", name=adviser.email)).to_be_visible()
    timeline = page.get_by_role("region", name="Wat er laatst is gebeurd")
    expect(timeline.get_by_role("listitem")).not_to_have_count(0)
    expect(timeline).to_contain_text(adviser.full_name)
    visit.check()

    # Staff pages are closed to a client, with a page that says so in plain Dutch.
    visit.goto("/werk/clienten/", status=403)
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    visit.check()


def test_the_home_page_puts_what_matters_now_first(visit, client_record, adviser, office):
    available(adviser, office)
    appointment = book(client_record, office, at(workday(), 10, 30))
    thread = messaging_actions.send_client_message(
        client=client_record, subject="Vraag over mijn cv", body="Kunt u meekijken?"
    ).thread
    messaging_actions.reply(thread=thread, author=adviser, body="Ja, stuur het maar.")
    for number in range(RECENT_EVENTS):
        client_actions.change_contact_preferences(
            client=client_record,
            by_user=client_record.user,
            channel="email" if number % 2 else "portal",
            language_level="B1",
            windows=[],
        )

    visit.login(client_record.user.username)
    page = visit.page
    now = page.get_by_role("region", name="Wat nu belangrijk is")
    cards = now.get_by_role("listitem").filter(has=page.get_by_role("heading", level=3))
    expect(cards.first.get_by_role("heading")).to_have_text("Uw volgende afspraak")
    expect(cards.first).to_contain_text("om 10:30")
    expect(cards.first).to_contain_text(adviser.full_name)
    messages = cards.filter(has_text="Berichten")
    expect(messages).to_contain_text("U heeft 1 nieuw antwoord van ons.")
    expect(messages.get_by_role("link", name="Vraag over mijn cv")).to_be_visible()
    visit.check()

    # Moving the appointment is one click from the home page.
    cards.first.get_by_role("link", name="Verzetten").click()
    expect(page).to_have_url(re.compile(rf"/mijn/afspraken/{appointment.pk}/verzetten/$"))
    page.go_back()

    # The home page shows the latest events; the rest is one link away.
    timeline = page.get_by_role("region", name="Wat er laatst is gebeurd")
    expect(timeline.locator(".mw-timeline > li")).to_have_count(RECENT_EVENTS)
    timeline.get_by_role("link", name="Bekijk alles wat er is gebeurd").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat er is gebeurd")
    expect(page.locator(".mw-timeline > li")).not_to_have_count(RECENT_EVENTS)
    visit.check()

    # On a phone the cards stack, and nothing is wider than the screen.
    page.set_viewport_size({"width": 375, "height": 800})
    visit.goto("/mijn/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    visit.check()


def test_english_switch_changes_page_language(visit, client_record):
    visit.login(client_record.user.username)
    page = visit.page
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    if ENGLISH_CATALOGUE.exists():
        # lang="en" on Dutch text would make a screen reader read Dutch with English sounds.
        expect(page.get_by_role("heading", level=2, name="My adviser")).to_be_visible()
    visit.check()

    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", name="Mijn adviseur")).to_be_visible()
