"""Every feedback route × every role (see maatwerk.core.tests.permissions)."""

import uuid

import pytest
from django.urls import reverse

from maatwerk.core.tests.permissions import ROLES, check_route, expect
from maatwerk.feedback import actions

pytestmark = pytest.mark.django_db


def _item(world):
    """Feedback from the world's client: the adviser (contact person) owns it."""
    return actions.submit_feedback(
        client=world["client"],
        kind="feedback",
        text="Het duurde lang.",
        wants_answer=True,
        token=uuid.uuid4(),
    )


def _session(world):
    import datetime as dt

    session, _ = actions.record_session(
        by_user=world["manager"].user,
        kind="spiegelgesprek",
        held_on=dt.date(2026, 11, 2),
        office=world["office"],
        topic="Bereikbaarheid",
        notes="Sneller antwoord graag.",
        counts={"clients_count": 4},
        token=uuid.uuid4(),
    )
    return session


def _point(world):
    return actions.add_improvement_point(
        session=_session(world),
        by_user=world["manager"].user,
        text="Terugbellen binnen een dag",
        owner=world["adviser"],
    )


CLIENT_ONLY = expect(client=200)
ALL_STAFF = expect(200, client=403)
ANSWERERS = expect(adviser=200, other_adviser=200, manager=200)
RECORDERS = expect(manager=200, researcher=200)
# An item: its owner (the adviser) and the manager of its office; others get 403.
ITEM = expect(adviser=200, manager=200)
# A POST on an item refused by the action comes back to the item page (302).
ITEM_POST = expect(adviser=302, manager=302)
MANAGER_POST = expect(manager=302)

MATRIX = {
    "feedback:client_overview": ("get", lambda w: reverse("feedback:client_overview"), CLIENT_ONLY),
    "feedback:client_new": ("get", lambda w: reverse("feedback:client_new"), CLIENT_ONLY),
    "feedback:client_item": (
        "get",
        lambda w: reverse("feedback:client_item", args=[_item(w).pk]),
        CLIENT_ONLY,
    ),
    "feedback:compliment_new": ("get", lambda w: reverse("feedback:compliment_new"), CLIENT_ONLY),
    "feedback:my_compliments": ("get", lambda w: reverse("feedback:my_compliments"), ALL_STAFF),
    "feedback:office_compliments": (
        "get",
        lambda w: reverse("feedback:office_compliments"),
        expect(manager=200),
    ),
    "feedback:staff_list": ("get", lambda w: reverse("feedback:staff_list"), ANSWERERS),
    "feedback:office_overview": (
        "get",
        lambda w: reverse("feedback:office_overview"),
        expect(manager=200),
    ),
    "feedback:staff_item": (
        "get",
        lambda w: reverse("feedback:staff_item", args=[_item(w).pk]),
        ITEM,
    ),
    "feedback:staff_start": (
        "post",
        lambda w: reverse("feedback:staff_start", args=[_item(w).pk]),
        ITEM_POST,
    ),
    "feedback:staff_answer": (
        "post",
        lambda w: reverse("feedback:staff_answer", args=[_item(w).pk]),
        # An empty answer: the page again with the error for the owner and the manager.
        expect(adviser=200, manager=200),
    ),
    "feedback:staff_reassign": (
        "post",
        lambda w: reverse("feedback:staff_reassign", args=[_item(w).pk]),
        expect(manager=200),
    ),
    "feedback:staff_deadline": (
        "post",
        lambda w: reverse("feedback:staff_deadline", args=[_item(w).pk]),
        expect(manager=200),
    ),
    "feedback:session_list": ("get", lambda w: reverse("feedback:session_list"), RECORDERS),
    "feedback:session_new": ("get", lambda w: reverse("feedback:session_new"), RECORDERS),
    "feedback:session_detail": (
        "get",
        lambda w: reverse("feedback:session_detail", args=[_session(w).pk]),
        RECORDERS,
    ),
    "feedback:point_add": (
        "post",
        lambda w: reverse("feedback:point_add", args=[_session(w).pk]),
        RECORDERS,
    ),
    "feedback:my_points": ("get", lambda w: reverse("feedback:my_points"), ALL_STAFF),
    # The point's owner (the adviser) and those who record sessions.
    "feedback:point_detail": (
        "get",
        lambda w: reverse("feedback:point_detail", args=[_point(w).pk]),
        expect(adviser=200, manager=200, researcher=200),
    ),
}


@pytest.mark.parametrize("route", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, role_world, route, role):
    check_route(client, role_world, role, *MATRIX[route])


def test_a_client_never_sees_another_clients_item(client, role_world):
    from maatwerk.core.tests import factories

    item = _item(role_world)
    other = factories.make_client(contact_person=role_world["adviser"], user=True)
    client.force_login(other.user)
    assert client.get(reverse("feedback:client_item", args=[item.pk])).status_code == 404
