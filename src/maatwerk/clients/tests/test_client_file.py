import pytest
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db


def test_adviser_sees_own_caseload_and_opens_file_with_logged_ground(login, adviser, client_record):
    web = login(adviser.user)
    response = web.get(reverse("clients:caseload"))
    assert response.status_code == 200
    assert client_record.surname in response.text

    response = web.get(reverse("clients:file", args=[client_record.pk]))
    assert response.status_code == 200
    assert client_record.bsn in response.text
    entry = AuditEntry.objects.filter(action="client.file_viewed").latest("seq")
    assert entry.client_id == client_record.pk
    assert entry.reason == "vaste contactpersoon"


def test_other_adviser_must_give_reason_first(login, other_adviser, client_record):
    web = login(other_adviser.user)
    url = reverse("clients:file", args=[client_record.pk])
    response = web.get(url)
    assert response.status_code == 302
    assert response.url == reverse("clients:access_reason", args=[client_record.pk])
    assert not AuditEntry.objects.filter(action="client.file_viewed").exists()

    response = web.post(response.url, {"reason": "kort"})
    assert response.status_code == 200
    assert "minstens 10 tekens" in response.text

    reason = "Collega is ziek, cliënt belt met een vraag over de afspraak"
    response = web.post(
        reverse("clients:access_reason", args=[client_record.pk]), {"reason": reason}
    )
    assert response.status_code == 302
    response = web.get(url)
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action="client.file_viewed", reason=reason).exists()


def test_manager_reassigns_and_client_sees_new_name(login, manager, adviser, other_adviser):
    client = factories.make_client(contact_person=adviser, user=True)
    web = login(manager.user)
    url = reverse("clients:reassign", args=[client.pk])
    response = web.post(url, {"new_staff": other_adviser.pk, "reason": ""})
    assert response.status_code == 200
    assert "Geef een reden" in response.text

    response = web.post(url, {"new_staff": other_adviser.pk, "reason": "Werkdruk verdelen"})
    assert response.status_code == 302
    assert TimelineEvent.objects.filter(client=client, kind="contact_person.changed").exists()

    portal = login(client.user)
    response = portal.get(reverse("portal:home"))
    assert other_adviser.full_name in response.text
    assert "Mijn adviseur" in response.text
