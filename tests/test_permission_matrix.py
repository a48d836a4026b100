"""Every page × every role. A route missing from the matrix fails the suite: deny by default
is proven, not assumed. The foundation's routes are here; each later app keeps its own rows in
``maatwerk/<app>/tests/test_permissions.py`` (see maatwerk.core.tests.permissions)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from maatwerk.core.app_modules import app_modules
from maatwerk.core.tests import factories
from maatwerk.core.tests.permissions import LOGIN, check_route

pytestmark = pytest.mark.django_db

# Namespaces that guard themselves and have their own tests (Django admin, the token API).
SELF_GUARDED = {"admin", "api"}

ROLES = ["anonymous", "client", "adviser", "other_adviser", "manager", "administrator", "no_role"]

A, C, P, M, D, N = "adviser", "client", "practice", "manager", "administrator", "no_role"


def _expect(anonymous, client, adviser, other_adviser, manager, administrator, no_role):
    return dict(
        zip(
            ROLES,
            [anonymous, client, adviser, other_adviser, manager, administrator, no_role],
            strict=True,
        )
    )


# route name → (method, url builder, expected status per role)
MATRIX = {
    "core:home": (
        "get",
        lambda w: reverse("core:home"),
        _expect(LOGIN, 302, 302, 302, 302, 302, 403),
    ),
    "core:health": (
        "get",
        lambda w: reverse("core:health"),
        _expect(200, 200, 200, 200, 200, 200, 200),
    ),
    "accounts:login": (
        "get",
        lambda w: reverse("accounts:login"),
        _expect(200, 302, 302, 302, 302, 302, 302),
    ),
    "accounts:logout": (
        "get",
        lambda w: reverse("accounts:logout"),
        _expect(LOGIN, 405, 405, 405, 405, 405, 405),
    ),
    "accounts:otp_verify": (
        "get",
        lambda w: reverse("accounts:otp_verify"),
        _expect(LOGIN, 302, 302, 302, 302, 302, 302),
    ),
    "accounts:otp_setup": (
        "get",
        lambda w: reverse("accounts:otp_setup"),
        _expect(LOGIN, 302, 200, 200, 200, 200, 200),
    ),
    "oidc_authentication_init": (
        "get",
        lambda w: reverse("oidc_authentication_init"),
        _expect(404, 404, 404, 404, 404, 404, 404),
    ),
    "oidc_authentication_callback": (
        "get",
        lambda w: reverse("oidc_authentication_callback"),
        _expect(404, 404, 404, 404, 404, 404, 404),
    ),
    "set_language": (
        "post",
        lambda w: reverse("set_language"),
        _expect(302, 302, 302, 302, 302, 302, 302),
    ),
    "serve-media": (
        "get",
        lambda w: reverse("serve-media", args=["staff/none.png"]),
        _expect(LOGIN, 404, 404, 404, 404, 404, 404),
    ),
    "portal:home": (
        "get",
        lambda w: reverse("portal:home"),
        _expect(LOGIN, 200, 302, 302, 302, 302, 403),
    ),
    "portal:practice_start": (
        "post",
        lambda w: reverse("portal:practice_start"),
        _expect(LOGIN, 403, 302, 302, 302, 302, 403),
    ),
    "portal:practice_stop": (
        "post",
        lambda w: reverse("portal:practice_stop"),
        _expect(LOGIN, 403, 302, 302, 302, 302, 403),
    ),
    "clients:caseload": (
        "get",
        lambda w: reverse("clients:caseload"),
        _expect(LOGIN, 403, 200, 200, 302, 403, 403),
    ),
    "clients:file": (
        "get",
        lambda w: reverse("clients:file", args=[w["client"].pk]),
        _expect(LOGIN, 403, 200, 302, 200, 403, 403),
    ),
    "clients:access_reason": (
        "get",
        lambda w: reverse("clients:access_reason", args=[w["client"].pk]),
        _expect(LOGIN, 403, 302, 200, 302, 403, 403),
    ),
    "clients:reassign": (
        "get",
        lambda w: reverse("clients:reassign", args=[w["client"].pk]),
        _expect(LOGIN, 403, 403, 403, 200, 403, 403),
    ),
    "clients:add_note": (
        "post",
        lambda w: reverse("clients:add_note", args=[w["client"].pk]),
        _expect(LOGIN, 403, 302, 302, 302, 403, 403),
    ),
    "werkverkenner:start": (
        "get",
        lambda w: reverse("werkverkenner:start"),
        _expect(LOGIN, 200, 403, 403, 403, 403, 403),
    ),
    "werkverkenner:begin": (
        "post",
        lambda w: reverse("werkverkenner:begin"),
        _expect(LOGIN, 302, 403, 403, 403, 403, 403),
    ),
    "werkverkenner:page": (
        "get",
        lambda w: reverse("werkverkenner:page", args=[1]),
        _expect(LOGIN, 302, 403, 403, 403, 403, 403),
    ),
    "werkverkenner:check": (
        "get",
        lambda w: reverse("werkverkenner:check"),
        _expect(LOGIN, 302, 403, 403, 403, 403, 403),
    ),
    "werkverkenner:result": (
        "get",
        lambda w: reverse("werkverkenner:result"),
        _expect(LOGIN, 302, 403, 403, 403, 403, 403),
    ),
    "werkverkenner:request": (
        "post",
        lambda w: reverse("werkverkenner:request"),
        _expect(LOGIN, 302, 403, 403, 403, 403, 403),
    ),
    "werkverkenner:staff_start": (
        "get",
        lambda w: reverse("werkverkenner:staff_start", args=[w["client"].pk]),
        _expect(LOGIN, 403, 200, 302, 200, 403, 403),
    ),
    "werkverkenner:staff_begin": (
        "post",
        lambda w: reverse("werkverkenner:staff_begin", args=[w["client"].pk]),
        _expect(LOGIN, 403, 302, 302, 302, 403, 403),
    ),
    "werkverkenner:staff_page": (
        "get",
        lambda w: reverse("werkverkenner:staff_page", args=[w["client"].pk, 1]),
        _expect(LOGIN, 403, 302, 302, 302, 403, 403),
    ),
    "werkverkenner:staff_check": (
        "get",
        lambda w: reverse("werkverkenner:staff_check", args=[w["client"].pk]),
        _expect(LOGIN, 403, 302, 302, 302, 403, 403),
    ),
    "werkverkenner:staff_result": (
        "get",
        lambda w: reverse("werkverkenner:staff_result", args=[w["client"].pk]),
        _expect(LOGIN, 403, 302, 302, 302, 403, 403),
    ),
    "werkverkenner:worklist": (
        "get",
        lambda w: reverse("werkverkenner:worklist"),
        _expect(LOGIN, 403, 200, 200, 200, 403, 403),
    ),
    "werkverkenner:item": (
        "get",
        lambda w: reverse("werkverkenner:item", args=[_triage_item(w).pk]),
        _expect(LOGIN, 403, 200, 403, 200, 403, 403),
    ),
    "werkverkenner:batch": (
        "get",
        lambda w: reverse("werkverkenner:batch"),
        _expect(LOGIN, 403, 403, 403, 403, 200, 403),
    ),
}


def _triage_item(world):
    """An open Werkverkenner invitation for the world's client (the client asked for one)."""
    from maatwerk.werkverkenner import actions
    from maatwerk.werkverkenner.queries import open_item

    client = world["client"]
    return open_item(client) or actions.request_conversation(client=client, user=client.user)


def _route_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            if ns in SELF_GUARDED:
                continue
            prefix = f"{namespace}{ns}:" if ns else namespace
            yield from _route_names(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else repr(pattern)


def _app_matrices() -> dict:
    rows = {}
    for _app, module in app_modules("tests.test_permissions"):
        rows.update(module.MATRIX)
    return rows


def test_every_route_is_in_the_matrix():
    routes = set(_route_names(get_resolver().url_patterns))
    covered = set(MATRIX) | set(_app_matrices())
    assert routes == covered, (
        f"Routes without a row in the matrix: {sorted(routes - covered)}; "
        f"rows without a route: {sorted(covered - routes)}"
    )


@pytest.fixture
def world(office):
    adviser = factories.make_staff("Adviseur werk", offices=[office])
    return {
        "adviser": adviser,
        "other_adviser": factories.make_staff(
            "E-werkcoach", offices=[office], job_title="E-werkcoach"
        ),
        "manager": factories.make_staff(
            "Vestigingsmanager", offices=[office], job_title="Vestigingsmanager"
        ),
        "administrator": factories.make_staff(
            "Beheerder", offices=[office], job_title="Functioneel beheerder"
        ),
        "no_role": factories.make_staff(None, offices=[office], job_title="Stagiair"),
        "client": factories.make_client(contact_person=adviser, user=True),
    }


@pytest.mark.parametrize("route", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, route, role):
    check_route(client, world, role, *MATRIX[route])


def test_practice_client_file_is_only_for_its_owner(client, world):
    from maatwerk.portal.actions import open_practice_account

    practice = open_practice_account(staff=world["adviser"])
    for role, status in [("adviser", 200), ("other_adviser", 403), ("manager", 403)]:
        client.force_login(world[role].user)
        response = client.get(reverse("clients:file", args=[practice.pk]))
        assert response.status_code == status, role
