"""The API: free slots, booking with the same rules, a client's appointments."""

import datetime as dt
import uuid

import pytest

from maatwerk.api.tests.helpers import token_for
from maatwerk.appointments.models import Appointment
from maatwerk.core.tests import factories

from .helpers import at, book, client_with_windows, workday

pytestmark = pytest.mark.django_db


def test_the_project_urlconf_reaches_the_appointments_api():
    from django.urls import resolve

    assert resolve("/api/afspraken/clienten/1").url_name == "client_appointments"


def slots_url(office, **params):
    query = "&".join(f"{k}={v}" for k, v in {"type_code": "gesprek-werkplein", **params}.items())
    return f"/api/afspraken/vestigingen/{office.pk}/vrije-tijden?{query}"


def payload(client, office, moment, **extra):
    return {
        "client_id": client.pk,
        "office_id": office.pk,
        "type_code": "gesprek-werkplein",
        "starts_at": moment.isoformat(),
        **extra,
    }


def test_without_a_token_401(call, agenda, client_record):
    for method, path in [
        ("get", slots_url(agenda)),
        ("get", f"/api/afspraken/clienten/{client_record.pk}"),
        ("post", "/api/afspraken"),
    ]:
        assert call(method, path).status_code == 401


def test_free_slots_for_an_office(call, agenda, adviser):
    response = call(
        "get",
        slots_url(agenda, first_day=workday().isoformat(), days=1),
        token=token_for(adviser.user),
    )
    assert response.status_code == 200, response.content
    slots = response.json()
    assert slots[0]["starts_at"].startswith(workday().isoformat())
    assert len(slots) == 30  # 09:00 .. 16:15 in quarters, 45 minutes each


def test_free_slots_bad_input(call, agenda, adviser):
    token = token_for(adviser.user)
    assert call("get", slots_url(agenda, days=99), token=token).status_code == 422
    assert call("get", slots_url(agenda, type_code="onbekend"), token=token).status_code == 422
    assert (
        call(
            "get", "/api/afspraken/vestigingen/999999/vrije-tijden?type_code=x", token=token
        ).status_code
        == 404
    )


def test_free_slots_with_a_client_mark_clashes(call, agenda, adviser):
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(13), "ends": dt.time(17)}]
    )
    response = call(
        "get",
        slots_url(agenda, first_day=workday().isoformat(), days=1, client_id=client.pk),
        token=token_for(adviser.user),
    )
    first = response.json()[0]
    assert first["clashes"] and "buiten de tijden" in first["clashes"][0]


def test_book_for_a_client_and_list(call, agenda, adviser, client_record):
    token = token_for(adviser.user)
    same = str(uuid.uuid4())
    response = call(
        "post",
        "/api/afspraken",
        token=token,
        json=payload(client_record, agenda, at(workday(), 10), submission_token=same),
    )
    assert response.status_code == 201, response.content
    again = call(
        "post",
        "/api/afspraken",
        token=token,
        json=payload(client_record, agenda, at(workday(), 10), submission_token=same),
    )
    assert again.json()["id"] == response.json()["id"]
    listed = call("get", f"/api/afspraken/clienten/{client_record.pk}", token=token).json()
    assert [a["id"] for a in listed] == [response.json()["id"]]
    assert listed[0]["staff_job_title"] == adviser.job_title


def test_book_refusals(call, agenda, adviser, client_record):
    token = token_for(adviser.user)
    other = factories.make_client(contact_person=adviser)
    book(other, agenda, at(workday(), 10), user=adviser.user)
    taken = call(
        "post",
        "/api/afspraken",
        token=token,
        json=payload(client_record, agenda, at(workday(), 10)),
    )
    assert taken.status_code == 409 and taken.json()["code"] == "slot_taken"
    assert taken.json()["alternatives"]
    past = call(
        "post",
        "/api/afspraken",
        token=token,
        json=payload(client_record, agenda, at(dt.date(2020, 1, 6), 10)),
    )
    assert past.status_code == 422 and past.json()["code"] == "past"
    closed = call(
        "post",
        "/api/afspraken",
        token=token,
        json=payload(client_record, agenda, at(workday(), 22)),
    )
    assert closed.status_code == 422 and closed.json()["code"] == "closed"
    assert call("post", "/api/afspraken", token=token, json={"client_id": "x"}).status_code == 422
    assert Appointment.objects.count() == 1


def test_override_needs_a_reason_in_the_api_too(call, agenda, adviser):
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(13), "ends": dt.time(17)}]
    )
    token = token_for(adviser.user)
    refused = call(
        "post", "/api/afspraken", token=token, json=payload(client, agenda, at(workday(), 9))
    )
    assert refused.status_code == 422 and refused.json()["code"] == "preference_clash"
    ok = call(
        "post",
        "/api/afspraken",
        token=token,
        json=payload(
            client, agenda, at(workday(), 9), override_reason="Cliënt belde en wil om negen uur."
        ),
    )
    assert ok.status_code == 201 and ok.json()["override_reason"]


def test_someone_elses_client_403_and_unknown_404(call, agenda, client_record, office):
    stranger = factories.make_staff("Adviseur werk", offices=[factories.OfficeFactory()])
    token = token_for(stranger.user)
    listed = call("get", f"/api/afspraken/clienten/{client_record.pk}", token=token)
    assert listed.status_code == 403 and listed.json()["code"] == "reason_required"
    booked = call(
        "post",
        "/api/afspraken",
        token=token,
        json=payload(client_record, agenda, at(workday(), 10)),
    )
    assert booked.status_code == 403
    # An unknown id asks for a reason too; given one, it is not found (ADR 0030).
    unknown = "/api/afspraken/clienten/99999999"
    assert call("get", unknown, token=token).json() == listed.json()
    assert call("get", unknown + "?reason=Collega+is+vandaag+ziek", token=token).status_code == 404
    assert Appointment.objects.count() == 0


def test_staff_without_the_booking_permission_403(call, agenda, client_record):
    from maatwerk.api.tests.helpers import staff_with_only

    api_only = staff_with_only("access.use_api", offices=[agenda])
    token = token_for(api_only.user)
    assert call("get", slots_url(agenda), token=token).status_code == 403
    response = call(
        "post",
        "/api/afspraken",
        token=token,
        json=payload(client_record, agenda, at(workday(), 10)),
    )
    assert response.status_code == 403
