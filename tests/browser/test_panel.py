"""The client panel in the browser: a client joins and leaves; a researcher plans a panel survey,
sees the preview with the members skipped by the contact rules, and sends it; a member without
e-mail answers with the code from their letter, on paper or at an office tablet."""

import re
import uuid

import pytest
from django.core import mail
from playwright.sync_api import expect

from maatwerk.core.tests import factories
from maatwerk.core.tests.factories import PASSWORD
from maatwerk.panel.models import Topic
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


def _answer_first_page(page) -> None:
    page.get_by_role("group", name="Hoe tevreden bent u?").get_by_label("4").check()
    page.get_by_role("group", name="Hoe had u contact?").get_by_label("Telefoon").check()
    page.get_by_role("group", name="Kreeg u hulp?").get_by_label("Nee").check()


def test_a_member_without_email_answers_by_letter_code_on_paper_and_at_the_tablet(visit, adviser):
    """The member gets a letter with a code (print queue, "Mijn brieven"); staff type the paper
    answers in; a second use of the code is refused; the tablet refuses a code too and is left
    only with the staff member's password."""
    from maatwerk.panel import actions
    from maatwerk.panel.models import PaperCode
    from maatwerk.surveys.tests.helpers import build_survey

    researcher = factories.make_staff(
        "Klantonderzoeker", offices=list(adviser.offices.all()), job_title="Klantonderzoeker"
    )
    survey = build_survey(researcher.user, title="Uw ervaring met het werkplein")
    make_members(2, adviser=adviser)
    (member,) = make_members(
        1,
        adviser=adviser,
        email="",
        first_name="Piet",
        street="Kastanjelaan",
        house_number="12",
        postal_code="3512 AB",
        city="Utrecht",
        uses_digital_channels=False,
    )
    plan = actions.create_plan(
        user=researcher.user,
        survey=survey,
        topic=Topic.objects.order_by("pk").first(),
        target_size=3,
        strata=[],
        seed=1,
        submission_token=uuid.uuid4(),
    )
    actions.confirm_plan(plan=plan, user=researcher.user)  # dispatch runs on commit
    code = PaperCode.objects.get(invitation__client=member).code
    printed = f"{code[:4]}-{code[4:]}"
    page = visit.page

    # The member reads the letter with the code in "Mijn brieven".
    visit.login(member.user.username)
    visit.goto("/mijn/brieven/")
    page.get_by_role("link", name=re.compile("Uitnodiging klantpanel")).click()
    expect(page.get_by_text(re.compile(f"Uw persoonlijke code is: {printed}"))).to_be_visible()
    visit.check()
    visit.logout()

    # The contact person finds it in the print queue through the menu.
    visit.login(adviser.user.username)
    page.get_by_role("link", name="Post om te versturen").click()
    expect(page.get_by_text(re.compile("Uitnodiging klantpanel")).first).to_be_visible()
    visit.check()
    visit.logout()

    # The researcher types in the returned paper.
    visit.login(researcher.user.username)
    visit.goto(f"/werk/panel/{plan.pk}/")
    expect(
        page.get_by_text("1 lid kreeg een brief met een persoonlijke code.", exact=False)
    ).to_be_visible()
    visit.check()
    page.get_by_role("link", name="Antwoorden van papier invoeren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Antwoorden van papier invoeren")
    visit.check()
    page.get_by_label("Persoonlijke code uit de brief").fill(printed.lower())
    page.get_by_label("Geboortedatum van het panellid").fill("17-05-1980")
    _answer_first_page(page)
    page.get_by_role("button", name="Antwoorden opslaan").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("De antwoorden zijn opgeslagen"))
    visit.check()

    # The same code again: refused next to the field, nothing written.
    page.get_by_label("Persoonlijke code uit de brief").fill(printed)
    page.get_by_label("Geboortedatum van het panellid").fill("17-05-1980")
    _answer_first_page(page)
    page.get_by_role("button", name="Antwoorden opslaan").click()
    expect(page.locator(".mw-error").first).to_have_text(re.compile("Deze code is al gebruikt"))
    visit.check()

    # The tablet: no menu; a used code is refused there too; only the researcher leaves it.
    visit.goto(f"/werk/panel/{plan.pk}/")
    page.get_by_role("button", name="Tablet klaarzetten voor een lid").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vragenlijst klantpanel")
    expect(page.get_by_role("navigation")).to_have_count(0)
    visit.check()
    page.get_by_label("Uw persoonlijke code").fill(printed)
    page.get_by_label("Uw geboortedatum").fill("17-05-1980")
    _answer_first_page(page)
    page.get_by_role("button", name="Antwoorden versturen").click()
    expect(page.locator(".mw-error").first).to_have_text(re.compile("Deze code is al gebruikt"))
    visit.check()
    visit.goto("/werk/panel/")  # any other page leads back to the tablet
    expect(page.get_by_role("heading", level=1)).to_have_text("Vragenlijst klantpanel")
    page.get_by_role("link", name="Tablet vrijgeven (medewerker)").click()
    visit.check()
    page.get_by_label("Wachtwoord van de medewerker").fill("fout")
    page.get_by_role("button", name="Tablet vrijgeven").click()
    expect(page.get_by_text("Dit wachtwoord klopt niet.").first).to_be_visible()
    page.get_by_label("Wachtwoord van de medewerker").fill(PASSWORD)
    page.get_by_role("button", name="Tablet vrijgeven").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("De tablet is weer vrij"))
    visit.check()
