"""Every service-plan route × every role (see maatwerk.core.tests.permissions)."""

import pytest
from django.urls import reverse

from maatwerk.core.tests.permissions import ROLES, check_route, expect

pytestmark = pytest.mark.django_db

PRACTISING = {"adviser", "other_adviser", "manager", "administrator", "editor"}
PRACTISING |= {"legal_reviewer", "researcher"}


def _conversation(world):
    from maatwerk.serviceplan import actions, queries

    from .helpers import TALK, service

    client = world["client"]
    actions.decide_plan(client=client, services=[service(TALK)], user=world["adviser"].user)
    return queries.next_conversation(client)


MATRIX = {
    "serviceplan:mine": (
        "get",
        lambda w: reverse("serviceplan:mine"),
        # Staff without an open practice account are sent to their own start page.
        expect(client=200, **dict.fromkeys(PRACTISING, 302)),
    ),
    "serviceplan:plan": (
        "get",
        lambda w: reverse("serviceplan:plan", args=[w["client"].pk]),
        expect(adviser=200, other_adviser=302, manager=200),
    ),
    "serviceplan:propose": (
        "post",
        lambda w: reverse("serviceplan:propose", args=[w["client"].pk]),
        expect(adviser=302, other_adviser=302, manager=302),
    ),
    "serviceplan:conversation_held": (
        "post",
        lambda w: reverse(
            "serviceplan:conversation_held", args=[w["client"].pk, _conversation(w).pk]
        ),
        expect(adviser=302, other_adviser=302, manager=302),
    ),
    "serviceplan:call_list": (
        "get",
        lambda w: reverse("serviceplan:call_list"),
        expect(adviser=200, other_adviser=200, manager=200),
    ),
}


@pytest.mark.parametrize("route", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, role_world, route, role):
    check_route(client, role_world, role, *MATRIX[route])


def test_other_adviser_is_sent_to_give_a_reason(client, role_world):
    client.force_login(role_world["other_adviser"].user)
    response = client.get(reverse("serviceplan:plan", args=[role_world["client"].pk]))
    assert response.url == reverse("clients:access_reason", args=[role_world["client"].pk])
