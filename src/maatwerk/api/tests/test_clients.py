"""Clients, their files and timelines: the same rules as the pages, every look logged."""

import pytest
from django.db import connection
from django.test import Client as WebClient
from django.test.utils import CaptureQueriesContext

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.portal.actions import open_practice_account
from maatwerk.timeline.models import TimelineEvent

from .helpers import token_for

pytestmark = pytest.mark.django_db

REASON = "Collega is ziek, cliënt belt met een vraag over de afspraak"


def views_of(client):
    return AuditEntry.objects.filter(action="client.file_viewed", client_id=client.pk)


def test_adviser_lists_own_clients_only(call, adviser, other_adviser, client_record):
    others = factories.make_client(contact_person=other_adviser, surname="Bakker")
    response = call("get", "/api/clients", token=token_for(adviser.user))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert [item["id"] for item in body["items"]] == [client_record.pk]
    assert body["items"][0]["office"]["id"] == client_record.office_id
    assert "bsn" not in body["items"][0]
    response = call("get", "/api/clients", token=token_for(other_adviser.user))
    assert [item["id"] for item in response.json()["items"]] == [others.pk]


def test_search_by_name_and_bsn(call, adviser, client_record):
    factories.make_client(contact_person=adviser, first_name="Fatima", surname="El Amrani")
    token = token_for(adviser.user)
    by_name = call("get", "/api/clients", token=token, data={"q": "amrani"}).json()
    assert [item["surname"] for item in by_name["items"]] == ["El Amrani"]
    by_bsn = call("get", "/api/clients", token=token, data={"q": client_record.bsn}).json()
    assert [item["id"] for item in by_bsn["items"]] == [client_record.pk]
    response = call("get", "/api/clients", token=token, data={"q": "x" * 101})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "q", "message": "Gebruik maximaal 100 tekens."}]


def test_office_scope_for_manager_only(call, adviser, manager, other_adviser, client_record):
    factories.make_client(contact_person=other_adviser)
    elsewhere = factories.make_client()  # another office
    response = call("get", "/api/clients", token=token_for(adviser.user), data={"scope": "office"})
    assert response.status_code == 403
    assert response.json()["code"] == "scope_forbidden"

    response = call("get", "/api/clients", token=token_for(manager.user), data={"scope": "office"})
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert client_record.pk in ids and len(ids) == 2 and elsewhere.pk not in ids


def test_practice_accounts_never_appear(call, adviser, manager, client_record):
    practice = open_practice_account(staff=adviser)
    listed = call("get", "/api/clients", token=token_for(adviser.user)).json()
    assert practice.pk not in {item["id"] for item in listed["items"]}
    office = call("get", "/api/clients", token=token_for(manager.user), data={"scope": "office"})
    assert practice.pk not in {item["id"] for item in office.json()["items"]}
    token, reason = token_for(adviser.user, name="second"), {"reason": REASON}
    assert call("get", f"/api/clients/{practice.pk}", token=token, data=reason).status_code == 404
    timeline = call("get", f"/api/clients/{practice.pk}/timeline", token=token, data=reason)
    assert timeline.status_code == 404


def test_contact_person_opens_file_with_logged_ground(call, adviser, client_record):
    response = call("get", f"/api/clients/{client_record.pk}", token=token_for(adviser.user))
    assert response.status_code == 200
    body = response.json()
    assert body["bsn"] == client_record.bsn
    assert body["contact_person"]["full_name"] == adviser.full_name
    assert body["contact_person"]["job_title"] == "Adviseur werk"
    assert body["contact_preference"]["channel"] == "portal"
    assert body["contact_preference"]["windows"] == []
    assert body["access_reason"] == "vaste contactpersoon"
    entry = views_of(client_record).get()
    assert entry.reason == "vaste contactpersoon"
    assert entry.actor_user_id == adviser.user.pk


def test_other_adviser_needs_a_reason(call, other_adviser, client_record):
    token = token_for(other_adviser.user)
    url = f"/api/clients/{client_record.pk}"
    response = call("get", url, token=token)
    assert response.status_code == 403
    assert response.json()["code"] == "reason_required"
    assert "minstens 10 tekens" in response.json()["detail"]
    assert call("get", url, token=token, data={"reason": "  kort   "}).status_code == 403
    assert not views_of(client_record).exists()

    response = call("get", url, token=token, data={"reason": REASON})
    assert response.status_code == 200
    assert response.json()["access_reason"] == REASON
    assert views_of(client_record).get().reason == REASON
    given = AuditEntry.objects.get(action="client.access_reason_given", client_id=client_record.pk)
    assert given.actor_user_id == other_adviser.user.pk

    response = call("get", url, token=token, data={"reason": "x" * 501})
    assert response.status_code == 422


def test_manager_opens_office_client_file(call, manager, client_record):
    response = call("get", f"/api/clients/{client_record.pk}", token=token_for(manager.user))
    assert response.status_code == 200
    assert views_of(client_record).get().reason.startswith("vestigingsmanager")


@pytest.mark.parametrize(
    "path", ["/api/clients/999999", "/api/clients/99999999999999999999999", "/api/clients/0"]
)
def test_unknown_client_is_404(call, adviser, path):
    # Given a reason: without one, an unknown id asks for it like a colleague's client (ADR 0030).
    response = call("get", path, token=token_for(adviser.user), data={"reason": REASON})
    assert response.status_code == 404
    assert response.json() == {"detail": "Deze cliënt bestaat niet.", "code": "not_found"}


@pytest.mark.parametrize(
    "path",
    ["/api/clients/abc", "/api/clients/-1", "/api/clients/1.5", "/api/clients/1/x", "/api/x"],
)
def test_malformed_paths_are_json_404(call, adviser, path):
    response = call("get", path, token=token_for(adviser.user))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_timeline_with_named_actors(call, adviser, other_adviser, client_record):
    token = token_for(adviser.user)
    call("post", f"/api/clients/{client_record.pk}/notes", token=token, json={"text": "Gebeld"})
    response = call("get", f"/api/clients/{client_record.pk}/timeline", token=token)
    assert response.status_code == 200
    body = response.json()
    # Registered, contact person assigned, the welcome task (maatwerk.notifications), the note.
    assert body["count"] == 4
    note = body["items"][0]
    assert note["kind"] == "note.added"
    assert note["summary"] == "Notitie: Gebeld"
    assert note["visible_to_client"] is False
    assert note["actor"] == {
        "type": "staff",
        "name": adviser.full_name,
        "job_title": adviser.job_title,
    }
    registered = body["items"][-1]
    assert registered["kind"] == "client.registered"
    # Staff read about the client, never the client's own "U bent ingeschreven".
    assert registered["summary"].startswith(f"{client_record.first_name} is ingeschreven")
    assert not any(item["summary"].startswith("U ") for item in body["items"])

    other = token_for(other_adviser.user)
    url = f"/api/clients/{client_record.pk}/timeline"
    assert call("get", url, token=other).status_code == 403
    assert call("get", url, token=other, data={"reason": REASON}).status_code == 200
    assert views_of(client_record).filter(reason=REASON).count() == 1


def test_timeline_pagination(call, adviser, client_record):
    token = token_for(adviser.user)
    url = f"/api/clients/{client_record.pk}/timeline"
    page = call("get", url, token=token, data={"limit": 1, "offset": 2}).json()
    assert page["count"] == 3 and len(page["items"]) == 1
    assert page["items"][0]["kind"] == "client.registered"


def test_note_is_added_with_timeline_event_and_audit(call, adviser, client_record):
    text = '<script>alert("x")</script> & {text} <b>vet</b>'
    response = call(
        "post",
        f"/api/clients/{client_record.pk}/notes",
        token=token_for(adviser.user),
        json={"text": f"  {text}  "},
    )
    assert response.status_code == 201
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["summary"] == f"Notitie: {text}"
    event = TimelineEvent.objects.get(pk=body["id"])
    assert event.data == {"text": text}
    assert event.actor_staff == adviser
    entry = AuditEntry.objects.get(action="client.note_added")
    assert entry.client_id == client_record.pk and entry.object_id == str(event.pk)


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ({"text": ""}, 422, "Gebruik minstens 1 teken."),
        ({"text": "   \n "}, 422, "Gebruik minstens 1 teken."),
        ({"text": "x" * 2001}, 422, "Gebruik maximaal 2000 tekens."),
        ({"text": "x" * 100_000}, 422, "Gebruik maximaal 2000 tekens."),
        ({"text": 12}, 422, "Geef tekst."),
        ({"text": None}, 422, "Geef tekst."),
        ({}, 422, "Dit veld is verplicht."),
        (["text"], 422, "Dit veld is verplicht."),
        ({"text": ["a"]}, 422, "Geef tekst."),
    ],
)
def test_invalid_notes_are_refused_in_dutch(call, adviser, client_record, payload, status, message):
    url = f"/api/clients/{client_record.pk}/notes"
    response = call("post", url, token=token_for(adviser.user), json=payload)
    assert response.status_code == status, response.content
    assert message in [error["message"] for error in response.json()["errors"]]
    assert not TimelineEvent.objects.filter(kind="note.added").exists()


def test_unreadable_body_is_400(call, adviser, client_record):
    url = f"/api/clients/{client_record.pk}/notes"
    token = token_for(adviser.user)
    for body in ["{niet: json", "\xff\xfe", "text=hallo"]:
        response = call("post", url, token=token, data=body, content_type="application/json")
        assert response.status_code == 400
        assert response.json()["detail"].startswith("Ongeldig verzoek")
    response = call("post", url, token=token)  # a form post, not JSON
    assert response.status_code == 400
    response = call("post", url, token=token, data="", content_type="application/json")
    assert response.status_code == 422


def test_oversized_body_is_413(call, adviser, client_record, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    url = f"/api/clients/{client_record.pk}/notes"
    response = call("post", url, token=token_for(adviser.user), json={"text": "x" * 20_000})
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_note_on_someone_elses_client_needs_a_reason(call, other_adviser, client_record):
    url = f"/api/clients/{client_record.pk}/notes"
    token = token_for(other_adviser.user)
    response = call("post", url, token=token, json={"text": "Teruggebeld"})
    assert response.status_code == 403
    assert not TimelineEvent.objects.filter(kind="note.added").exists()
    response = call("post", f"{url}?reason={REASON}", token=token, json={"text": "Teruggebeld"})
    assert response.status_code == 201
    assert AuditEntry.objects.filter(action="client.access_reason_given", reason=REASON).exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/offices"),
        ("delete", "/api/clients/{client}"),
        ("put", "/api/clients/{client}"),
        ("get", "/api/clients/{client}/notes"),
    ],
)
def test_other_methods_are_405(call, adviser, client_record, method, path):
    url = path.format(client=client_record.pk)
    assert call(method, url, token=token_for(adviser.user)).status_code == 405


def test_post_with_token_needs_no_csrf_token(adviser, client_record):
    web = WebClient(enforce_csrf_checks=True)
    web.force_login(adviser.user)  # a session cookie as well, as in a browser
    response = web.post(
        f"/api/clients/{client_record.pk}/notes",
        data={"text": "Via de API"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token_for(adviser.user)}"},
    )
    assert response.status_code == 201


def test_lists_do_not_query_per_item(call, adviser, client_record):
    token = token_for(adviser.user)
    paths = ["/api/offices", "/api/clients", f"/api/clients/{client_record.pk}/timeline"]

    def counts():
        result = []
        for path in paths:
            with CaptureQueriesContext(connection) as queries:
                assert call("get", path, token=token).status_code == 200
            result.append(len(queries))
        return result

    call("get", "/api/offices", token=token)  # note the token's first use outside the count
    before = counts()
    factories.OfficeFactory()
    factories.make_client(contact_person=adviser)
    for n in range(3):
        call("post", f"/api/clients/{client_record.pk}/notes", token=token, json={"text": f"{n}"})
    assert counts() == before


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/clients?q=a%00b", None),
        ("get", "/api/clients/{client}?reason=Een+goede+reden%00", None),
        ("get", "/api/clients/{client}/timeline?reason=Een+goede+reden%00", None),
        ("post", "/api/clients/{client}/notes", '{"text": "a\\u0000b"}'),
        ("post", "/api/clients/{client}/notes", '{"text": "a\\ud800b"}'),
    ],
)
def test_text_postgresql_cannot_store_is_refused(call, adviser, client_record, method, path, body):
    url = path.format(client=client_record.pk)
    extra = {"data": body, "content_type": "application/json"} if body else {}
    response = call(method, url, token=token_for(adviser.user), **extra)
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == (
        "Deze tekst bevat tekens die niet zijn toegestaan."
    )


def test_client_only_events_stay_out_of_the_api_timeline(call, adviser, client_record):
    """An anonymous compliment and a survey answered: the client's own timeline has them,
    staff's view through the API does not (the minute would give the client away)."""
    import uuid

    from maatwerk.feedback.actions import give_compliment
    from maatwerk.timeline.queries import events_for_client

    give_compliment(
        client=client_record, staff=adviser, text="Dank!", anonymous=True, token=uuid.uuid4()
    )
    assert events_for_client(client_record).filter(kind="compliment.given").exists()
    body = call(
        "get", f"/api/clients/{client_record.pk}/timeline", token=token_for(adviser.user)
    ).json()
    kinds = [item["kind"] for item in body["items"]]
    assert "compliment.given" not in kinds and "client.registered" in kinds
