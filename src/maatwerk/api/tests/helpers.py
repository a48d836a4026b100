import pytest
from django.contrib.auth.models import Group, Permission

from maatwerk.api import actions
from maatwerk.api.models import ApiToken, hash_token, new_token
from maatwerk.core.tests import factories


def token_for(user, name="test") -> str:
    """A token made the real way (staff with access.use_api only)."""
    return actions.create_token(user=user, name=name)[1]


def raw_token(user, **fields) -> str:
    """A token row made directly, for users the action refuses (to test the auth check)."""
    secret = new_token()
    ApiToken.objects.create(user=user, name="direct", token_hash=hash_token(secret), **fields)
    return secret


def staff_with_only(*perms, offices=None):
    """A staff member whose one role holds exactly these permissions."""
    group = Group.objects.create(name=f"Alleen {'+'.join(perms)} {Group.objects.count()}")
    for perm in perms:
        app_label, codename = perm.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return factories.make_staff(None, offices=offices, roles=[group])


@pytest.fixture
def call(client):
    """Call the API with a bearer token (or none): call("get", "/api/offices", token=...)."""

    def _call(method, path, *, token=None, json=None, **extra):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers.update(extra.pop("headers", {}))
        kwargs = {"headers": headers, **extra}
        if json is not None:
            kwargs.update(data=json, content_type="application/json")
        return getattr(client, method)(path, **kwargs)

    return _call
