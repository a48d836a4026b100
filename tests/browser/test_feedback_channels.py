"""Input by any channel in the browser: a complaint made by phone is recorded from the client
file, gets an owner and a deadline, and the answer goes back by letter for a client without
digital channels. Every new page passes axe-core."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from maatwerk.core.tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def letter_client(adviser):
    return factories.make_client(
        contact_person=adviser,
        first_name="Henk",
        surname="Brouwer",
        email="",
        phone="",
        uses_digital_channels=False,
        preference={"channel": "letter"},
    )


def test_a_phone_complaint_gets_an_owner_and_an_answer_by_letter(
    visit, letter_client, adviser, manager
):
    page = visit.page
    visit.login(adviser.user.username)
    visit.goto(reverse("clients:file", args=[letter_client.pk]))
    page.get_by_role("link", name="Reactie vastleggen namens cliënt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reactie vastleggen namens cliënt")
    visit.check()
    # No channel, no text: said next to the fields, nothing recorded.
    page.get_by_label("Klacht").check()
    page.get_by_role("button", name="Reactie vastleggen").click()
    expect(page.get_by_text("Kies hoe de reactie binnenkwam").first).to_be_visible()
    expect(page.get_by_text("Schrijf op wat de cliënt zei of schreef.").first).to_be_visible()
    visit.check()
    page.get_by_label("Telefoon").check()
    page.get_by_label("Klacht").check()
    page.get_by_label("Wat de cliënt zei of schreef").fill(
        "Meneer is drie keer niet teruggebeld over zijn uitkering."
    )
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Reactie vastleggen").click()
    # A complaint goes to the office manager: the adviser cannot open it, so back to the file.
    expect(page.get_by_text("Mira de Jong behandelt haar")).to_be_visible()
    visit.check()
    visit.logout()

    visit.login(manager.user.username)
    visit.goto("/werk/reacties/overzicht/")
    visit.check()
    page.get_by_role("link", name="Klacht van").first.click()
    expect(page.get_by_text("Telefonisch (vastgelegd door Sanne Bakker)")).to_be_visible()
    visit.check()
    page.get_by_label("Je antwoord").fill("Excuses. Uw adviseur belt u deze week terug.")
    page.get_by_role("button", name="Antwoord versturen").click()
    # The answer goes back through the one notification path: a letter to print.
    expect(page.get_by_text("Het antwoord ging naar de cliënt: per brief.")).to_be_visible()
    visit.check()
    visit.goto("/werk/post/")
    page.get_by_role("link", name="Antwoord op uw reactie").first.click()
    page.get_by_role("button", name="Geprint en op de post gedaan").click()
    visit.check()

    visit.goto("/werk/reacties/vastleggen/?naam=Brouwer")
    expect(page.get_by_role("link", name="Henk Brouwer")).to_be_visible()
    visit.check()


def test_after_contact_answers_given_by_phone(visit, client_record, adviser, manager):
    from maatwerk.surveys import actions as surveys
    from maatwerk.surveys.models import ContactQuestion
    from maatwerk.timeline.actions import Actor, record_event
    from maatwerk.timeline.kinds import register

    register("test.browser_call", "Gesprek", "Gesprek gehad.", staff_summary="Gesprek gehad.")
    researcher = factories.make_staff(
        "Klantonderzoeker", offices=list(adviser.offices.all()), job_title="Klantonderzoeker"
    )
    survey = surveys.create_survey(
        user=researcher.user, title="Hoe was uw gesprek?", kind="after_contact"
    )
    surveys.save_question(
        survey=survey,
        user=researcher.user,
        page=survey.pages.get(),
        kind="yes_no",
        text="Was het gesprek duidelijk?",
    )
    surveys.publish(survey=survey, user=researcher.user)
    surveys.create_rule(
        user=researcher.user, event_kind="test.browser_call", survey=survey, expires_after_days=7
    )
    record_event(client_record, "test.browser_call", Actor.of_staff(adviser), {})
    question = ContactQuestion.objects.get()

    page = visit.page
    visit.login(manager.user.username)
    visit.goto(reverse("surveys:contact_phone_list", args=[client_record.pk]))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vragen na contact telefonisch invullen"
    )
    visit.check()
    page.get_by_role("link", name="Hoe was uw gesprek?").click()
    visit.check()
    page.get_by_role("button", name="Antwoorden opslaan").click()
    expect(page.get_by_role("alert")).to_be_visible()
    visit.check()
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Antwoorden opslaan").click()
    expect(page.get_by_text("De antwoorden van de cliënt zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Er staan geen vragen open voor deze cliënt.")).to_be_visible()
    visit.check()
    question.refresh_from_db()
    assert question.response.entered_by == manager
