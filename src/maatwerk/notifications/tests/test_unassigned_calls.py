"""A call for a client without a contact person is on the office's unassigned queue: on the
office managers' call list, marked "zonder contactpersoon", until the client is reassigned;
then it follows the new contact person."""

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.clients import actions as client_actions
from maatwerk.notifications import actions
from maatwerk.organisation import actions as organisation_actions
from maatwerk.serviceplan import call_list

from .helpers import client_for

pytestmark = pytest.mark.django_db


def _calls(staff, client):
    built = call_list.build(staff, timezone.localdate())
    items = [call.item for call in built.calls] + built.unplaced
    # Only this notice's call (a new client also has the welcome call).
    return [item for item in items if item.client == client and "Uw antwoord" in item.reason]


@pytest.fixture
def phone_task(adviser):
    client = client_for("non-digital with phone", adviser, preference={"channel": "phone"})
    notification = actions.notify(
        client=client, kind="feedback.answered", subject="Uw antwoord", text="Bel de cliënt."
    )
    assert notification.channel == "phone"
    return client


def test_a_call_of_a_client_without_contact_person_is_on_the_managers_list(
    phone_task, adviser, other_adviser, manager
):
    client = phone_task
    assert [item.without_contact_person for item in _calls(adviser, client)] == [False]
    organisation_actions.deactivate_staff(staff=adviser, by_user=None)
    [queued] = _calls(manager, client)
    assert queued.without_contact_person
    # Not on a colleague's own list: they do not see the whole office.
    assert _calls(other_adviser, client) == []

    client_actions.reassign_contact_person(
        client=client, new_staff=other_adviser, by_user=manager.user, reason="Adviseur uit dienst"
    )
    assert [item.without_contact_person for item in _calls(other_adviser, client)] == [False]
    assert _calls(manager, client) == []


def test_the_call_list_page_marks_it(phone_task, adviser, manager, login):
    organisation_actions.deactivate_staff(staff=adviser, by_user=None)
    page = login(manager.user).get(reverse("serviceplan:call_list"))
    html = page.content.decode()
    assert phone_task.full_name in html
    assert "zonder contactpersoon" in html
