"""Every feedback route × every role (see maatwerk.core.tests.permissions)."""

import uuid

import pytest
from django.urls import reverse

from maatwerk.core.tests.permissions import (
    expect,
    get,
    matrix,
    matrix_test,
    pk_of,
    post,
)
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
        kind="mirror",
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

MATRIX = matrix(
    get("feedback:client_overview", CLIENT_ONLY),
    get("feedback:client_new", CLIENT_ONLY),
    get("feedback:client_item", CLIENT_ONLY, args=pk_of(_item)),
    get("feedback:compliment_new", CLIENT_ONLY),
    get("feedback:my_compliments", ALL_STAFF),
    get("feedback:office_compliments", expect(manager=200)),
    get("feedback:staff_list", ANSWERERS),
    get("feedback:office_overview", expect(manager=200)),
    # Recording an input on a client's behalf: staff who answer feedback, within their reach.
    get("feedback:staff_record_choose", ANSWERERS),
    get("feedback:staff_record", ANSWERERS, args=lambda w: [w["client"].pk]),
    get("feedback:staff_item", ITEM, args=pk_of(_item)),
    # Not a call or letter to pass on: refused by the action, back to the item (302).
    post("feedback:staff_start", ITEM_POST, args=pk_of(_item)),
    # An empty answer: the page again with the error for the owner and the manager.
    post("feedback:staff_answer", expect(adviser=200, manager=200), args=pk_of(_item)),
    post("feedback:staff_reassign", expect(manager=200), args=pk_of(_item)),
    post("feedback:staff_deadline", expect(manager=200), args=pk_of(_item)),
    get("feedback:session_list", RECORDERS),
    get("feedback:session_new", RECORDERS),
    get("feedback:session_detail", RECORDERS, args=pk_of(_session)),
    post("feedback:point_add", RECORDERS, args=pk_of(_session)),
    get("feedback:my_points", ALL_STAFF),
    # The point's owner (the adviser) and those who record sessions.
    get(
        "feedback:point_detail",
        expect(adviser=200, manager=200, researcher=200),
        args=pk_of(_point),
    ),
)


test_permission_matrix = matrix_test(MATRIX)


def test_a_client_never_sees_another_clients_item(client, role_world):
    from maatwerk.core.tests import factories

    item = _item(role_world)
    other = factories.make_client(contact_person=role_world["adviser"], user=True)
    client.force_login(other.user)
    assert client.get(reverse("feedback:client_item", args=[item.pk])).status_code == 404
