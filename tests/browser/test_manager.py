"""An office manager sees the office's clients and hands a client over to another adviser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_manager_reassigns_and_client_sees_new_adviser(
    visit, manager, adviser, other_adviser, client_record
):
    visit.login(manager.user.username)
    page = visit.page

    # A manager has no caseload of their own: they land on the office scope.
    expect(page).to_have_url(re.compile(r"/werk/clienten/\?bereik=vestiging$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cliënten van mijn vestiging")
    visit.check()

    page.locator("#results").get_by_role("link", name="Amrani, Fatima").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fatima Amrani")
    expect(page.locator(".mw-access-ground")).to_contain_text("vestigingsmanager")
    visit.check()

    page.get_by_role("link", name="Overdragen aan een andere adviseur").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fatima Amrani overdragen")
    visit.check()

    # Without a reason the handover is refused, in Dutch, at the field.
    new_adviser = page.get_by_label("Nieuwe adviseur")
    new_adviser.select_option(label=f"{other_adviser.full_name} (E-werkcoach)")
    page.get_by_role("button", name="Overdragen").click()
    reason = page.get_by_label("Reden van de overdracht")
    expect(reason).to_have_accessible_description("Geef een reden voor de overdracht.")
    visit.check()

    reason.fill("Sanne gaat met verlof; Piet neemt haar cliënten over.")
    page.get_by_role("button", name="Overdragen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fatima Amrani")
    # The file has two live regions: the flash message and the timeline's event count.
    done = f"{other_adviser.full_name} is nu de vaste contactpersoon."
    expect(page.get_by_role("status").filter(has_text=done)).to_be_visible()
    contact = page.get_by_role("region", name="Vaste contactpersoon")
    expect(contact.get_by_role("listitem").first).to_contain_text(
        f"{other_adviser.full_name}, E-werkcoach"
    )
    expect(contact.get_by_role("listitem").first).to_contain_text("Sanne gaat met verlof")
    visit.check()
    visit.logout()

    # The client, logging in, sees the new adviser's name and job title.
    visit.login(client_record.user.username)
    adviser_section = page.get_by_role("region", name="Mijn adviseur")
    expect(adviser_section).to_contain_text(other_adviser.full_name)
    expect(adviser_section).to_contain_text("E-werkcoach")
    expect(adviser_section).not_to_contain_text(adviser.full_name)
    visit.check()
