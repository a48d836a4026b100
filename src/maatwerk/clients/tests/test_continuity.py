"""Continuity of the contact person (issue 12, ADR 0032): a staff member who leaves service or
an office hands their clients back to the office manager, who reassigns them; the portal never
shows an adviser who left; `maatwerk clients check` finds every client left without one."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from maatwerk.audit.models import AuditEntry
from maatwerk.clients import actions, queries
from maatwerk.clients.models import ContactAssignment
from maatwerk.core import open_work
from maatwerk.core.tests import factories
from maatwerk.organisation import actions as organisation_actions
from maatwerk.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db


def _active_contact(client):
    assignment = client.assignments.filter(ended_at__isnull=True).first()
    return assignment.staff if assignment else None


def _kinds(client):
    return list(TimelineEvent.objects.filter(client=client).values_list("kind", flat=True))


def _check():
    """Run `maatwerk clients check`: (exit code, output)."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("clients", "check", stdout=out)
    except CommandError as error:
        return 1, out.getvalue() + str(error)
    return 0, out.getvalue()


# Leaving service or an office


def test_deactivating_an_adviser_ends_their_clients_assignments(adviser, manager, office):
    first = factories.make_client(contact_person=adviser)
    second = factories.make_client(contact_person=adviser, first_name="Fatima")
    organisation_actions.deactivate_staff(staff=adviser, by_user=manager.user)

    adviser.refresh_from_db()
    assert adviser.is_active is False
    for client in (first, second):
        assert _active_contact(client) is None
        assert "contact_person.ended" in _kinds(client)
        assert AuditEntry.objects.filter(
            action="client.contact_person_ended", client_id=client.pk
        ).exists()
    assert set(queries.without_contact_person([office])) == {first, second}
    assert AuditEntry.objects.filter(action="staff.deactivated", object_id=str(adviser.pk)).exists()
    # The history stays: the closed assignment is still there.
    assert ContactAssignment.objects.filter(client=first, staff=adviser).exists()


def test_leaving_one_office_hands_back_only_that_offices_clients(adviser, office):
    second_office = factories.OfficeFactory()
    adviser.offices.add(second_office)
    here = factories.make_client(contact_person=adviser, office=office)
    there = factories.make_client(contact_person=adviser, office=second_office)

    organisation_actions.leave_offices(staff=adviser, offices=[second_office])

    assert _active_contact(here) == adviser
    assert _active_contact(there) is None
    assert list(adviser.offices.all()) == [office]
    assert AuditEntry.objects.filter(action="staff.left_offices").exists()


def test_deactivating_the_last_adviser_of_an_office_is_allowed_and_shows(adviser, manager, office):
    client = factories.make_client(contact_person=adviser)
    assert _check()[0] == 0

    organisation_actions.deactivate_staff(staff=adviser, by_user=manager.user)

    assert list(queries.without_contact_person([office])) == [client]
    code, output = _check()
    assert code == 1
    assert f"cliënt {client.pk}" in output
    assert client.surname not in output  # numbers only in operations' logs
    assert list(queries.advisers_of_offices([office])) == []


def test_check_leaves_out_practice_accounts_and_ended_benefits(adviser, manager):
    from maatwerk.portal.actions import open_practice_account

    open_practice_account(staff=adviser)
    ended = factories.make_client(
        contact_person=adviser,
        benefit_start=date(2020, 1, 1),
        benefit_expected_end=timezone.localdate() - timedelta(days=1),
    )
    organisation_actions.deactivate_staff(staff=adviser, by_user=manager.user)
    assert _active_contact(ended) is None
    assert _check() == (
        0,
        "Elke cliënt met een lopende uitkering heeft een vaste contactpersoon.\n",
    )


# Reassigning, one by one or in bulk


def test_manager_reassigns_in_bulk_with_a_reason_on_each_timeline(
    adviser, other_adviser, manager, office
):
    clients = [factories.make_client(contact_person=adviser) for _ in range(3)]
    organisation_actions.deactivate_staff(staff=adviser, by_user=manager.user)
    assert _check()[0] == 1

    actions.reassign_clients(
        clients=clients, new_staff=other_adviser, by_user=manager.user, reason="Sanne is uit dienst"
    )

    for client in clients:
        assert _active_contact(client) == other_adviser
        assert "contact_person.changed" in _kinds(client)
        entry = AuditEntry.objects.get(action="client.contact_person_changed", client_id=client.pk)
        assert entry.reason == "Sanne is uit dienst"
    assert list(queries.without_contact_person([office])) == []
    assert _check()[0] == 0


@pytest.fixture
def waiting(adviser, manager):
    """Two clients whose adviser left service."""
    clients = [factories.make_client(contact_person=adviser) for _ in range(2)]
    organisation_actions.deactivate_staff(staff=adviser, by_user=manager.user)
    return clients


def _nothing_written(clients):
    for client in clients:
        client.refresh_from_db()
        assert _active_contact(client) is None
    assert not AuditEntry.objects.filter(action="client.contact_person_changed").exists()


def test_bulk_refuses_an_adviser_out_of_service(waiting, manager, office):
    gone = factories.make_staff("Adviseur werk", offices=[office], first_name="Gerrit")
    organisation_actions.deactivate_staff(staff=gone)
    with pytest.raises(ValidationError) as refused:
        actions.reassign_clients(clients=waiting, new_staff=gone, by_user=manager.user, reason="x")
    assert refused.value.message_dict["new_staff"] == [
        f"{gone.full_name} is niet meer in dienst. Kies een adviseur die in dienst is."
    ]
    _nothing_written(waiting)


def test_bulk_refuses_an_adviser_of_another_office(waiting, manager):
    elsewhere = factories.make_staff("Adviseur werk")
    with pytest.raises(ValidationError) as refused:
        actions.reassign_clients(
            clients=waiting, new_staff=elsewhere, by_user=manager.user, reason="x"
        )
    assert refused.value.message_dict["new_staff"] == [
        "Kies een adviseur die werkt op de vestiging van de cliënt."
    ]
    _nothing_written(waiting)


def test_bulk_refuses_a_missing_reason_and_no_clients(waiting, manager, other_adviser):
    with pytest.raises(ValidationError) as refused:
        actions.reassign_clients(
            clients=waiting, new_staff=other_adviser, by_user=manager.user, reason="  "
        )
    assert refused.value.message_dict["reason"] == ["Geef een reden voor de overdracht."]
    with pytest.raises(ValidationError) as refused:
        actions.reassign_clients(
            clients=[], new_staff=other_adviser, by_user=manager.user, reason="Uit dienst"
        )
    assert refused.value.message_dict["clients"] == ["Kies minstens één cliënt."]
    _nothing_written(waiting)


def test_bulk_is_all_or_nothing(waiting, manager, other_adviser):
    # The second client already has the chosen adviser: found while writing, after the first
    # client was handed over. The whole bulk is undone.
    already = factories.make_client(contact_person=other_adviser)
    with pytest.raises(ValidationError):
        actions.reassign_clients(
            clients=[waiting[0], already],
            new_staff=other_adviser,
            by_user=manager.user,
            reason="Uit dienst",
        )
    _nothing_written(waiting[:1])


def test_bulk_refuses_a_client_of_an_office_the_manager_does_not_run(
    waiting, manager, other_adviser
):
    stranger = factories.make_client()
    with pytest.raises(PermissionDenied):
        actions.reassign_clients(
            clients=[*waiting, stranger],
            new_staff=other_adviser,
            by_user=manager.user,
            reason="Uit dienst",
        )
    _nothing_written(waiting)


def test_single_reassign_names_an_adviser_out_of_service(waiting, manager, office):
    gone = factories.make_staff("Adviseur werk", offices=[office], first_name="Gerrit")
    organisation_actions.deactivate_staff(staff=gone)
    with pytest.raises(ValidationError) as refused:
        actions.reassign_contact_person(
            client=waiting[0], new_staff=gone, by_user=manager.user, reason="Uit dienst"
        )
    assert "niet meer in dienst" in refused.value.message_dict["new_staff"][0]


# The manager's page


def test_the_page_lists_clients_with_their_open_work(login, waiting, manager):
    def fake_source(client):
        return [open_work.OpenWork("Testwerk", 2, "/x/"), open_work.OpenWork("Niets", 0)]

    with open_work.registry.registered("test", fake_source):
        response = login(manager.user).get(reverse("clients:without_contact_person"))
    assert response.status_code == 200
    text = response.text
    assert "Cliënten zonder vaste contactpersoon" in text
    for client in waiting:
        assert client.full_name in text
        assert reverse("clients:reassign", args=[client.pk]) in text
    assert "Testwerk: 2" in text
    assert "Niets: 0" not in text
    # Messages, follow-ups, appointments and the plan each count for themselves.
    labels = {item.label for item in open_work.registry.get("serviceplan")(waiting[0])}
    assert "Onderdelen van het plan" in labels
    assert {"messaging", "appointments", "serviceplan"} <= {
        k for k, _ in open_work.registry.items()
    }


def test_the_caseload_links_a_manager_to_the_list(login, waiting, manager):
    response = login(manager.user).get(reverse("clients:caseload") + "?bereik=vestiging")
    assert reverse("clients:without_contact_person") in response.text


def test_the_page_reassigns_the_chosen_clients(login, waiting, manager, other_adviser):
    web = login(manager.user)
    response = web.post(
        reverse("clients:without_contact_person"),
        {"clients": [waiting[0].pk], "new_staff": other_adviser.pk, "reason": "Uit dienst"},
        follow=True,
    )
    assert response.status_code == 200
    assert f"{other_adviser.full_name} is nu de vaste contactpersoon van 1 cliënt." in response.text
    assert _active_contact(waiting[0]) == other_adviser
    assert _active_contact(waiting[1]) is None


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"reason": ""}, "reason", "Geef een reden voor de overdracht."),
        ({"clients": []}, "clients", "Kies minstens één cliënt."),
        ({"new_staff": ""}, "new_staff", "Kies een adviseur."),
        ({"new_staff": "gone"}, "new_staff", "is niet meer in dienst"),
        ({"new_staff": "elsewhere"}, "new_staff", "Kies een adviseur uit de lijst."),
    ],
)
def test_the_page_refuses_bad_input_in_dutch(
    login, waiting, manager, other_adviser, office, change, field, message
):
    gone = factories.make_staff("Adviseur werk", offices=[office], first_name="Gerrit")
    organisation_actions.deactivate_staff(staff=gone)
    elsewhere = factories.make_staff("Adviseur werk")
    data = {"clients": [c.pk for c in waiting], "new_staff": other_adviser.pk, "reason": "Weg"}
    data.update(change)
    if data["new_staff"] == "gone":
        data["new_staff"] = gone.pk
    elif data["new_staff"] == "elsewhere":
        data["new_staff"] = elsewhere.pk
    response = login(manager.user).post(reverse("clients:without_contact_person"), data)
    assert response.status_code == 200
    assert message in response.text
    assert f'id="id_{field}_error"' in response.text
    _nothing_written(waiting)


def test_an_office_without_advisers_says_so(login, adviser, manager):
    factories.make_client(contact_person=adviser)
    organisation_actions.deactivate_staff(staff=adviser, by_user=manager.user)
    response = login(manager.user).get(reverse("clients:without_contact_person"))
    assert "geen adviseur in dienst" in response.text


# The admin goes through the same actions


def _admin_form(staff, **changes):
    return {
        "user": staff.user.pk,
        "first_name": staff.first_name,
        "surname_prefix": staff.surname_prefix,
        "surname": staff.surname,
        "job_title": staff.job_title,
        "phone": staff.phone,
        "email": staff.email,
        "offices": [office.pk for office in staff.offices.all()],
        "roles": [role.pk for role in staff.roles.all()],
        "is_active": "on",
        **changes,
    }


def test_admin_deactivation_goes_through_the_action(login, administrator, adviser):
    client = factories.make_client(contact_person=adviser)
    form = _admin_form(adviser)
    del form["is_active"]
    url = reverse("admin:organisation_staffmember_change", args=[adviser.pk])
    response = login(administrator.user).post(url, form)
    assert response.status_code == 302, response.text[:1500]
    adviser.refresh_from_db()
    assert adviser.is_active is False
    assert _active_contact(client) is None
    assert AuditEntry.objects.filter(action="staff.deactivated").exists()
    assert AuditEntry.objects.filter(action="admin.changed", object_id=str(adviser.pk)).exists()


def test_admin_removing_an_office_goes_through_the_action(login, administrator, adviser, office):
    second_office = factories.OfficeFactory()
    adviser.offices.add(second_office)
    here = factories.make_client(contact_person=adviser, office=office)
    there = factories.make_client(contact_person=adviser, office=second_office)
    url = reverse("admin:organisation_staffmember_change", args=[adviser.pk])
    response = login(administrator.user).post(url, _admin_form(adviser, offices=[office.pk]))
    assert response.status_code == 302, response.text[:1500]
    assert _active_contact(here) == adviser
    assert _active_contact(there) is None


def test_admin_edit_without_leaving_changes_no_assignment(login, administrator, adviser):
    client = factories.make_client(contact_person=adviser)
    url = reverse("admin:organisation_staffmember_change", args=[adviser.pk])
    response = login(administrator.user).post(url, _admin_form(adviser, job_title="Werkcoach"))
    assert response.status_code == 302
    assert _active_contact(client) == adviser
    assert (
        not AuditEntry.objects.filter(action__startswith="staff.")
        .exclude(action="staff.created")
        .exists()
    )
