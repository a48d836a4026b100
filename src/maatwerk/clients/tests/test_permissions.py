"""Every caseload and client-file page × every role (see maatwerk.core.tests.permissions)."""

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

MATRIX = matrix(
    get("clients:caseload", expect(adviser=200, other_adviser=200, manager=302)),
    get("clients:file", CLIENT_FILE, args=client_pk),
    get(
        "clients:access_reason",
        expect(adviser=302, other_adviser=200, manager=302),
        args=client_pk,
    ),
    get("clients:reassign", expect(manager=200), args=client_pk),
    get("clients:without_contact_person", expect(manager=200)),
    get("clients:edit_preferences", CLIENT_FILE, args=client_pk),
    post(
        "clients:add_note",
        expect(adviser=302, other_adviser=302, manager=302),
        args=client_pk,
    ),
)

test_permission_matrix = matrix_test(MATRIX)


@pytest.mark.django_db
def test_practice_client_file_is_only_for_its_owner(login, role_world):
    from maatwerk.portal.actions import open_practice_account

    practice = open_practice_account(staff=role_world["adviser"])
    for role, status in [("adviser", 200), ("other_adviser", 403), ("manager", 403)]:
        response = login(role_world[role].user).get(reverse("clients:file", args=[practice.pk]))
        assert response.status_code == status, role
