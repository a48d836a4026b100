"""An adviser works through their caseload, files, notes, and a colleague's client."""

import re

import pytest
from playwright.sync_api import expect

from maatwerk.appointments.tests.helpers import at, available, book, workday
from maatwerk.clients import actions as client_actions
from maatwerk.clients.views import PAGE_SIZE
from maatwerk.core.tests import factories
from maatwerk.messaging import actions as messaging_actions

pytestmark = pytest.mark.browser

# One more client than fits on a page (PAGE_SIZE is 25).
SURNAMES = [
    "Aydın", "Bakker", "Bos", "Claes", "Dekker", "Dijkstra", "Jansen", "Janssen", "Kok", "Koster",
    "Maas", "Meijer", "Mulder", "Peters", "Postma", "Prins", "Smit", "Smits", "Veenstra", "Verbeek",
    "Vermeulen", "Visser", "Vos", "Wijaya", "Yılmaz", "Zijlstra",
]  # fmt: skip


def results(page):
    return page.locator("#results")


def result_count(page):
    """The live region that announces the number of results; the table itself stays quiet."""
    return page.get_by_role("status").and_(page.locator("#caseload-count"))


def test_caseload_search_sort_and_paginate(visit, adviser, other_adviser):
    assert PAGE_SIZE < len(SURNAMES) <= 2 * PAGE_SIZE
    clients = [
        factories.make_client(contact_person=adviser, first_name="Kees", surname=surname)
        for surname in SURNAMES
    ]
    factories.make_client(contact_person=other_adviser, first_name="Karin", surname="Aarts")
    wanted = clients[SURNAMES.index("Meijer")]

    visit.login(adviser.user.username)
    page = visit.page
    expect(page).to_have_url(re.compile(r"/werk/clienten/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn cliënten")
    expect(result_count(page)).to_have_text(f"{len(SURNAMES)} cliënten")
    expect(results(page)).not_to_have_attribute("aria-live", re.compile(".*"))
    rows = results(page).locator("tbody tr")
    expect(rows).to_have_count(PAGE_SIZE)
    expect(rows.first).to_contain_text("Aydın, Kees")  # A–Z by default; not Aarts, not mine
    expect(page.get_by_role("navigation", name="Paginering")).to_contain_text("Pagina 1 van 2")
    visit.check()

    # Paginate: the second page holds the rest.
    page.get_by_role("link", name="Volgende").click()
    expect(page).to_have_url(re.compile(r"pagina=2"))
    expect(rows).to_have_count(len(SURNAMES) - PAGE_SIZE)
    expect(page.get_by_role("navigation", name="Paginering")).to_contain_text("Pagina 2 van 2")
    expect(page.get_by_role("link", name="Vorige")).to_be_visible()
    visit.check()

    # Sort: changing the select reloads the results in place (htmx).
    page.get_by_label("Sorteer op").select_option("-naam")
    expect(rows.first).to_contain_text("Zijlstra, Kees")
    expect(page).to_have_url(re.compile(r"sorteer=-naam"))
    visit.check()

    # Search by name, as the adviser types.
    page.get_by_label("Zoek op naam of BSN").fill("meij")
    expect(result_count(page)).to_have_text("1 cliënt — gezocht op “meij”")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Meijer, Kees")
    visit.check()

    # Search by BSN, submitted with the button.
    page.get_by_label("Zoek op naam of BSN").fill(wanted.bsn)
    page.get_by_role("button", name="Zoeken").click()
    expect(result_count(page)).to_have_text(f"1 cliënt — gezocht op “{wanted.bsn}”")
    expect(page).to_have_url(re.compile(rf"q={wanted.bsn}"))
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(wanted.bsn)

    # Someone else's client is not on my list.
    page.get_by_label("Zoek op naam of BSN").fill("Aarts")
    expect(results(page)).to_contain_text("Geen cliënten gevonden.")
    expect(result_count(page)).to_have_text("0 cliënten — gezocht op “Aarts”")
    visit.check()

    # Back shows the previous search again, reloaded from the server: htmx keeps no copy of
    # client data (names, BSNs) in the browser's session storage.
    page.go_back()
    expect(page).to_have_url(re.compile(rf"q={wanted.bsn}"))
    expect(result_count(page)).to_have_text(f"1 cliënt — gezocht op “{wanted.bsn}”")
    expect(page.get_by_label("Zoek op naam of BSN")).to_have_value(wanted.bsn)
    expect(rows).to_have_count(1)
    assert page.evaluate("() => sessionStorage.getItem('htmx-history-cache')") is None
    visit.check()

    # The search result opens the file.
    page.get_by_label("Zoek op naam of BSN").fill("Meijer")
    results(page).get_by_role("link", name="Meijer, Kees").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kees Meijer")


def test_own_client_file_and_note(visit, adviser, client_record):
    visit.login(adviser.user.username)
    page = visit.page
    page.get_by_role("link", name="Amrani, Fatima").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Fatima Amrani")
    expect(page.get_by_text("Waarom je dit dossier mag zien: vaste contactpersoon")).to_be_visible()
    details = page.get_by_role("region", name="Gegevens")
    expect(details).to_contain_text(client_record.bsn)
    expect(details).to_contain_text("06 12345678")
    preferences = page.get_by_role("region", name="Contactvoorkeuren")
    expect(preferences).to_contain_text("telefoon")
    expect(preferences).to_contain_text("Liever geen gesprek voor 10:00")
    expect(page.get_by_role("region", name="Vaste contactpersoon")).to_contain_text(
        f"{adviser.full_name}, {adviser.job_title}"
    )
    timeline = page.get_by_role("region", name="Tijdlijn")
    expect(timeline.get_by_role("listitem")).not_to_have_count(0)
    visit.check()

    note = "Belde over de workshop sollicitatiebrief; komt dinsdag."
    page.get_by_label("Notitie (alleen voor medewerkers)").fill(note)
    page.get_by_role("button", name="Notitie toevoegen").click()
    saved = page.get_by_role("status").filter(has_text="De notitie staat op de tijdlijn.")
    expect(saved).to_be_visible()
    first_event = timeline.get_by_role("listitem").first
    expect(first_event).to_contain_text(note)
    expect(first_event).to_contain_text("alleen medewerkers")
    expect(first_event).to_contain_text(adviser.full_name)
    visit.check()


def test_the_client_file_opens_on_a_summary_and_filters_its_timeline(
    visit, adviser, client_record, office
):
    available(adviser, office)
    book(client_record, office, at(workday(), 14))
    messaging_actions.send_client_message(
        client=client_record, subject="Reiskosten", body="Krijg ik mijn reiskosten terug?"
    )
    client_actions.add_note(
        client=client_record, by_user=adviser.user, text="Belt liever 's middags."
    )

    visit.login(adviser.user.username)
    page = visit.page
    visit.goto(f"/werk/clienten/{client_record.pk}/")
    summary = page.get_by_role("region", name="Overzicht")
    terms = summary.locator("dt")
    expect(terms.first).to_have_text("Vaste contactpersoon")
    expect(summary.locator("dd").first).to_contain_text(adviser.full_name)
    next_contact = summary.locator(".utrecht-data-list__item", has_text="Volgend contact")
    expect(next_contact).to_contain_text("om 14:00")
    messages = summary.locator(".utrecht-data-list__item", has_text="Open berichten")
    expect(messages).to_contain_text("1 bericht wacht op antwoord")
    preferences = summary.locator(".utrecht-data-list__item", has_text="Voorkeuren")
    expect(preferences).to_contain_text("telefoon · Liever geen gesprek voor 10:00")
    expect(summary.get_by_role("link", name="Afspraak maken voor de cliënt")).to_be_visible()
    visit.check()

    # The open message is one click away.
    messages.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Reiskosten")
    page.go_back()

    # The timeline filters by kind, without JavaScript, and says how many are left.
    timeline = page.get_by_role("region", name="Tijdlijn")
    timeline.get_by_label("Soort gebeurtenis").select_option(label="Notities")
    timeline.get_by_role("button", name="Tonen").click()
    expect(page).to_have_url(re.compile(r"soort=notities"))
    events = timeline.locator(".mw-timeline > li")
    expect(events).to_have_count(1)
    expect(events.first).to_contain_text("Belt liever 's middags.")
    expect(timeline.get_by_role("status")).to_have_text("1 gebeurtenis van deze soort")
    visit.check()

    # A filter value from nowhere shows everything, never an error page.
    visit.goto(f"/werk/clienten/{client_record.pk}/?soort=bestaat-niet")
    expect(timeline.locator(".mw-timeline > li")).not_to_have_count(1)
    visit.check()

    # On a phone the summary stacks, and nothing is wider than the screen.
    page.set_viewport_size({"width": 375, "height": 800})
    visit.goto(f"/werk/clienten/{client_record.pk}/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    visit.check()


def test_the_inbox_opens_on_the_own_clients_unassigned_message(visit, adviser, client_record):
    messaging_actions.send_client_message(
        client=client_record, subject="Nog niet toegewezen vraag", body="Hallo"
    )
    visit.login(adviser.user.username)
    visit.goto("/werk/berichten/")
    page = visit.page
    expect(page.get_by_label("Welke berichten")).to_have_value("te-beantwoorden")
    expect(page.get_by_role("link", name="Nog niet toegewezen vraag")).to_be_visible()
    visit.check()


def test_other_advisers_client_needs_a_reason(visit, adviser, other_adviser):
    colleague_client = factories.make_client(
        contact_person=other_adviser, first_name="Rob", surname="Hendriks"
    )
    visit.login(adviser.user.username)
    page = visit.page

    visit.goto(f"/werk/clienten/{colleague_client.pk}/")
    expect(page).to_have_url(re.compile(rf"/werk/clienten/{colleague_client.pk}/reden/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dossier van een andere adviseur")
    visit.check()

    # An empty reason: a Dutch error next to the field, tied to it for screen readers.
    page.get_by_role("button", name="Dossier openen").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Niet alles is goed ingevuld.")
    reason = page.get_by_label("Waarom open je dit dossier?")
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(reason).to_have_accessible_description(
        re.compile(r"Schrijf waarom je dit dossier opent\.")
    )
    field = page.locator(".mw-field", has=reason)
    expect(field.locator(".mw-error")).to_have_text("Schrijf waarom je dit dossier opent.")
    visit.check()
    # The keyboard starts at the error summary, and its link leads to the field.
    expect(summary).to_be_focused()
    page.keyboard.press("Tab")
    link = summary.get_by_role("link")
    expect(link).to_have_text("Schrijf waarom je dit dossier opent.")
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(reason).to_be_focused()

    # A valid reason opens the file, and the file says on what ground.
    reason.fill("Sanne is ziek; de cliënt belt over de afspraak van morgen.")
    page.get_by_role("button", name="Dossier openen").click()
    # (The browser keeps the #id_reason fragment across the redirect.)
    expect(page).to_have_url(re.compile(rf"/werk/clienten/{colleague_client.pk}/(#id_reason)?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Rob Hendriks")
    expect(page.locator(".mw-access-ground")).to_contain_text("Sanne is ziek")
    visit.check()


def test_skip_link_is_first_and_moves_focus_to_main(visit, adviser):
    visit.login(adviser.user.username)
    page = visit.page
    visit.goto("/werk/clienten/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    box = skip_link.bounding_box()
    assert box is not None and box["width"] > 1 and box["height"] > 1, box

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main$"))
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")
    visit.check()


def test_practice_account(visit, adviser):
    visit.login(adviser.user.username)
    page = visit.page

    page.get_by_role("button", name="Probeer als klant").click()
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    bar = page.get_by_role("region", name="Oefenaccount")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("zoals een klant het ziet")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Sanne")
    expect(page.get_by_role("region", name="Mijn adviseur")).to_contain_text(adviser.full_name)
    # The client's header and menu: the client's pages are a click away, the staff's are not.
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Mijn cliënten")).to_have_count(0)
    expect(page.get_by_role("button", name="Stoppen met oefenen")).to_have_count(1)
    visit.check()
    menu.get_by_role("link", name="Mijn brieven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn brieven")
    expect(bar).to_be_visible()
    visit.check()

    bar.get_by_role("button", name="Stoppen met oefenen").click()
    expect(page).to_have_url(re.compile(r"/werk/clienten/$"))
    expect(page.get_by_role("region", name="Oefenaccount")).to_have_count(0)
    expect(menu.get_by_role("link", name="Mijn cliënten")).to_be_visible()
    # The practice account is never on the caseload.
    expect(result_count(page)).to_have_text("0 cliënten")
    visit.check()
    page.set_viewport_size({"width": 375, "height": 800})
    page.get_by_role("button", name="Probeer als klant").click()
    expect(bar).to_be_visible()
    visit.check()
