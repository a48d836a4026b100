"""Making and revoking tokens: the command, the admin, and their audit rows."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from maatwerk.api import actions
from maatwerk.api.models import ApiToken, hash_token
from maatwerk.audit.models import AuditEntry
from maatwerk.audit.verify import verify_chain

from .helpers import token_for

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("api_token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_and_revoke_write_audit_rows(adviser, administrator):
    token, secret = actions.create_token(user=adviser.user, name="rapportage")
    created = AuditEntry.objects.get(action="api_token.created")
    assert created.object_type == "api.apitoken" and created.object_id == str(token.pk)
    assert created.data["token_user"] == adviser.user.pk
    assert secret not in str(created.data)

    assert actions.revoke_token(token=token, by_user=administrator.user) is True
    revoked = AuditEntry.objects.get(action="api_token.revoked")
    assert revoked.actor_user_id == administrator.user.pk
    assert actions.revoke_token(token=token) is False
    assert AuditEntry.objects.filter(action="api_token.revoked").count() == 1
    token.refresh_from_db()
    assert token.revoked and token.revoked_at is not None
    assert verify_chain().ok


@pytest.mark.parametrize("who", ["client", "administrator", "blank name", "past expiry"])
def test_create_refuses(who, adviser, administrator, client_record):
    kwargs = {"user": adviser.user, "name": "rapportage"}
    if who == "client":
        kwargs["user"] = client_record.user
    elif who == "administrator":
        kwargs["user"] = administrator.user
    elif who == "blank name":
        kwargs["name"] = "   "
    else:
        kwargs["expires_at"] = timezone.now() - timedelta(minutes=1)
    with pytest.raises(ValidationError):
        actions.create_token(**kwargs)
    assert not ApiToken.objects.exists()
    assert not AuditEntry.objects.filter(action="api_token.created").exists()


def test_command_prints_the_token_once_and_it_works(call, adviser):
    out, err = run("create", adviser.user.username, "--name", "rapportage", "--days", "30")
    secret = out.strip()
    token = ApiToken.objects.get()
    assert token.token_hash == hash_token(secret)
    assert token.expires_at > timezone.now() + timedelta(days=29)
    assert "niet nog eens te tonen" in err
    assert call("get", "/api/offices", token=secret).status_code == 200

    listing, _ = run("list")
    assert "rapportage" in listing and "actief" in listing and secret not in listing

    out, _ = run("revoke", str(token.pk))
    assert "ingetrokken" in out
    assert call("get", "/api/offices", token=secret).status_code == 401
    out, _ = run("revoke", str(token.pk))
    assert "al ingetrokken" in out


def test_command_expiry_date(adviser):
    out, _ = run("create", adviser.user.username, "--name", "x", "--expires", "2999-01-31")
    expires = timezone.localtime(ApiToken.objects.get().expires_at)
    assert (expires.year, expires.month, expires.day, expires.hour) == (2999, 1, 31, 23)


@pytest.mark.parametrize(
    "args",
    [
        ("create", "nobody", "--name", "x"),
        ("create", "{admin}", "--name", "x"),
        ("create", "{adviser}", "--name", ""),
        ("create", "{adviser}", "--name", "x", "--expires", "morgen"),
        ("create", "{adviser}", "--name", "x", "--days", "0"),
        ("revoke", "999999"),
    ],
)
def test_command_errors(args, adviser, administrator):
    names = {"admin": administrator.user.username, "adviser": adviser.user.username}
    with pytest.raises(CommandError):
        run(*(arg.format(**names) for arg in args))
    assert not ApiToken.objects.exists()


@pytest.fixture
def token_admin(administrator):
    for codename in ("view_apitoken", "revoke_apitoken"):
        administrator.roles.first().permissions.add(
            Permission.objects.get(content_type__app_label="api", codename=codename)
        )
    return administrator


def test_admin_lists_and_revokes_but_never_adds(login, token_admin, adviser):
    token, secret = actions.create_token(user=adviser.user, name="rapportage")
    web = login(token_admin.user)
    changelist = reverse("admin:api_apitoken_changelist")
    response = web.get(changelist)
    assert response.status_code == 200
    assert "rapportage" in response.text
    assert token.token_hash not in response.text
    detail = web.get(reverse("admin:api_apitoken_change", args=[token.pk]))
    assert detail.status_code == 200 and token.token_hash not in detail.text
    assert web.get(reverse("admin:api_apitoken_add")).status_code == 403

    response = web.post(changelist, {"action": "revoke", "_selected_action": [token.pk]})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked
    entry = AuditEntry.objects.get(action="api_token.revoked")
    assert entry.actor_user_id == token_admin.user.pk


def test_admin_sees_tokens_only_with_the_token_permissions(login, administrator, adviser):
    token_for(adviser.user)
    web = login(administrator.user)
    assert web.get(reverse("admin:api_apitoken_changelist")).status_code == 200
    role = administrator.roles.get()
    role.permissions.remove(*role.permissions.filter(content_type__app_label="api"))
    web = login(type(administrator.user).objects.get(pk=administrator.user.pk))
    assert web.get(reverse("admin:api_apitoken_changelist")).status_code == 403
