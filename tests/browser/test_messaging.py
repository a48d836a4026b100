"""Messages in the browser: a client writes, the adviser finds it in the inbox, replies (signed)
and hands the thread over; the colleague answers instead of the contact person; the client reads
both signed replies."""

import re

import pytest
from playwright.sync_api import expect

from maatwerk.messaging import actions

pytestmark = pytest.mark.browser

SUBJECT = "Vraag over mijn cv"


def test_message_reply_and_handover(visit, client_record, adviser, other_adviser):
    page = visit.page

    # The client writes.
    visit.login(client_record.user.username)
    visit.goto("/mijn/berichten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Berichten")
    expect(page.get_by_text("Uw vaste adviseur is Sanne Bakker (Adviseur werk).")).to_be_visible()
    visit.check()
    page.get_by_role("link", name="Nieuw bericht schrijven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw bericht")
    visit.check()
    page.get_by_role("button", name="Versturen").click()  # empty: Dutch errors, nothing saved
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_text("Schrijf een onderwerp.").first).to_be_visible()
    visit.check()
    page.get_by_label("Onderwerp").fill(SUBJECT)
    page.get_by_label("Uw bericht").fill("Kunt u naar mijn cv kijken?\n<script>alert(1)</script>")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    expect(page.get_by_text("<script>alert(1)</script>")).to_be_visible()  # text, not run
    visit.check()
    visit.logout()

    # The adviser finds it among the unassigned messages and replies.
    visit.login(adviser.user.username)
    visit.goto("/werk/berichten/?lijst=open")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inbox")
    expect(page.get_by_text("wacht op antwoord", exact=True)).to_be_visible()
    visit.check()
    page.get_by_role("link", name=SUBJECT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    visit.check()
    page.get_by_label("Je antwoord").fill("Ik kijk er vandaag naar.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Je antwoord is verstuurd, met je naam en functie.")).to_be_visible()
    expect(page.locator(".mw-signature")).to_have_text("Sanne Bakker, Adviseur werk")
    visit.check()

    # ... and hands it over to a colleague.
    page.get_by_role("link", name="Overdragen aan een collega").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Overdragen: {SUBJECT}")
    visit.check()
    page.get_by_label("Collega").select_option(label="Piet Smit (E-werkcoach)")
    page.get_by_label("Waarom draag je het bericht over?").fill("Ik ben morgen vrij.")
    page.get_by_role("button", name="Overdragen").click()
    expect(page.get_by_text("Piet Smit beantwoordt dit bericht nu.")).to_be_visible()
    expect(page.get_by_text("Sanne Bakker droeg het bericht over aan Piet Smit.")).to_be_visible()
    visit.check()
    visit.logout()

    # The colleague answers instead of the contact person.
    visit.login(other_adviser.user.username)
    visit.goto("/werk/berichten/")
    page.get_by_role("link", name=SUBJECT).click()
    expect(
        page.get_by_text("De cliënt ziet dat je antwoordt in plaats van Sanne Bakker.")
    ).to_be_visible()
    page.get_by_label("Je antwoord").fill("Uw cv ziet er goed uit.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Je antwoord is verstuurd, met je naam en functie.")).to_be_visible()
    visit.logout()

    # The client reads both signed replies.
    visit.login(client_record.user.username)
    visit.goto("/mijn/berichten/")
    page.get_by_role("link", name=SUBJECT).click()
    signatures = page.locator(".mw-signature")
    expect(signatures).to_have_text(["Sanne Bakker, Adviseur werk", "Piet Smit, E-werkcoach"])
    expect(
        page.get_by_text("Piet Smit antwoordt in plaats van uw vaste adviseur Sanne Bakker.")
    ).to_be_visible()
    expect(page).to_have_url(re.compile(r"/mijn/berichten/\d+/$"))
    visit.check()


def test_colleague_gives_a_reason_before_reading(visit, client_record, other_adviser):
    thread = actions.send_client_message(
        client=client_record, subject=SUBJECT, body="Kunt u mij bellen?"
    ).thread
    page = visit.page
    visit.login(other_adviser.user.username)
    visit.goto(f"/werk/berichten/{thread.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bericht van een cliënt van een collega"
    )
    visit.check()
    page.get_by_label("Waarom open je dit dossier?").fill("Sanne is ziek, ik help vandaag.")
    page.get_by_role("button", name="Bericht openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    expect(page.get_by_text("Sanne is ziek, ik help vandaag.")).to_be_visible()  # the ground
