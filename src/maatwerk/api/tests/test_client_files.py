"""The API's side of the client-file boundary (ADR 0022), called directly."""

from types import SimpleNamespace

import pytest

from maatwerk.api.client_files import client_or_404, view_file
from maatwerk.api.errors import ApiError
from maatwerk.audit.models import AuditEntry
from maatwerk.clients.file_access import MAX_ID
from maatwerk.portal.actions import open_practice_account

pytestmark = pytest.mark.django_db


def logged(client):
    return list(
        AuditEntry.objects.filter(client_id=client.pk)
        .order_by("seq")
        .values_list("action", "reason")
    )


@pytest.mark.parametrize("id", [MAX_ID + 1, 0, 10**6])
def test_unknown_ids_are_404(client_record, id):
    with pytest.raises(ApiError) as error:
        client_or_404(id)
    assert (error.value.status_code, error.value.code) == (404, "not_found")


def test_a_practice_account_is_404(adviser):
    with pytest.raises(ApiError) as error:
        client_or_404(open_practice_account(staff=adviser).pk)
    assert error.value.status_code == 404


def test_a_colleague_needs_a_reason_and_it_is_logged(client_record, other_adviser):
    request = SimpleNamespace(auth=other_adviser.user)
    before = logged(client_record)
    with pytest.raises(ApiError) as error:
        view_file(request, client_record, "kort")
    assert (error.value.status_code, error.value.code) == (403, "reason_required")
    assert logged(client_record) == before
    reason = "Collega is ziek, ik neem waar."
    assert view_file(request, client_record, reason) == reason
    assert logged(client_record)[len(before) :] == [
        ("client.access_reason_given", reason),
        ("client.file_viewed", reason),
    ]
