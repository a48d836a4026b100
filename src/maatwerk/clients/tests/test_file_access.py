"""The one boundary for finding a client by id and opening their file (ADR 0022)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.clients import access_grants
from maatwerk.clients.file_access import MAX_ID, find, find_client, open_client_file, valid_id
from maatwerk.clients.models import Client
from maatwerk.portal.actions import open_practice_account

pytestmark = pytest.mark.django_db


def page_request(user, method="get"):
    request = getattr(RequestFactory(), method)("/")
    request.user = user
    request.session = {}
    return request


def views_of(client):
    return list(
        AuditEntry.objects.filter(action="client.file_viewed", client_id=client.pk).values_list(
            "reason", flat=True
        )
    )


@pytest.mark.parametrize(
    ("id", "valid"), [(1, True), (MAX_ID, True), (MAX_ID + 1, False), (0, False), (-1, False)]
)
def test_valid_id(id, valid):
    assert valid_id(id) is valid
    assert valid_id(None) is False


def test_an_out_of_range_id_is_unknown_without_asking_the_database(
    client_record, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert find_client(MAX_ID + 1) is None
        assert find(Client.objects.all(), 2**64) is None


def test_an_unknown_id_is_none(client_record):
    assert find_client(client_record.pk + 1000) is None
    assert find_client(client_record.pk) == client_record


def test_practice_accounts_are_never_found_by_id(adviser):
    practice = open_practice_account(staff=adviser)
    assert find(Client.objects.all(), practice.pk) == practice
    assert find_client(practice.pk) is None
    assert find_client(practice.pk, Client.objects.select_related("office")) is None


def test_opening_the_file_logs_the_ground(client_record, adviser):
    client, redirect_to = open_client_file(page_request(adviser.user), client_record.pk)
    assert (client, redirect_to) == (client_record, None)
    assert views_of(client_record) == ["vaste contactpersoon"]


def test_a_colleague_gives_a_reason_first_and_it_is_logged(client_record, other_adviser):
    request = page_request(other_adviser.user)
    client, redirect_to = open_client_file(request, client_record.pk)
    assert client is None
    assert redirect_to.url == reverse("clients:access_reason", args=[client_record.pk])
    assert views_of(client_record) == []
    access_grants.grant(request.session, client_record.pk, "Collega is ziek, ik neem waar.")
    client, redirect_to = open_client_file(request, client_record.pk)
    assert (client, redirect_to) == (client_record, None)
    assert views_of(client_record) == ["Collega is ziek, ik neem waar."]


def test_a_post_is_not_a_look_at_the_file(client_record, adviser):
    open_client_file(page_request(adviser.user, "post"), client_record.pk)
    assert views_of(client_record) == []


def test_no_ground_and_no_right_to_give_a_reason_is_refused(client_record, administrator):
    with pytest.raises(PermissionDenied):
        open_client_file(page_request(administrator.user), client_record.pk)
    assert views_of(client_record) == []
