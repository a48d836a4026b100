"""The client panel in the browser: a client joins and leaves; a researcher plans a panel survey,
sees the preview with the members skipped by the contact rules, and sends it."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from maatwerk.core.tests import factories
from maatwerk.panel.tests.helpers import make_members, published_survey

pytestmark = pytest.mark.browser


def test_client_joins_and_leaves_the_panel(visit, client_record):
    visit.login(client_record.user.username)
    page = visit.page
    visit.goto("/mijn/panel/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Klantpanel")
    expect(page.get_by_text("U doet nu niet mee aan het klantpanel.")).to_be_visible()
    visit.check()
    page.get_by_role("button", name="Meedoen aan het klantpanel").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("U doet nu mee aan het klantpanel"))
    expect(page.get_by_text("U doet mee aan het klantpanel.", exact=True)).to_be_visible()
    visit.check()
    page.get_by_role("button", name="Stoppen met het klantpanel").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("U krijgt geen uitnodigingen meer"))
    visit.check()
    visit.goto("/mijn/panel/uitnodiging/verzonnen/")
    expect(page.get_by_role("alert")).to_have_text(re.compile("Deze link klopt niet."))
    visit.check()


def test_researcher_plans_and_sends_a_panel_survey(visit, adviser, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    researcher = factories.make_staff(
        "Klantonderzoeker", offices=list(adviser.offices.all()), job_title="Klantonderzoeker"
    )
    survey = published_survey("Hoe gaat het met zoeken naar werk?")
    make_members(12, adviser=adviser)
    visit.login(researcher.user.username)
    page = visit.page
    visit.goto("/werk/panel/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Klantpanel")
    visit.check()
    page.get_by_role("link", name="Nieuw panelonderzoek").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw panelonderzoek")
    visit.check()
    page.get_by_role("button", name="Steekproef bekijken").click()
    expect(page.get_by_role("alert")).to_be_visible()  # nothing chosen: Dutch errors
    expect(page.get_by_text("Kies een vragenlijst.").first).to_be_visible()
    visit.check()
    page.get_by_label("Vragenlijst").select_option(label=survey.title)
    page.get_by_label("Onderwerp").select_option(label="Werk zoeken")
    page.get_by_label("Hoeveel leden wil je uitnodigen?").fill("8")
    page.get_by_label("Startgetal voor het loten").fill("42")
    page.get_by_role("button", name="Steekproef bekijken").click()
    expect(page.get_by_role("heading", name="Voorbeeld van de steekproef")).to_be_visible()
    expect(page.get_by_text("Overgeslagen: kort geleden nog uitgenodigd: 0")).to_be_visible()
    visit.check()
    page.get_by_role("button", name="8 uitnodigingen versturen").click()
    expect(page.get_by_text("Uitnodigingen verstuurd: 8")).to_be_visible()
    expect(page.get_by_role("heading", name="Respons per groep")).to_be_visible()
    visit.check()
    assert len(mail.outbox) == 8
