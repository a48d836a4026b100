"""Surveys in the browser: a researcher builds and publishes a survey, a client answers it with
the keyboard (stopping halfway and resuming), and an interview on a tablet survives a dropped
connection and is synced exactly once."""

import re

import pytest
from playwright.sync_api import expect

from maatwerk.core.tests import factories
from maatwerk.core.tests.factories import PASSWORD
from maatwerk.surveys import actions
from maatwerk.surveys.models import InterviewSession, Response, Survey

pytestmark = pytest.mark.browser


@pytest.fixture
def researcher(office):
    return factories.make_staff("Klantonderzoeker", offices=[office], job_title="Klantonderzoeker")


def _staff_login(visit, username, landing):
    """Log in straight to the page under test (``?next=``), not to the first menu link."""
    visit.goto(f"/inloggen/?next={landing}")
    visit.page.get_by_label("Gebruikersnaam").fill(username)
    visit.page.get_by_label("Wachtwoord").fill(PASSWORD)
    visit.page.get_by_role("button", name="Inloggen").click()
    expect(visit.page).to_have_url(re.compile(re.escape(landing) + "$"))


def _add_question(page, kind, text, options=""):
    page.get_by_role("link", name="Vraag toevoegen").click()
    page.get_by_role("group", name="Soort vraag").get_by_label(kind, exact=True).check()
    page.get_by_label("Vraag", exact=True).fill(text)
    if options:
        page.get_by_label("Antwoorden (bij één of meer keuzes)").fill(options)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text(text)).to_be_visible()


def test_build_and_answer_with_the_keyboard(visit, researcher, client_record):
    page = visit.page
    _staff_login(visit, researcher.user.username, "/werk/onderzoek/")
    visit.check()
    page.get_by_role("link", name="Nieuwe vragenlijst").click()
    visit.check()
    page.get_by_label("Titel", exact=True).fill("Uw ervaring")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw ervaring")
    _add_question(page, "schaal 1 tot en met 5", "Hoe tevreden bent u?")
    visit.check()
    page.get_by_role("link", name="Pagina toevoegen").click()
    visit.check()
    page.get_by_label("Titel van de pagina").fill("Meer over u")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Vraag toevoegen").click()
    visit.check()
    page.get_by_label("Pagina", exact=True).select_option(label="Meer over u")
    page.get_by_role("group", name="Soort vraag").get_by_label("één keuze").check()
    page.get_by_label("Vraag", exact=True).fill("Hoe had u contact?")
    page.get_by_label("Antwoorden (bij één of meer keuzes)").fill("Telefoon\nOp de vestiging")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("group", name="Hoe had u contact?")).to_be_visible()
    visit.check()
    page.get_by_role("link", name="Terug naar de vragenlijst").click()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("Gepubliceerd.")).to_be_visible()
    visit.check()
    survey = Survey.objects.get(title="Uw ervaring")
    assert survey.status == "published"
    visit.logout()

    visit.login(client_record.user.username)
    visit.goto("/mijn/vragenlijsten/")
    visit.check()
    page.get_by_role("link", name="Uw ervaring").click()
    visit.check()
    page.get_by_role("button", name="Beginnen").click()
    # Submitting nothing: the error summary takes the keyboard to the question.
    page.get_by_role("button", name="Volgende").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Beantwoord deze vraag.")
    visit.check()
    page.get_by_role("alert").get_by_role("link").first.press("Enter")
    # The ends of the scale say what they mean, in the radio's own name.
    expect(page.get_by_role("radio", name="1 – helemaal niet", exact=True)).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="4", exact=True)).to_be_checked()
    page.get_by_role("button", name="Bewaren en later verder").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Uw antwoorden zijn bewaard.")).to_be_visible()
    # Later: straight on to page 2.
    page.get_by_role("link", name="Uw ervaring").click()
    page.get_by_role("button", name="Verdergaan waar ik gebleven was").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meer over u")
    visit.check()
    page.get_by_role("radio", name="Op de vestiging").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Volgende").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kloppen uw antwoorden?")
    visit.check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel")
    visit.check()
    response = Response.objects.get(survey=survey)
    assert response.completed_at and response.answers == {"v1": 4, "v2": "op-de-vestiging"}


def test_a_0_to_10_scale_names_its_ends(visit, researcher, client_record):
    """The ends are in the radio labels: visible next to 0 and 10, and in the name a screen
    reader reads with the number; the page passes axe-core."""
    survey = actions.create_survey(user=researcher.user, title="Aanraden", kind="survey")
    actions.save_question(
        survey=survey,
        user=researcher.user,
        page=survey.pages.get(),
        kind="scale10",
        text="Hoe waarschijnlijk is het dat u ons aanraadt?",
        low_label="helemaal niet waarschijnlijk",
        high_label="zeer waarschijnlijk",
    )
    actions.publish(survey=survey, user=researcher.user)
    visit.login(client_record.user.username)
    visit.goto(f"/mijn/vragenlijsten/{survey.pk}/")
    page = visit.page
    page.get_by_role("button", name="Beginnen").click()
    group = page.get_by_role("group", name="Hoe waarschijnlijk is het dat u ons aanraadt?")
    lowest = group.get_by_role("radio", name="0 – helemaal niet waarschijnlijk", exact=True)
    highest = group.get_by_role("radio", name="10 – zeer waarschijnlijk", exact=True)
    expect(lowest).to_be_visible()
    expect(group.get_by_text("10 – zeer waarschijnlijk", exact=True)).to_be_visible()
    expect(group.get_by_role("radio")).to_have_count(11)
    visit.check()
    highest.check()
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kloppen uw antwoorden?")
    visit.check()


def test_offline_interview_is_synced_once(visit, researcher, office):
    survey = actions.create_survey(user=researcher.user, title="Interview", kind="interview")
    first = survey.pages.get()
    actions.save_question(
        survey=survey, user=researcher.user, page=first, kind="scale5", text="Hoe was het?"
    )
    actions.save_question(
        survey=survey, user=researcher.user, page=first, kind="yes_no", text="Kwam u op tijd?"
    )
    actions.save_question(
        survey=survey,
        user=researcher.user,
        page=first,
        kind="text",
        text="Waarom niet?",
        required=False,
        show_if_question=None,
    )
    actions.publish(survey=survey, user=researcher.user)
    page = visit.page
    _staff_login(visit, researcher.user.username, "/interview/")
    visit.check()
    page.get_by_role("button", name="Sessie openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Interview")
    visit.check()

    page.context.set_offline(True)
    page.get_by_role("group", name="Hoe was het?").get_by_label("2").check()
    page.get_by_role("group", name="Kwam u op tijd?").get_by_label("Nee").check()
    page.get_by_label("Waarom niet?").fill("<b>De bus</b> was laat")
    page.get_by_role("button", name="Antwoorden opslaan").click()
    status = page.locator("#interview-status-text")
    expect(status).to_have_text("Op dit apparaat: 1. Verzonden: 0.")
    expect(page.locator("#interview-queue")).to_contain_text("Opgeslagen op dit apparaat")
    assert not Response.objects.exists()
    # Closed while the tablet was offline: an interview recorded before the close still counts
    # (the tablet sends when it recorded it; docs/adr/0027).
    actions.close_session(session=InterviewSession.objects.get(), user=researcher.user)

    page.context.set_offline(False)
    expect(status).to_have_text("Op dit apparaat: 0. Verzonden: 1.")
    response = Response.objects.get()
    assert response.answers == {"v1": 2, "v2": "nee", "v3": "<b>De bus</b> was laat"}
    # Going online again (another online event) sends nothing twice.
    page.context.set_offline(True)
    page.context.set_offline(False)
    page.wait_for_timeout(300)
    assert Response.objects.count() == 1
    assert page.evaluate("() => localStorage.length") >= 1
    visit.check()


def test_interview_tablet_is_a_kiosk_only_the_staff_member_leaves(visit, researcher, office):
    survey = actions.create_survey(
        user=researcher.user, title="Hoe was uw bezoek?", kind="interview"
    )
    actions.save_question(
        survey=survey, user=researcher.user, page=survey.pages.get(), kind="yes_no",
        text="Werd u goed geholpen?",
    )  # fmt: skip
    actions.publish(survey=survey, user=researcher.user)
    page = visit.page
    _staff_login(visit, researcher.user.username, "/interview/")
    page.get_by_role("button", name="Sessie openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe was uw bezoek?")
    # No staff menu and no way to a staff page: only the questions and the staff member's exit.
    expect(page.get_by_role("navigation")).to_have_count(0)
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
    expect(page.get_by_role("button", name="Sessie sluiten")).to_have_count(0)
    visit.check()
    page.set_viewport_size({"width": 375, "height": 800})
    visit.check()

    # The client answers; the tablet thanks them and stays on the form.
    page.get_by_role("group", name="Werd u goed geholpen?").get_by_label("Ja").check()
    page.get_by_role("button", name="Antwoorden opslaan").click()
    expect(page.locator("#interview-status-text")).to_have_text("Op dit apparaat: 0. Verzonden: 1.")

    # Typing a staff address leads back to the form.
    visit.goto("/interview/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe was uw bezoek?")
    visit.goto("/werk/onderzoek/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe was uw bezoek?")

    # The way out asks for the staff member's password.
    page.get_by_role("link", name="Alleen voor de medewerker: tablet vrijgeven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tablet vrijgeven")
    visit.check()
    page.get_by_label("Wachtwoord van de medewerker").fill("raden")
    page.get_by_role("button", name="Vrijgeven").click()
    expect(page.locator("#id_password_error")).to_have_text("Dit wachtwoord klopt niet.")
    visit.check()
    page.get_by_label("Wachtwoord van de medewerker").fill(PASSWORD)
    page.get_by_role("button", name="Vrijgeven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Interviews op een vestiging")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    page.get_by_role("button", name=re.compile("Sessie sluiten")).click()
    expect(page.get_by_text("De interviewsessie is gesloten.")).to_be_visible()
    assert InterviewSession.objects.get().closed_at is not None
    visit.check()
