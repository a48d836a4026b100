"""An adviser leaves service in the admin; the office manager finds their client on the list of
clients without a contact person and reassigns them; the client's portal follows (issue 12)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_deactivated_adviser_is_replaced_and_the_portal_follows(
    visit, administrator, manager, adviser, other_adviser, client_record
):
    page = visit.page

    # The administrator sets 'in dienst' off in the admin.
    visit.login(administrator.user.username)
    visit.goto(reverse("admin:organisation_staffmember_change", args=[adviser.pk]))
    page.get_by_label("In dienst").uncheck()
    page.get_by_role("button", name=re.compile("^Opslaan$")).click()
    expect(page).to_have_url(re.compile(r"/organisation/staffmember/$"))
    page.context.clear_cookies()  # the admin has no Maatwerk log-out button: end the session

    # Until someone is chosen, the portal names no adviser and says how to reach the office.
    visit.login(client_record.user.username)
    adviser_section = page.get_by_role("region", name="Mijn adviseur")
    expect(adviser_section).to_contain_text("Wij kiezen een nieuwe adviseur voor u.")
    expect(adviser_section).to_contain_text("Werkplein Amsterdam-Centrum")
    expect(adviser_section).not_to_contain_text(adviser.full_name)
    visit.check()
    visit.logout()

    # The manager finds the client on the new list.
    visit.login(manager.user.username)
    page.get_by_role("link", name="Cliënten zonder vaste contactpersoon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cliënten zonder vaste contactpersoon"
    )
    row = page.get_by_role("row", name=re.compile("Fatima Amrani"))
    expect(row).to_contain_text(adviser.full_name)
    visit.check()

    # Without a reason nothing happens, and the field says why.
    page.get_by_label("Kies Fatima Amrani").check()
    page.get_by_label("Nieuwe adviseur").select_option(
        label=f"{other_adviser.full_name} (E-werkcoach)"
    )
    page.get_by_role("button", name="Toewijzen").click()
    reason = page.get_by_label("Reden")
    expect(reason).to_have_accessible_description(re.compile("Geef een reden voor de overdracht."))
    visit.check()

    page.get_by_label("Kies Fatima Amrani").check()
    page.get_by_label("Nieuwe adviseur").select_option(
        label=f"{other_adviser.full_name} (E-werkcoach)"
    )
    reason.fill("Sanne is uit dienst; Piet neemt haar cliënten over.")
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"{other_adviser.full_name} is nu de vaste contactpersoon van 1 cliënt."
    )
    expect(
        page.get_by_text("Alle cliënten van je vestiging hebben een vaste contactpersoon.")
    ).to_be_visible()
    visit.check()
    visit.logout()

    # The client sees the new adviser.
    visit.login(client_record.user.username)
    adviser_section = page.get_by_role("region", name="Mijn adviseur")
    expect(adviser_section).to_contain_text(other_adviser.full_name)
    expect(adviser_section).not_to_contain_text(adviser.full_name)
    expect(adviser_section).not_to_contain_text("Wij kiezen")
    visit.check()
