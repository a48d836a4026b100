"""Registering a client through the API (POST /api/clients), as the benefit intake does: the
same action as everywhere, all or nothing, refusals in Dutch."""

import datetime as dt
import threading
from typing import get_args

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from maatwerk.access.rules import advisers_for, advisers_of_office
from maatwerk.api.schemas import ClientIn, ContactPreferenceIn
from maatwerk.audit.models import AuditEntry
from maatwerk.audit.verify import verify_chain
from maatwerk.clients import actions as client_actions
from maatwerk.clients.models import Client, ContactAssignment, ContactPreference, ContactWindow
from maatwerk.core.tests import factories
from maatwerk.timeline.models import TimelineEvent

from .helpers import staff_with_only, token_for

pytestmark = pytest.mark.django_db

URL = "/api/clients"
BSN = "111222333"
BSN_MESSAGE = "Dit is geen geldig BSN. Een BSN heeft 9 cijfers en moet de elfproef doorstaan."
NOT_AN_ADVISER = "Kies als vaste contactpersoon een adviseur die op deze vestiging werkt."


def payload(office, **changes) -> dict:
    body = {
        "bsn": BSN,
        "first_name": "Fatima",
        "surname_prefix": "el",
        "surname": "Amrani",
        "date_of_birth": "1984-03-02",
        "email": "fatima@example.org",
        "phone": "06 12345678",
        "street": "Kerkstraat",
        "house_number": "12a",
        "postal_code": "1017 GB",
        "city": "Amsterdam",
        "office_id": office.pk,
        "benefit_start": "2026-09-01",
        "benefit_expected_end": "2027-03-01",
        "uses_digital_channels": False,
        "preference": {
            "channel": "phone",
            "language_level": "A2",
            "accessibility_needs": "Liever geen gesprek voor 10:00",
            "windows": [
                {"weekday": 0, "starts": "10:00", "ends": "12:00"},
                {"weekday": None, "starts": "13:30", "ends": "16:00"},
            ],
        },
    }
    body.update(changes)
    return body


def counts() -> tuple[int, ...]:
    """What a registration writes (audit rows of the tokens the tests make aside)."""
    return (
        *(m.objects.count() for m in (Client, ContactAssignment, ContactWindow, TimelineEvent)),
        AuditEntry.objects.exclude(action__startswith="api_token.").count(),
    )


def field_errors(response) -> dict[str, str]:
    return {error["field"]: error["message"] for error in response.json()["errors"]}


# Registered


def test_adviser_registers_a_client_as_their_own(call, adviser, office):
    token = token_for(adviser.user)
    response = call("post", URL, token=token, json=payload(office))
    assert response.status_code == 201, response.content
    body = response.json()
    client = Client.objects.get()
    assert response["Location"] == f"/api/clients/{client.pk}"
    assert body["id"] == client.pk
    assert body["bsn"] == BSN and client.bsn == BSN
    assert body["full_name"] == "Fatima el Amrani"
    assert body["office"] == {"id": office.pk, "name": office.name}
    assert body["uses_digital_channels"] is False
    assert (client.street, client.postal_code, client.city) == (
        "Kerkstraat",
        "1017 GB",
        "Amsterdam",
    )
    assert body["contact_person"]["full_name"] == adviser.full_name
    assert body["access_reason"] == "zojuist door jou ingeschreven"
    preference = body["contact_preference"]
    assert (preference["channel"], preference["language_level"]) == ("phone", "A2")
    assert preference["accessibility_needs"] == "Liever geen gesprek voor 10:00"
    windows = {(w["weekday"], w["starts"], w["ends"]) for w in preference["windows"]}
    assert windows == {(0, "10:00:00", "12:00:00"), (None, "13:30:00", "16:00:00")}
    assert ContactWindow.objects.filter(preference__client=client).count() == 2

    assignment = ContactAssignment.objects.get()
    assert (assignment.client, assignment.staff, assignment.assigned_by) == (
        client,
        adviser,
        adviser,
    )
    events = TimelineEvent.objects.filter(client=client)
    assert {e.kind for e in events} == {
        "client.registered",
        "contact_person.assigned",
        "notification.task_created",  # no published welcome letter: the adviser welcomes
    }
    assert {e.actor_staff_id for e in events} == {adviser.pk}
    entry = AuditEntry.objects.get(action="client.registered")
    assert (entry.client_id, entry.actor_user_id) == (client.pk, adviser.user.pk)
    assert not AuditEntry.objects.filter(action="client.file_viewed").exists()
    assert verify_chain().ok

    listed = call("get", URL, token=token).json()
    assert [item["id"] for item in listed["items"]] == [client.pk]
    assert call("get", f"/api/clients/{client.pk}", token=token).json()["bsn"] == BSN


def test_manager_registers_a_client_for_an_adviser(call, manager, adviser, office):
    body = payload(office, contact_person_id=adviser.pk, preference=None)
    response = call("post", URL, token=token_for(manager.user), json=body)
    assert response.status_code == 201, response.content
    assert response.json()["contact_person"]["full_name"] == adviser.full_name
    assert response.json()["contact_preference"]["channel"] == "portal"
    assignment = ContactAssignment.objects.get()
    assert (assignment.staff, assignment.assigned_by) == (adviser, manager)


def test_optional_fields_may_be_left_out_or_null(call, adviser, office):
    body = payload(office, email=None, surname_prefix=None, phone="  ")
    for field in ("street", "house_number", "postal_code", "city", "preference"):
        del body[field]
    body["first_name"] = "  Fatima  "
    response = call("post", URL, token=token_for(adviser.user), json=body)
    assert response.status_code == 201, response.content
    client = Client.objects.get()
    assert (client.first_name, client.surname_prefix, client.email, client.phone) == (
        "Fatima",
        "",
        "",
        "",
    )
    assert client.preference.channel == "portal"
    assert not client.preference.windows.exists()


# Who may register


def test_manager_must_name_the_contact_person(call, manager, office):
    before = counts()
    response = call("post", URL, token=token_for(manager.user), json=payload(office))
    assert response.status_code == 422
    assert field_errors(response) == {
        "contact_person_id": "Kies een vaste contactpersoon: een adviseur die op deze vestiging "
        "werkt."
    }
    assert counts() == before


def test_staff_without_the_permission_is_forbidden(call, adviser, office):
    staff = staff_with_only("access.use_api", "access.view_own_caseload", offices=[office])
    coach = factories.make_staff("E-werkcoach", offices=[office], job_title="E-werkcoach")
    before = counts()
    for who in (staff, coach):
        body = payload(office, contact_person_id=adviser.pk)
        response = call("post", URL, token=token_for(who.user), json=body)
        assert response.status_code == 403
        assert response.json() == {
            "detail": "Je hebt geen recht om cliënten in te schrijven.",
            "code": "forbidden",
        }
    assert counts() == before


def test_adviser_of_another_office_is_forbidden(call, adviser, office):
    elsewhere = factories.make_staff("Adviseur werk")  # at an office of its own
    before = counts()
    for contact_person_id in (None, adviser.pk):
        body = payload(office, contact_person_id=contact_person_id)
        response = call("post", URL, token=token_for(elsewhere.user), json=body)
        assert response.status_code == 403
        assert response.json()["code"] == "office_forbidden"
    assert counts() == before


def test_contact_person_of_another_office_is_refused(call, manager, office):
    elsewhere = factories.make_staff("Adviseur werk")
    before = counts()
    body = payload(office, contact_person_id=elsewhere.pk)
    response = call("post", URL, token=token_for(manager.user), json=body)
    assert response.status_code == 422
    assert field_errors(response) == {"contact_person_id": NOT_AN_ADVISER}
    assert counts() == before


@pytest.mark.parametrize(
    "who", ["manager", "unknown", "zero", "huge", "inactive", "inactive elsewhere"]
)
def test_contact_person_must_be_an_active_adviser_of_the_office(
    call, manager, adviser, office, who
):
    if who == "inactive elsewhere":
        adviser = factories.make_staff("Adviseur werk")
    if who.startswith("inactive"):
        adviser.is_active = False
        adviser.save(update_fields=["is_active"])
    contact_person_id = {"manager": manager.pk, "unknown": 999_999, "zero": 0, "huge": 10**30}.get(
        who, adviser.pk
    )
    token = token_for(manager.user)
    before = counts()
    body = payload(office, contact_person_id=contact_person_id)
    response = call("post", URL, token=token, json=body)
    assert response.status_code == 422, response.content
    message = "Deze medewerker is niet meer in dienst." if who == "inactive" else NOT_AN_ADVISER
    assert field_errors(response) == {"contact_person_id": message}
    assert counts() == before


# Refused input: nothing is saved


@pytest.mark.parametrize("office_id", [999_999, 0, -1, 10**30])
def test_unknown_office_is_a_field_error(call, adviser, office, office_id):
    before = counts()
    response = call(
        "post", URL, token=token_for(adviser.user), json=payload(office, office_id=office_id)
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "Deze vestiging bestaat niet."
    assert field_errors(response) == {"office_id": "Deze vestiging bestaat niet."}
    assert counts() == before


def test_closed_office_is_refused(call, adviser, office):
    office.is_active = False
    office.save(update_fields=["is_active"])
    before = counts()
    response = call("post", URL, token=token_for(adviser.user), json=payload(office))
    assert response.status_code == 422
    assert field_errors(response) == {"office_id": "Deze vestiging is niet meer actief."}
    assert counts() == before


WINDOW_ORDER = "De eindtijd moet na de begintijd liggen."


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"bsn": "123456789"}, "bsn", BSN_MESSAGE),
        ({"bsn": "12345678a"}, "bsn", BSN_MESSAGE),
        ({"bsn": ""}, "bsn", BSN_MESSAGE),
        ({"bsn": "1234567890"}, "bsn", "Gebruik maximaal 9 tekens."),
        ({"bsn": 111222333}, "bsn", "Geef tekst."),
        ({"surname": "x" * 101}, "surname", "Gebruik maximaal 100 tekens."),
        ({"first_name": "x" * 101}, "first_name", "Gebruik maximaal 100 tekens."),
        ({"surname_prefix": "x" * 21}, "surname_prefix", "Gebruik maximaal 20 tekens."),
        ({"postal_code": "1017 GBX"}, "postal_code", "Gebruik maximaal 7 tekens."),
        ({"surname": "   "}, "surname", "Gebruik minstens 1 teken."),
        ({"surname": "Am\x00rani"}, "surname", "Deze tekst bevat tekens die niet zijn toegestaan."),
        ({"email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
        ({"date_of_birth": "2-3-1984"}, "date_of_birth", "Geef een datum als JJJJ-MM-DD."),
        (
            {"benefit_expected_end": "2026-08-31"},
            "benefit_expected_end",
            "Het verwachte einde van de uitkering kan niet vóór het begin van de uitkering liggen.",
        ),
        ({"uses_digital_channels": "ja"}, "uses_digital_channels", "Geef true of false."),
        ({"office_id": "abc"}, "office_id", "Geef een geheel getal."),
        ({"office_id": True}, "office_id", "Geef een geheel getal."),
        ({"bsn_nummer": BSN}, "bsn_nummer", "Dit veld kent de API niet."),
        ({"contact_person": 1}, "contact_person", "Dit veld kent de API niet."),
        ({"preference": {"channel": "fax"}}, "preference.channel", None),
        ({"preference": {"language_level": "C1"}}, "preference.language_level", None),
        (
            {"preference": {"accessibility_needs": "x" * 1001}},
            "preference.accessibility_needs",
            "Gebruik maximaal 1000 tekens.",
        ),
        (
            {"preference": {"windows": [{"starts": "12:00", "ends": "12:00"}]}},
            "preference.windows.0.ends",
            WINDOW_ORDER,
        ),
        (
            {
                "preference": {
                    "windows": [
                        {"weekday": 1, "starts": "09:00", "ends": "10:00"},
                        {"weekday": 2, "starts": "16:00", "ends": "09:00"},
                    ]
                }
            },
            "preference.windows.1.ends",
            WINDOW_ORDER,
        ),
        (
            {"preference": {"windows": [{"weekday": 7, "starts": "09:00", "ends": "10:00"}]}},
            "preference.windows.0.weekday",
            "Geef een getal van hoogstens 6.",
        ),
        (
            {"preference": {"windows": [{"starts": "09:00+02:00", "ends": "10:00"}]}},
            "preference.windows.0.starts",
            "Geef een tijd zonder tijdzone.",
        ),
        (
            {"preference": {"windows": [{"starts": "negen uur", "ends": "10:00"}]}},
            "preference.windows.0.starts",
            "Geef een tijd als UU:MM.",
        ),
        (
            {"preference": {"windows": [{"starts": "09:00", "ends": "10:00"}] * 15}},
            "preference.windows",
            "Stuur hoogstens 14 items in deze lijst.",
        ),
    ],
)
def test_invalid_registrations_are_refused_in_dutch(call, adviser, office, changes, field, message):
    token = token_for(adviser.user)
    before = counts()
    response = call("post", URL, token=token, json=payload(office, **changes))
    assert response.status_code == 422, response.content
    errors = field_errors(response)
    assert field in errors, errors
    if message is not None:
        assert errors[field] == message
    assert counts() == before


@pytest.mark.parametrize(
    "field", ["bsn", "first_name", "surname", "date_of_birth", "office_id", "benefit_start"]
)
def test_required_fields(call, adviser, office, field):
    body = payload(office)
    del body[field]
    before = counts()
    response = call("post", URL, token=token_for(adviser.user), json=body)
    assert response.status_code == 422
    assert field_errors(response) == {field: "Dit veld is verplicht."}
    assert counts() == before


def test_every_refused_field_is_named_at_once(call, adviser, office):
    body = payload(
        office,
        bsn="123456789",
        email="geen-adres",
        benefit_expected_end="2020-01-01",
        preference={"windows": [{"starts": "11:00", "ends": "10:00"}]},
    )
    response = call("post", URL, token=token_for(adviser.user), json=body)
    assert response.status_code == 422
    assert response.json()["detail"] == "Controleer de invoer."
    assert set(field_errors(response)) == {
        "bsn",
        "email",
        "benefit_expected_end",
        "preference.windows.0.ends",
    }


# The BSN is registered once


def test_duplicate_bsn_is_a_conflict(call, adviser, office):
    existing = factories.make_client(contact_person=adviser, bsn=BSN)
    before = counts()
    response = call("post", URL, token=token_for(adviser.user), json=payload(office))
    assert response.status_code == 409
    assert response.json() == {
        "detail": "Er is al een cliënt met dit BSN.",
        "code": "duplicate_bsn",
        "errors": [{"field": "bsn", "message": "Er is al een cliënt met dit BSN."}],
    }
    assert counts() == before
    assert Client.objects.get(bsn=BSN) == existing


def test_duplicate_bsn_lost_in_a_race_is_a_conflict_not_a_500(call, adviser, office, monkeypatch):
    """Another registration commits between the check and the insert: the unique constraint
    catches it inside the action, which turns it into the same refusal."""
    factories.make_client(contact_person=adviser, bsn=BSN)
    checks = []
    real = client_actions._bsn_taken

    def slow_check(bsn):
        checks.append(bsn)
        return False if len(checks) == 1 else real(bsn)

    monkeypatch.setattr(client_actions, "_bsn_taken", slow_check)
    before = counts()
    response = call("post", URL, token=token_for(adviser.user), json=payload(office))
    assert response.status_code == 409, response.content
    assert response.json()["code"] == "duplicate_bsn"
    assert checks == [BSN, BSN]
    assert counts() == before
    assert verify_chain().ok


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a real race needs PostgreSQL")
def test_two_registrations_of_one_bsn_at_once(office):
    adviser = factories.make_staff("Adviseur werk", offices=[office])
    barrier = threading.Barrier(2, timeout=10)
    real = client_actions._bsn_taken
    first_checks = set()

    def check_together(bsn):
        thread = threading.get_ident()
        if thread not in first_checks:  # both pass the check before either inserts
            first_checks.add(thread)
            assert not real(bsn)
            barrier.wait()
            return False
        return real(bsn)

    results = []

    def register():
        from django.db import connections

        try:
            factories.make_client(contact_person=adviser, bsn=BSN)
            results.append("registered")
        except ValidationError as error:
            results.append(error.error_dict["bsn"][0].code)
        finally:
            connections.close_all()

    original = client_actions._bsn_taken
    client_actions._bsn_taken = check_together
    try:
        threads = [threading.Thread(target=register) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        client_actions._bsn_taken = original
    assert sorted(results) == ["duplicate_bsn", "registered"]
    assert Client.objects.filter(bsn=BSN).count() == 1
    assert ContactAssignment.objects.count() == 1
    assert AuditEntry.objects.filter(action="client.registered").count() == 1
    assert verify_chain().ok


# The action itself


def test_action_saves_contact_windows_in_the_same_transaction(adviser, office):
    client = factories.make_client(
        contact_person=adviser,
        preference={
            "channel": "email",
            "windows": [{"weekday": 4, "starts": dt.time(9), "ends": dt.time(11)}],
        },
    )
    window = ContactWindow.objects.get()
    assert window.preference == client.preference
    assert (window.weekday, window.starts, window.ends) == (4, dt.time(9), dt.time(11))


def test_action_refuses_per_field_and_saves_nothing(adviser, office):
    elsewhere = factories.make_staff("Adviseur werk")
    before = counts()
    with pytest.raises(ValidationError) as caught:
        factories.make_client(
            contact_person=elsewhere,
            office=office,
            surname="x" * 101,
            benefit_start=dt.date(2026, 5, 1),
            benefit_expected_end=dt.date(2026, 4, 1),
            preference={"windows": [{"starts": dt.time(10), "ends": dt.time(9)}]},
        )
    assert set(caught.value.message_dict) == {
        "contact_person",
        "surname",
        "benefit_expected_end",
        "preference.windows.0.ends",
    }
    assert caught.value.message_dict["contact_person"] == [NOT_AN_ADVISER]
    assert counts() == before


def test_action_refuses_a_duplicate_bsn(adviser):
    factories.make_client(contact_person=adviser, bsn=BSN)
    before = counts()
    with pytest.raises(ValidationError) as caught:
        factories.make_client(contact_person=adviser, bsn=BSN)
    assert caught.value.error_dict["bsn"][0].code == "duplicate_bsn"
    assert caught.value.message_dict == {"bsn": ["Er is al een cliënt met dit BSN."]}
    assert counts() == before


# Roles, rules and the schema


def test_default_roles_that_register_clients():
    holders = {
        role.name
        for role in factories.Group.objects.filter(
            permissions__codename="register_client",
            permissions__content_type__app_label="access",
        )
    }
    assert holders == {"Adviseur werk", "Vestigingsmanager"}


def test_advisers_for_a_client_are_the_advisers_of_its_office(
    client_record, adviser, other_adviser, manager
):
    factories.make_staff("Adviseur werk")  # another office
    assert set(advisers_of_office(client_record.office)) == {adviser, other_adviser}
    assert set(advisers_for(client_record)) == {adviser, other_adviser}
    assert set(advisers_of_office(client_record.office_id)) == {adviser, other_adviser}


def test_input_schema_follows_the_models():
    channel = ContactPreferenceIn.model_fields["channel"].annotation
    level = ContactPreferenceIn.model_fields["language_level"].annotation
    assert set(get_args(channel)) == set(ContactPreference.Channel.values)
    assert set(get_args(level)) == set(ContactPreference.LanguageLevel.values)
    schema = ClientIn.model_json_schema()["properties"]
    for field in ("bsn", "first_name", "surname_prefix", "surname", "email", "postal_code"):
        limit = Client._meta.get_field(field).max_length
        text = next(s for s in schema[field].get("anyOf", [schema[field]]) if "maxLength" in s)
        assert text["maxLength"] == limit, field
