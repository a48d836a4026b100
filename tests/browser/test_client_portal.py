"""A client logs in with a username and password and finds their named adviser."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

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
    timeline = page.get_by_role("region", name="Wat er is gebeurd")
    expect(timeline.get_by_role("listitem")).not_to_have_count(0)
    expect(timeline).to_contain_text(adviser.full_name)
    visit.check()

    # Staff pages are closed to a client, with a page that says so in plain Dutch.
    visit.goto("/werk/clienten/", status=403)
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
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
        expect(page.get_by_role("heading", level=2).first).to_have_text("My adviser")
    visit.check()

    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", name="Mijn adviseur")).to_be_visible()
