"""Every page × every role. A route missing from the matrix fails the suite: deny by default
is proven, not assumed. Each app keeps its own rows in ``maatwerk/<app>/tests/test_permissions.py``
(see maatwerk.core.tests.permissions); this module only checks that together they cover every
route, and that every row names every role."""

from django.urls import URLPattern, URLResolver, get_resolver

from maatwerk.core.app_modules import app_modules
from maatwerk.core.tests.permissions import ROLES

# Namespaces that guard themselves and have their own tests (Django admin, the token API).
SELF_GUARDED = {"admin", "api"}


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
    for app, module in app_modules("tests.test_permissions"):
        twice = set(rows) & set(module.MATRIX)
        assert not twice, f"{app.label} repeats rows of another app: {sorted(twice)}"
        rows.update(module.MATRIX)
    return rows


def test_every_route_is_in_the_matrix():
    routes = set(_route_names(get_resolver().url_patterns))
    covered = set(_app_matrices())
    assert routes == covered, (
        f"Routes without a row in the matrix: {sorted(routes - covered)}; "
        f"rows without a route: {sorted(covered - routes)}"
    )


def test_every_row_names_every_role():
    for route, (_method, _build_url, expected) in _app_matrices().items():
        assert set(expected) == set(ROLES), f"{route}: {sorted(set(ROLES) ^ set(expected))}"
