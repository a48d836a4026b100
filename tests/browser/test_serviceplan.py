"""The service plan in the browser: the adviser's call list ("Beldag") and deciding a plan, and
the client's "Mijn plan" with a request for a service. axe-core checks every page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from maatwerk.core.tests import factories
from maatwerk.serviceplan import actions
from maatwerk.serviceplan.models import ServiceType

pytestmark = pytest.mark.browser


def test_adviser_calls_and_decides_a_plan(visit, client_record, adviser):
    talk = ServiceType.objects.get(code="persoonlijk-gesprek")
    actions.decide_plan(
        client=client_record, services=[talk], user=adviser.user, today=timezone.localdate()
    )
    newcomer = factories.make_client(contact_person=adviser, first_name="Noor", surname="Visser")
    actions.propose_plan(client=newcomer)

    visit.login(adviser.user.username)
    page = visit.page
    page.get_by_role("link", name="Beldag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beldag")
    # The plan's call (the client is also on the list for their welcome: maatwerk.notifications).
    expect(page.locator(f'a[href="/werk/plan/{client_record.pk}/"]')).to_be_visible()
    expect(page.get_by_text("bel om een afspraak te maken").first).to_be_visible()
    visit.check()
    visit.goto("/werk/beldag/?datum=morgen", status=400)
    expect(page.get_by_text("Dit is geen geldige datum.").first).to_be_visible()
    visit.check()

    visit.goto(f"/werk/plan/{newcomer.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Plan van {newcomer.full_name}")
    expect(page.get_by_label("Persoonlijk gesprek")).to_be_checked()
    visit.check()
    page.get_by_label("Persoonlijk gesprek").uncheck()
    page.get_by_label("Workshop solliciteren").check()
    page.get_by_role("button", name="Plan vastleggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_text("Je wijkt af van het voorstel.").first).to_be_visible()
    visit.check()
    page.get_by_label("Reden").fill("Noor wil eerst in een groep oefenen.")
    page.get_by_role("button", name="Plan vastleggen").click()
    expect(page.get_by_text("Het plan is vastgelegd en staat op de tijdlijn.")).to_be_visible()
    expect(page.get_by_text("Versie 2: vastgelegd")).to_be_visible()
    visit.check()


def test_client_sees_plan_and_asks_for_a_service(visit, client_record, adviser):
    talk = ServiceType.objects.get(code="persoonlijk-gesprek")
    actions.decide_plan(client=client_record, services=[talk], user=adviser.user)

    visit.login(client_record.user.username)
    page = visit.page
    page.get_by_role("link", name="Mijn plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn plan")
    expect(page.get_by_text("Persoonlijk gesprek").first).to_be_visible()
    expect(page.get_by_role("heading", name="Uw volgende gesprek")).to_be_visible()
    visit.check()
    page.get_by_role("button", name="Vraag versturen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_text("Kies waar u om wilt vragen.").first).to_be_visible()
    visit.check()
    page.get_by_label("Netwerktraining").check()
    page.get_by_label("Waarom wilt u dit?").fill("Ik ken weinig mensen in mijn vak.")
    page.get_by_role("button", name="Vraag versturen").click()
    expect(page.get_by_text("Uw vraag is verstuurd.")).to_be_visible()
    expect(page.get_by_text("Netwerktraining (gevraagd op")).to_be_visible()
    visit.check()


def test_adviser_confirms_the_conversation_that_is_due(visit, client_record, adviser):
    talk = ServiceType.objects.get(code="persoonlijk-gesprek")
    actions.decide_plan(client=client_record, services=[talk], user=adviser.user)

    visit.login(adviser.user.username)
    page = visit.page
    visit.goto(f"/werk/plan/{client_record.pk}/")
    held = page.get_by_role("button", name="Gesprek gehouden")
    expect(held).to_have_count(1)  # only the conversation that is due
    visit.check()
    page.get_by_label("Ik heb dit gesprek met de cliënt gehouden").check()
    held.click()
    expect(page.get_by_text("Het gesprek is vastgelegd.")).to_be_visible()
    expect(page.get_by_text("Gehouden op").first).to_be_visible()
    visit.check()
