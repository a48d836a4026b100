"""The catalogue is data: the administrator edits it in the admin, audited; nobody deletes."""

import pytest

from maatwerk.audit.models import AuditEntry
from maatwerk.serviceplan.models import ServiceType

from .helpers import WORKSHOP, service

pytestmark = pytest.mark.django_db


def test_administrator_edits_a_service(login, administrator):
    web = login(administrator.user)
    workshop = service(WORKSHOP)
    url = f"/beheer/serviceplan/servicetype/{workshop.pk}/change/"
    assert web.get("/beheer/serviceplan/servicetype/").status_code == 200
    assert web.get("/beheer/serviceplan/cyclerule/").status_code == 200
    data = {
        "name": "Workshop sollicitatiegesprek",
        "code": workshop.code,
        "kind": workshop.kind,
        "description": "U oefent een sollicitatiegesprek in een groep.",
        "order": 30,
        "is_active": "on",
        "client_can_request": "on",
        "proposed_for_bands": '["25-50", "0-25"]',
    }
    assert web.post(url, data).status_code == 302
    workshop.refresh_from_db()
    assert workshop.name == "Workshop sollicitatiegesprek"
    assert workshop.proposed_for_bands == ["25-50", "0-25"]
    assert AuditEntry.objects.filter(action="admin.changed").exists()
    response = web.post(url, {**data, "proposed_for_bands": '["veel"]'})
    assert response.status_code == 200  # the form again, with a Dutch error
    assert "Gebruik een lijst met banden" in response.content.decode()
    assert web.get(f"/beheer/serviceplan/servicetype/{workshop.pk}/delete/").status_code == 403


def test_adviser_has_no_admin(login, adviser):
    response = login(adviser.user).get("/beheer/serviceplan/servicetype/")
    assert response.status_code in (302, 403)
    assert ServiceType.objects.filter(is_active=True).count() == 5
