"""Every messaging page × every role (see maatwerk.core.tests.permissions)."""

import pytest

from maatwerk.core.tests import factories
from maatwerk.core.tests.permissions import (
    CLIENT_FILE,
    PRACTICE,
    expect,
    get,
    matrix,
    matrix_test,
    pk_of,
    post,
)
from maatwerk.messaging import actions
from maatwerk.messaging.models import FollowUp

from .helpers import PDF, client_writes, upload

pytestmark = pytest.mark.django_db


def _message(world):
    if "message" not in world:
        world["message"] = client_writes(world["client"], attachments=[upload("brief.pdf", PDF)])
    return world["message"]


def _thread_pk(world):
    return _message(world).thread_id


def _thread_args(world):
    return [_thread_pk(world)]


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


MATRIX = matrix(
    get("messaging:client_inbox", expect(client=200, **PRACTICE)),
    get("messaging:client_new", expect(client=200, **PRACTICE)),
    get("messaging:client_thread", expect(client=200, **PRACTICE), args=_thread_args),
    get(
        "messaging:client_attachment",
        expect(client=200, **dict.fromkeys(PRACTICE, 404)),
        args=_attachment_args,
    ),
    get("messaging:inbox", expect(adviser=200, other_adviser=200, manager=200)),
    get("messaging:staff_thread", CLIENT_FILE, args=_thread_args),
    get(
        "messaging:access_reason",
        expect(adviser=302, other_adviser=200, manager=302),
        args=_thread_args,
    ),
    post("messaging:take", expect(adviser=302, other_adviser=302, manager=302), args=_thread_args),
    get("messaging:hand_over", CLIENT_FILE, args=_thread_args),
    get("messaging:staff_attachment", CLIENT_FILE, args=_attachment_args),
    post(
        "messaging:complete_follow_up",
        expect(adviser=302, other_adviser=302, manager=302),
        args=pk_of(_follow_up),
    ),
)


test_permission_matrix = matrix_test(MATRIX)
