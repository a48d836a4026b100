"""Every service-plan route × every role (see maatwerk.core.tests.permissions)."""

import pytest
from django.urls import reverse

from maatwerk.core.tests.permissions import (
    CLIENT_FILE,
    client_pk,
    expect,
    get,
    matrix,
    matrix_test,
    post,
)

pytestmark = pytest.mark.django_db

PRACTISING = {"adviser", "other_adviser", "manager", "administrator", "editor"}
PRACTISING |= {"legal_reviewer", "researcher"}


def _conversation(world):
    from maatwerk.serviceplan import actions, queries

    from .helpers import TALK, service

    client = world["client"]
    actions.decide_plan(client=client, services=[service(TALK)], user=world["adviser"].user)
    return queries.next_conversation(client)


MATRIX = matrix(
    # Staff without an open practice account are sent to their own start page.
    get("serviceplan:mine", expect(client=200, **dict.fromkeys(PRACTISING, 302))),
    get("serviceplan:plan", CLIENT_FILE, args=client_pk),
    post(
        "serviceplan:propose",
        expect(adviser=302, other_adviser=302, manager=302),
        args=client_pk,
    ),
    post(
        "serviceplan:conversation_held",
        expect(adviser=302, other_adviser=302, manager=302),
        args=lambda w: [w["client"].pk, _conversation(w).pk],
    ),
    get("serviceplan:call_list", expect(adviser=200, other_adviser=200, manager=200)),
)


test_permission_matrix = matrix_test(MATRIX)


def test_other_adviser_is_sent_to_give_a_reason(client, role_world):
    client.force_login(role_world["other_adviser"].user)
    response = client.get(reverse("serviceplan:plan", args=[role_world["client"].pk]))
    assert response.url == reverse("clients:access_reason", args=[role_world["client"].pk])
