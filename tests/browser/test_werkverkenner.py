"""The Werkverkenner in the browser: a client fills it in (skipping the health questions) and sees
their band and factors; their adviser sees the invitation and decides."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from maatwerk.werkverkenner.questionnaire import read
from maatwerk.werkverkenner.tests.helpers import NEEDS_HELP, activate_test_model

pytestmark = pytest.mark.browser


def _answer_page(page, questions):
    for item in questions:
        answer = NEEDS_HELP[item["code"]]
        group = page.get_by_role("group", name=item["text"])
        if item["kind"] == "number":
            page.get_by_label(item["text"]).fill(str(answer))
        elif answer is None:
            group.get_by_label("Ik sla deze vraag over").check()
        else:
            label = next(label for code, label, _value in item["options"] if code == answer)
            group.get_by_label(label, exact=True).check()


def test_client_fills_in_and_adviser_decides(visit, client_record, adviser):
    activate_test_model()
    data = read(1)
    pages = sorted({q["page"] for q in data["questions"]})

    visit.login(client_record.user.username)
    page = visit.page
    visit.goto("/mijn/werkverkenner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkverkenner")
    visit.check()
    page.get_by_role("button", name="Beginnen").click()
    for number in pages:
        questions = [q for q in data["questions"] if q["page"] == number]
        expect(page.get_by_role("heading", level=1)).to_have_text(data["page_titles"][number - 1])
        if number == 1:
            # From the records: the age band is filled in already.
            expect(
                page.get_by_role("group", name="Hoe oud bent u?").get_by_label("45 tot 55 jaar")
            ).to_be_checked()
        visit.check()
        _answer_page(page, questions)
        page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kloppen uw antwoorden?")
    expect(page.get_by_text("Overgeslagen").first).to_be_visible()
    visit.check()
    page.get_by_role("button", name="Versturen en uitkomst bekijken").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Uw uitkomst")
    expect(page.locator(".mw-band__value")).to_have_text(re.compile(r"^(0 tot 25|25 tot 50)%$"))
    expect(page.get_by_role("heading", name="Wat u zelf kunt veranderen")).to_be_visible()
    expect(page.get_by_role("heading", name="Wat u niet kunt veranderen")).to_be_visible()
    expect(page.get_by_text("U heeft de laatste weken weinig gesolliciteerd.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"ongeveer \d+ van de 10 keer"))).to_be_visible()
    expect(page.get_by_text("U heeft een vraag over gezondheid overgeslagen.")).to_be_visible()
    visit.check()
    visit.logout()

    visit.login(adviser.user.username)
    visit.goto("/werk/werkverkenner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werklijst Werkverkenner")
    visit.check()
    page.get_by_role("link", name=client_record.full_name).click()
    # An adviser reads a band name and a plain range; the model's name is not theirs to read.
    expect(page.locator(".mw-band__value")).to_have_text(
        re.compile(r"^(Kleine kans \(0 tot 25%\)|Redelijke kans \(25 tot 50%\))$")
    )
    expect(page.get_by_text("model:")).to_have_count(0)
    visit.check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("alert")).to_be_visible()  # no decision, no reason: Dutch errors
    expect(page.get_by_text("Schrijf waarom je dit besluit.").first).to_be_visible()
    visit.check()
    page.get_by_label("Uitnodigen voor een werkoriëntatiegesprek").check()
    page.get_by_label("Reden").fill("Solliciteert weinig en wil graag hulp.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Je besluit staat op de tijdlijn van de cliënt.")).to_be_visible()
    expect(page.get_by_text("Er wachten geen uitnodigingen op een besluit.")).to_be_visible()
    visit.check()

    # The client file tells the adviser about the client, not to them.
    visit.goto(reverse("clients:file", args=[client_record.pk]))
    name = client_record.first_name
    expect(page.get_by_text(f"{name} heeft de Werkverkenner ingevuld.")).to_be_visible()
    expect(page.get_by_text("U heeft de Werkverkenner ingevuld")).to_have_count(0)
    visit.check()
