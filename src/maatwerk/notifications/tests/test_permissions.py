"""The notification pages' rows in the permission matrix (see maatwerk.core.tests.permissions)."""

import pytest

from maatwerk.clients.models import ContactPreference
from maatwerk.core.tests.permissions import expect, get, matrix, matrix_test, pk_of, post
from maatwerk.notifications import actions

pytestmark = pytest.mark.django_db

# Staff who send letters to clients and may open the client's file on a ground (another adviser
# would first give a reason on the file: here refused). Others never.
HANDLING = expect(adviser=200, manager=200)


def _letter(world):
    client = world["client"]
    ContactPreference.objects.filter(client=client).update(channel="letter")
    client.refresh_from_db()
    return actions.notify(client=client, kind="feedback.answered", subject="Antwoord", text="T")


MATRIX = matrix(
    get("notifications:print_queue", expect(adviser=200, other_adviser=200, manager=200)),
    get("notifications:staff_detail", HANDLING, args=pk_of(_letter)),
    get("notifications:staff_pdf", HANDLING, args=pk_of(_letter)),
    post("notifications:staff_done", expect(adviser=302, manager=302), args=pk_of(_letter)),
    get("notifications:mine_detail", expect(client=200), args=pk_of(_letter)),
    get("notifications:mine_pdf", expect(client=200), args=pk_of(_letter)),
)

test_permission_matrix = matrix_test(MATRIX)


def test_the_print_queue_is_in_the_menu_of_exactly_the_roles_that_may_open_it(role_world):
    from maatwerk.core import navigation

    may_open = {"adviser", "other_adviser", "manager"}
    for role in ("adviser", "other_adviser", "manager", "editor", "researcher", "no_role"):
        links = dict(navigation.links_for(role_world[role].user, "staff"))
        assert ("Post om te versturen" in links) == (role in may_open), role
