"""Every messaging page × every role (see maatwerk.core.tests.permissions)."""

import pytest
from django.urls import reverse

from maatwerk.core.tests import factories
from maatwerk.core.tests.permissions import ROLES, check_route, expect
from maatwerk.messaging import actions
from maatwerk.messaging.models import FollowUp

from .helpers import PDF, client_writes, upload

pytestmark = pytest.mark.django_db

# Staff roles that may practise as a client: on client pages they pass the door and are sent to
# their own work pages (no practice account open), as on the portal.
PRACTICE = dict.fromkeys(
    ["adviser", "other_adviser", "manager", "administrator", "editor", "legal_reviewer",
     "researcher"],
    302,
)  # fmt: skip


def _message(world):
    if "message" not in world:
        world["message"] = client_writes(world["client"], attachments=[upload("brief.pdf", PDF)])
    return world["message"]


def _thread_pk(world):
    return _message(world).thread_id


def _attachment_args(world):
    message = _message(world)
    return [message.thread_id, message.attachments.get().pk]


def _follow_up(world):
    client = factories.make_client(
        contact_person=world["adviser"], uses_digital_channels=False, phone="06 12345678"
    )
    thread = client_writes(client).thread
    actions.reply(thread=thread, author=world["adviser"], body="Antwoord")
    return FollowUp.objects.get(thread=thread)


MATRIX = {
    "messaging:client_inbox": (
        "get",
        lambda w: reverse("messaging:client_inbox"),
        expect(client=200, **PRACTICE),
    ),
    "messaging:client_new": (
        "get",
        lambda w: reverse("messaging:client_new"),
        expect(client=200, **PRACTICE),
    ),
    "messaging:client_thread": (
        "get",
        lambda w: reverse("messaging:client_thread", args=[_thread_pk(w)]),
        expect(client=200, **PRACTICE),
    ),
    "messaging:client_attachment": (
        "get",
        lambda w: reverse("messaging:client_attachment", args=_attachment_args(w)),
        expect(client=200, **dict.fromkeys(PRACTICE, 404)),
    ),
    "messaging:inbox": (
        "get",
        lambda w: reverse("messaging:inbox"),
        expect(adviser=200, other_adviser=200, manager=200),
    ),
    "messaging:staff_thread": (
        "get",
        lambda w: reverse("messaging:staff_thread", args=[_thread_pk(w)]),
        expect(adviser=200, other_adviser=302, manager=200),
    ),
    "messaging:access_reason": (
        "get",
        lambda w: reverse("messaging:access_reason", args=[_thread_pk(w)]),
        expect(adviser=302, other_adviser=200, manager=302),
    ),
    "messaging:take": (
        "post",
        lambda w: reverse("messaging:take", args=[_thread_pk(w)]),
        expect(adviser=302, other_adviser=302, manager=302),
    ),
    "messaging:hand_over": (
        "get",
        lambda w: reverse("messaging:hand_over", args=[_thread_pk(w)]),
        expect(adviser=200, other_adviser=302, manager=200),
    ),
    "messaging:staff_attachment": (
        "get",
        lambda w: reverse("messaging:staff_attachment", args=_attachment_args(w)),
        expect(adviser=200, other_adviser=302, manager=200),
    ),
    "messaging:complete_follow_up": (
        "post",
        lambda w: reverse("messaging:complete_follow_up", args=[_follow_up(w).pk]),
        expect(adviser=302, other_adviser=302, manager=302),
    ),
}


@pytest.mark.parametrize("route", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, role_world, route, role):
    check_route(client, role_world, role, *MATRIX[route])
