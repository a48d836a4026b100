"""Compliments, feedback and mirror conversations in the browser: a compliment reaches the
employee, feedback is answered and the client reads the signed answer, and every new page passes
axe-core."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_compliment_reaches_the_employee(visit, client_record, adviser, manager):
    page = visit.page
    visit.login(client_record.user.username)
    visit.goto("/mijn/reacties/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reacties en complimenten")
    visit.check()
    page.get_by_role("link", name="Compliment geven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compliment geven")
    visit.check()
    page.get_by_role("button", name="Compliment versturen").click()
    expect(
        page.get_by_text("Kies de medewerker die u een compliment wilt geven.").first
    ).to_be_visible()
    visit.check()
    page.get_by_label("Sanne Bakker (Adviseur werk)").check()
    page.get_by_label("Uw compliment").fill("Sanne belde terug toen ze dat beloofde. <b>Top!</b>")
    page.get_by_role("button", name="Compliment versturen").click()
    expect(page.get_by_text("Dank u wel voor uw compliment.")).to_be_visible()
    visit.check()
    visit.logout()

    visit.login(adviser.user.username)
    page.get_by_role("link", name="Mijn complimenten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn complimenten")
    expect(page.get_by_text("Sanne belde terug toen ze dat beloofde. <b>Top!</b>")).to_be_visible()
    expect(page.get_by_text(client_record.full_name)).to_be_visible()
    visit.check()
    visit.logout()

    visit.login(manager.user.username)
    visit.goto("/werk/complimenten/vestiging/")
    expect(page.get_by_text("Voor Sanne Bakker")).to_be_visible()
    visit.check()


def test_feedback_is_answered_and_the_client_reads_the_signed_answer(
    visit, client_record, adviser, manager
):
    page = visit.page
    visit.login(client_record.user.username)
    visit.goto("/mijn/reacties/nieuw/")
    visit.check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_text("Schrijf uw reactie.").first).to_be_visible()
    visit.check()
    page.get_by_label("Feedback: wat goed ging of beter kan").check()
    page.get_by_label("Uw reactie").fill("Ik wacht al twee weken op een terugbelafspraak.")
    page.get_by_label("Ja, ik wil graag een antwoord").check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw reactie")
    expect(page.get_by_text("Ontvangen", exact=True)).to_be_visible()
    expect(page.get_by_text("Sanne Bakker (Adviseur werk)")).to_be_visible()
    visit.check()
    visit.logout()

    visit.login(adviser.user.username)
    page.get_by_role("link", name="Reacties", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reacties van cliënten")
    visit.check()
    page.get_by_role("link", name=client_record.full_name).click()
    visit.check()
    page.get_by_role("button", name="In behandeling nemen").click()
    expect(page.get_by_text("in behandeling is")).to_be_visible()
    page.get_by_label("Je antwoord").fill("Sorry! Ik bel u morgen om 10:00 uur.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Je antwoord is verstuurd.")).to_be_visible()
    visit.check()
    visit.logout()

    visit.login(client_record.user.username)
    visit.goto("/mijn/reacties/")
    page.get_by_role("link", name=re.compile(r"\d{4}")).first.click()
    expect(page.get_by_text("Beantwoord", exact=True)).to_be_visible()
    answer = page.get_by_role("region", name="Ons antwoord")
    expect(answer).to_contain_text("Sorry! Ik bel u morgen om 10:00 uur.")
    expect(answer).to_contain_text("Sanne Bakker")
    expect(answer).to_contain_text("Adviseur werk")
    visit.check()


def test_manager_overview_and_a_mirror_conversation(visit, client_record, adviser, manager):
    import uuid

    from maatwerk.feedback import actions

    item = actions.submit_feedback(
        client=client_record,
        kind="complaint",
        text="Te lang gewacht.",
        wants_answer=True,
        token=uuid.uuid4(),
    )
    page = visit.page
    visit.login(manager.user.username)
    visit.goto("/werk/reacties/overzicht/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reacties per vestiging")
    visit.check()
    visit.goto(f"/werk/reacties/{item.pk}/")
    expect(page.get_by_role("heading", name="Eigenaar wijzigen")).to_be_visible()
    visit.check()

    visit.goto("/werk/spiegelgesprekken/")
    visit.check()
    page.get_by_role("link", name="Sessie vastleggen").click()
    visit.check()
    page.get_by_label("Spiegelgesprek").check()
    page.get_by_label("Onderwerp").fill("Bereikbaarheid")
    page.get_by_label("Aantal cliënten").fill("6")
    page.get_by_label("Wat zeiden de cliënten?").fill(
        "Bel mij: 06-12345678. Terugbellen duurt lang."
    )
    page.get_by_role("button", name="Sessie opslaan").click()
    expect(page.get_by_text("persoonsgegevens weggehaald")).to_be_visible()
    expect(page.get_by_text("06-12345678")).to_have_count(0)
    visit.check()
    page.get_by_label("Verbeterpunt").fill("Terugbellen binnen één werkdag")
    page.get_by_label("Eigenaar").select_option(label="Sanne Bakker (Adviseur werk)")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_role("link", name="Terugbellen binnen één werkdag").click()
    visit.check()
    page.get_by_label("Niet uitgevoerd").check()
    page.get_by_role("button", name="Status opslaan").click()
    expect(page.get_by_text("Leg uit waarom dit punt niet wordt uitgevoerd.").first).to_be_visible()
    visit.check()
    visit.goto("/werk/spiegelgesprekken/verbeterpunten/")
    visit.check()
