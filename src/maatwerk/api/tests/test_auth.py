"""Deny by default: only a valid token of an active staff member with access.use_api passes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maatwerk.api import actions
from maatwerk.api.models import ApiToken, hash_token

from .helpers import raw_token, staff_with_only, token_for

pytestmark = pytest.mark.django_db

OPERATIONS = [
    ("get", "/api/offices"),
    ("get", "/api/offices/{office}"),
    ("get", "/api/clients"),
    ("post", "/api/clients"),
    ("get", "/api/clients/{client}"),
    ("get", "/api/clients/{client}/timeline"),
    ("post", "/api/clients/{client}/notes"),
    ("get", "/api/does-not-exist"),
]


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_operation_needs_a_token(call, office, client_record, method, path):
    url = path.format(office=office.pk, client=client_record.pk)
    response = call(method, url, json={"text": "x"} if method == "post" else None)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["detail"].startswith("Geen geldige API-sleutel")
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize(
    "header",
    [
        "Token {token}",
        "Basic {token}",
        "Bearer",
        "Bearer ",
        "Bearer {token}x",
        "Bearer " + "a" * 5000,
        "Bearer <script>",
        "Bearer mw_\u00e9\u00e9n",
        "Bearer {token}.x",
    ],
)
def test_malformed_or_unknown_tokens_are_refused(call, adviser, header):
    token = token_for(adviser.user)
    response = call("get", "/api/offices", headers={"Authorization": header.format(token=token)})
    assert response.status_code == 401


def test_valid_token_passes_and_only_its_hash_is_stored(call, adviser):
    token = token_for(adviser.user)
    response = call("get", "/api/offices", token=token)
    assert response.status_code == 200
    row = ApiToken.objects.get()
    assert row.token_hash == hash_token(token)
    assert token not in {str(value) for value in vars(row).values()}
    assert token.startswith("mw_") and len(token) > 40


def test_revoked_token_is_refused(call, adviser):
    token, secret = actions.create_token(user=adviser.user, name="x")
    actions.revoke_token(token=token)
    assert call("get", "/api/offices", token=secret).status_code == 401


def test_expired_token_is_refused(call, adviser):
    token, secret = actions.create_token(
        user=adviser.user, name="x", expires_at=timezone.now() + timedelta(days=1)
    )
    assert call("get", "/api/offices", token=secret).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    assert call("get", "/api/offices", token=secret).status_code == 401


def test_token_of_a_client_is_forbidden(call, client_record):
    response = call("get", "/api/offices", token=raw_token(client_record.user))
    assert response.status_code == 403
    assert response.json()["detail"] == "Alleen medewerkers in dienst kunnen de API gebruiken."


def test_token_of_staff_without_use_api_is_forbidden(call, administrator):
    response = call("get", "/api/offices", token=raw_token(administrator.user))
    assert response.status_code == 403
    assert response.json()["detail"] == "Je hebt geen recht om de API te gebruiken."


def test_token_stops_working_when_staff_leaves(call, adviser):
    token = token_for(adviser.user)
    adviser.is_active = False
    adviser.save(update_fields=["is_active"])
    assert call("get", "/api/offices", token=token).status_code == 403
    adviser.user.is_active = False
    adviser.user.save(update_fields=["is_active"])
    assert call("get", "/api/offices", token=token).status_code == 401


def test_a_logged_in_session_is_not_enough(call, client, adviser):
    client.force_login(adviser.user)
    assert call("get", "/api/offices").status_code == 401


def test_last_used_is_noted_at_most_once_a_minute(call, adviser):
    token = token_for(adviser.user)
    call("get", "/api/offices", token=token)
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    recent = timezone.now() - timedelta(seconds=30)
    ApiToken.objects.update(last_used_at=recent)
    call("get", "/api/offices", token=token)
    assert ApiToken.objects.get().last_used_at == recent
    stale = timezone.now() - timedelta(minutes=2)
    ApiToken.objects.update(last_used_at=stale)
    call("get", "/api/offices", token=token)
    assert ApiToken.objects.get().last_used_at > stale


def test_use_api_alone_gives_offices_but_no_client_files(call, client_record):
    staff = staff_with_only("access.use_api", offices=[client_record.office])
    token = token_for(staff.user)
    assert call("get", "/api/offices", token=token).status_code == 200
    assert call("get", "/api/clients", token=token).json()["count"] == 0
    response = call("get", f"/api/clients/{client_record.pk}", token=token)
    assert response.status_code == 404  # as an unknown id: nothing would open it (ADR 0030)
    assert response.json()["code"] == "not_found"
