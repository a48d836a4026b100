"""Pages outside the daily work: log-in errors, not found, and the admin."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# axe rules switched off on the Django admin only. They fail in Django's own admin templates and
# CSS (django/contrib/admin), which Maatwerk does not override, and nowhere in Maatwerk's pages:
# - link-in-text-block: the breadcrumbs on a change form (admin/change_form.html, block
#   breadcrumbs) are white links without underline between #c4dce8 separators, contrast 1.42:1.
ADMIN_EXEMPT_RULES = ("link-in-text-block",)


def test_wrong_password_shows_dutch_error(visit, adviser):
    visit.goto("/inloggen/")
    page = visit.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    visit.check()

    page.get_by_label("Gebruikersnaam").fill(adviser.user.username)
    page.get_by_label("Wachtwoord").fill("niet-mijn-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_have_text(
        "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters en kleine letters."
    )
    expect(page).to_have_url(re.compile(r"/inloggen/$"))
    expect(page.get_by_label("Gebruikersnaam")).to_have_value(adviser.user.username)
    visit.check()
    # Focus starts at the error, the next Tab goes to the form.
    expect(page.get_by_role("alert")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()


def test_the_demo_log_ins_stand_on_the_log_in_page_in_demo_mode_only(visit, settings, office):
    from maatwerk.core.tests import factories
    from maatwerk.demo.organisation import DEMO_PASSWORD

    adviser = factories.make_staff("Adviseur werk", offices=[office], username="adviseur")
    adviser.user.set_password(DEMO_PASSWORD)
    adviser.user.save()
    settings.DEMO_MODE = True
    visit.goto("/inloggen/")
    page = visit.page
    logins = page.get_by_role("list", name="Demo-accounts")
    expect(logins.get_by_role("listitem")).to_have_count(1)
    expect(logins.get_by_role("listitem")).to_contain_text(f"adviseur: {adviser.full_name}")
    expect(page.get_by_text(DEMO_PASSWORD)).to_be_visible()
    visit.check()
    # What the page says is enough to log in.
    page.get_by_label("Gebruikersnaam").fill("adviseur")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(re.compile(r"/inloggen/(\?|$)"))
    visit.logout()

    settings.DEMO_MODE = False
    visit.goto("/inloggen/")
    expect(page.get_by_role("list", name="Demo-accounts")).to_have_count(0)
    expect(page.get_by_text(DEMO_PASSWORD)).to_have_count(0)
    visit.check()


def test_not_found_page(visit, transactional_db):
    visit.goto("/bestaat-niet/", status=404)
    page = visit.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    expect(page).to_have_title(re.compile(r"^Pagina niet gevonden · "))
    visit.check()
    page.get_by_role("link", name="Naar de startpagina").click()
    expect(page).to_have_url(re.compile(r"/inloggen/\?next=/$"))


def test_admin_index_for_administrator(visit, administrator):
    visit.login(administrator.user.username)
    page = visit.page
    expect(page).to_have_url(re.compile(r"/beheer/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    visit.check(disable_rules=ADMIN_EXEMPT_RULES)

    page.get_by_role("link", name=re.compile("^Vestigingen")).first.click()
    expect(page.get_by_role("link", name="Werkplein Amsterdam-Centrum")).to_be_visible()
    visit.check(disable_rules=ADMIN_EXEMPT_RULES)
    page.get_by_role("link", name="Werkplein Amsterdam-Centrum").click()
    visit.check(disable_rules=ADMIN_EXEMPT_RULES)
