"""The portal never shows an adviser who left (issue 12, ADR 0032)."""

import pytest
from django.urls import reverse

from maatwerk.clients.actions import reassign_contact_person
from maatwerk.organisation import actions as organisation_actions
from maatwerk.organisation.models import StaffMember

pytestmark = pytest.mark.django_db


def _adviser_section(web):
    text = web.get(reverse("portal:home")).text
    start = text.index('id="adviser-heading"')
    return text[start : text.index("</section>", start)]


def test_after_the_adviser_left_the_portal_says_a_new_one_is_chosen(
    login, client_record, adviser, manager, office, other_adviser
):
    office.phone = "020 123 45 67"
    office.save()
    organisation_actions.deactivate_staff(staff=adviser, by_user=manager.user)

    section = _adviser_section(login(client_record.user))
    assert adviser.full_name not in section
    assert "Wij kiezen een nieuwe adviseur voor u." in section
    assert office.name in section and office.address in section
    assert "020 123 45 67" in section

    reassign_contact_person(
        client=client_record, new_staff=other_adviser, by_user=manager.user, reason="Uit dienst"
    )
    section = _adviser_section(login(client_record.user))
    assert other_adviser.full_name in section
    assert "Wij kiezen" not in section


def test_an_inactive_adviser_is_never_shown_even_before_the_handover(login, client_record, adviser):
    # Switched off behind the actions' back (a database fix, an old import): still not shown.
    StaffMember.objects.filter(pk=adviser.pk).update(is_active=False)
    section = _adviser_section(login(client_record.user))
    assert adviser.full_name not in section
    assert "Wij kiezen een nieuwe adviseur voor u." in section
