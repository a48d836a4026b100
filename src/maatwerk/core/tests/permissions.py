"""Shared parts of the permission matrix. Each app keeps its own rows in
``maatwerk/<app>/tests/test_permissions.py`` as a ``MATRIX`` dict::

    MATRIX = matrix(
        get("letters:edit", expect(editor=200), args=lambda w: [...]),
        post("letters:submit", expect(editor=302), args=lambda w: [...]),
    )

    test_permission_matrix = matrix_test(MATRIX)

(a row is ``route: (method, build_url, expected)``; ``get``/``post`` build one from the route's
name, a function of the world giving its URL arguments, and one giving a query string.)

``tests/test_permission_matrix.py`` fails for any route that is in no app's MATRIX.

A route's world is built once and every role is tried against it in a savepoint that is rolled
back, so one role's request (a POST that succeeds, a session) never changes what the next role
sees. Building the eleven-user world per (route, role) cell cost most of the suite's time.
"""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from . import factories

LOGIN = "login"  # a redirect to the log-in page

ROLES = [
    "anonymous",
    "client",
    "adviser",
    "other_adviser",
    "manager",
    "administrator",
    "no_role",
    "editor",
    "legal_reviewer",
    "researcher",
    "council_member",
]


def expect(default=403, *, anonymous=LOGIN, **statuses) -> dict[str, object]:
    """Expected status per role: ``default`` for every logged-in role not named."""
    unknown = set(statuses) - set(ROLES)
    if unknown:
        raise ValueError(f"Unknown roles in the matrix: {sorted(unknown)}")
    return {"anonymous": anonymous} | dict.fromkeys(ROLES[1:], default) | statuses


def make_role_world(office) -> dict:
    """One person per role, all at ``office``; ``client`` is the adviser's own client."""
    adviser = factories.make_staff("Adviseur werk", offices=[office])

    def staff(role, job_title, first_name):
        return factories.make_staff(
            role, offices=[office], job_title=job_title, first_name=first_name
        )

    return {
        "office": office,
        "adviser": adviser,
        "other_adviser": staff("E-werkcoach", "E-werkcoach", "Eva"),
        "manager": staff("Vestigingsmanager", "Vestigingsmanager", "Mira"),
        "administrator": staff("Beheerder", "Functioneel beheerder", "Bram"),
        "no_role": staff(None, "Stagiair", "Sam"),
        "editor": staff("Briefredacteur", "Briefredacteur", "Ria"),
        "legal_reviewer": staff("Juridisch controleur", "Juridisch adviseur", "Jurre"),
        "researcher": staff("Klantonderzoeker", "Klantonderzoeker", "Otto"),
        "council_member": staff("Lid cliëntenraad", "Lid cliëntenraad", "Cor"),
        "client": factories.make_client(contact_person=adviser, user=True),
    }


def user_for(world, role):
    if role == "anonymous":
        return None
    if role == "client":
        return world["client"].user
    return world[role].user


def check_route(client, world, role, method, build_url, expected) -> None:
    """One role against one row; ``build_url`` is called here (see ``check_roles``)."""
    check_response(client, world, role, method, build_url(world), expected)


def check_response(client, world, role, method, url, expected) -> None:
    user = user_for(world, role)
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url)
    want = expected[role]
    if want == LOGIN:
        assert response.status_code == 302, f"{role}: {response.status_code}"
        assert response.url.startswith(reverse("accounts:login")), response.url
    else:
        assert response.status_code == want, f"as {role}: {response.status_code}"


def check_roles(subtests, world, method, build_url, expected) -> None:
    """Every role against one row, each in its own subtest and its own rolled-back savepoint.

    The URL is built once, outside the savepoints: rows that create what they point at (a
    message, a plan) create it in the world every role then shares."""
    url = build_url(world)
    for role in ROLES:
        with subtests.test(role=role), transaction.atomic():
            check_response(Client(), world, role, method, url, expected)
            transaction.set_rollback(True)


def get(route: str, expected: dict, *, args=None, query=None):
    """A matrix row: GET ``route`` with ``args(world)`` as its URL arguments and ``query(world)``
    appended (both optional)."""
    return _row("get", route, expected, args, query)


def post(route: str, expected: dict, *, args=None, query=None):
    """A matrix row: an empty POST to ``route`` (see ``get``)."""
    return _row("post", route, expected, args, query)


def _row(method, route, expected, args, query):
    def build_url(world):
        url = reverse(route, args=args(world) if args else None)
        return url + query(world) if query else url

    return route, (method, build_url, expected)


def matrix(*rows) -> dict:
    """An app's MATRIX from its rows; a route named twice is a mistake in the matrix."""
    found = {}
    for route, row in rows:
        if route in found:
            raise ValueError(f"{route} is in the matrix twice")
        found[route] = row
    return found


def matrix_test(rows: dict):
    """The test that checks every route of an app's MATRIX as every role; assign it to a
    ``test_`` name in the app's test module. One test per route, one subtest per role."""

    @pytest.mark.django_db
    @pytest.mark.parametrize("route", sorted(rows))
    def test_permission_matrix(subtests, role_world, route):
        check_roles(subtests, role_world, *rows[route])

    return test_permission_matrix


# Expected statuses and URL arguments that many apps' rows share.

# A page of one client's file: the contact person (adviser) and the office manager get in;
# another adviser is sent to give a reason first (302); everybody else 403.
CLIENT_FILE = expect(adviser=200, other_adviser=302, manager=200)


# Staff roles that may practise as a client: on client pages they pass the door and are sent to
# their own work pages (no practice account open), as on the portal. Council members are
# volunteers, not staff who serve clients: they do not practise.
PRACTICE = dict.fromkeys(
    ["adviser", "other_adviser", "manager", "administrator", "editor", "legal_reviewer",
     "researcher"],
    302,
)  # fmt: skip


def client_pk(world) -> list:
    """URL arguments: the world's client."""
    return [world["client"].pk]


def pk_of(find):
    """URL arguments: the pk of what ``find(world)`` returns."""
    return lambda world: [find(world).pk]
