import pytest
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.organisation.models import Office

pytestmark = pytest.mark.django_db


def test_administrator_manages_offices_in_dutch_and_changes_are_audited(login, administrator):
    web = login(administrator.user)
    index = web.get(reverse("admin:index"))
    assert index.status_code == 200
    assert "Vestigingen" in index.text
    assert "Medewerkers" in index.text
    assert "Rollen" in index.text

    region = administrator.offices.first().region
    response = web.post(
        reverse("admin:organisation_office_add"),
        {
            "name": "Werkplein Zwolle",
            "region": region.pk,
            "street": "Lübeckplein",
            "house_number": "1",
            "postal_code": "8017 JZ",
            "city": "Zwolle",
            "is_active": "on",
            "opening_hours-TOTAL_FORMS": "0",
            "opening_hours-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.text[:2000]
    office = Office.objects.get(name="Werkplein Zwolle")
    assert AuditEntry.objects.filter(
        action="admin.added", object_type="organisation.office", object_id=str(office.pk)
    ).exists()


def test_adviser_cannot_reach_the_admin(login, adviser):
    response = login(adviser.user).get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("clients:caseload")


def test_admin_login_goes_through_maatwerk_login(client):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))
