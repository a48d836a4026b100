"""The letter book's rows in the permission matrix (see maatwerk.core.tests.permissions)."""

import pytest
from django.urls import reverse

from maatwerk.core.tests.permissions import ROLES, check_route, expect
from maatwerk.letters import actions

from .helpers import write

pytestmark = pytest.mark.django_db

BOOK = {"editor": 200, "legal_reviewer": 200, "council_member": 200}


def _version(world, state):
    """A version in the given state, written by the world's editor."""
    editor, jurist = world["editor"].user, world["legal_reviewer"].user
    version = write(world["editor"])
    if state == "draft":
        return version
    actions.submit(version=version, by_user=editor)
    if state == "legal_review":
        return version
    actions.legal_decision(version=version, approve=True, comment="", by_user=jurist)
    actions.invite_readers(version=version, reader_ids=[world["council_member"].pk], by_user=editor)
    if state == "reader_review":
        return version
    actions.comment(version=version, text="Goed.", by_user=world["council_member"].user)
    actions.publish(version=version, by_user=editor)
    return version


def _sent(world):
    version = _version(world, "published")
    return actions.send_letter(
        client=world["client"],
        template=version.template,
        channel="email",
        by_user=world["adviser"].user,
    )


def _url(name, build):
    return lambda w: reverse(f"letters:{name}", args=build(w))


def _version_url(name, state):
    return _url(name, lambda w: [_version(w, state).pk])


MATRIX = {
    "letters:book": ("get", _url("book", lambda w: []), expect(**BOOK)),
    "letters:install_shipped": (
        "post",
        _url("install_shipped", lambda w: []),
        expect(editor=302),
    ),
    "letters:new": ("get", _url("new", lambda w: []), expect(editor=200)),
    "letters:preview": ("post", _url("preview", lambda w: []), expect(editor=200)),
    "letters:template": (
        "get",
        _url("template", lambda w: [_version(w, "draft").template_id]),
        expect(**BOOK),
    ),
    "letters:edit": (
        "get",
        _url("edit", lambda w: [_version(w, "draft").template_id]),
        expect(editor=200),
    ),
    "letters:compare": (
        "get",
        _url("compare", lambda w: [_version(w, "draft").template_id]),
        expect(**BOOK),
    ),
    "letters:version": ("get", _version_url("version", "draft"), expect(**BOOK)),
    "letters:submit": ("post", _version_url("submit", "draft"), expect(editor=302)),
    # An empty decision shows the form again with its errors (200): the role got in.
    "letters:legal": (
        "post",
        _version_url("legal", "legal_review"),
        expect(legal_reviewer=200),
    ),
    "letters:invite": ("post", _version_url("invite", "reader_review"), expect(editor=200)),
    "letters:comment": (
        "post",
        _version_url("comment", "reader_review"),
        expect(council_member=200),
    ),
    "letters:send_back": (
        "post",
        _version_url("send_back", "reader_review"),
        expect(editor=200),
    ),
    "letters:publish": ("post", _version_url("publish", "reader_review"), expect(editor=302)),
    # Sending follows the client file: the contact person and the office manager; another
    # adviser first gives a reason (302); roles without the send permission never.
    "letters:client_letters": (
        "get",
        _url("client_letters", lambda w: [w["client"].pk]),
        expect(adviser=200, other_adviser=302, manager=200),
    ),
    "letters:compose": (
        "get",
        _url("compose", lambda w: [w["client"].pk, _version(w, "published").template_id]),
        expect(adviser=200, other_adviser=302, manager=200),
    ),
    "letters:sent": (
        "get",
        _url("sent", lambda w: [_sent(w).pk]),
        expect(adviser=200, other_adviser=302, manager=200),
    ),
    "letters:sent_pdf": (
        "get",
        _url("sent_pdf", lambda w: [_sent(w).pk]),
        expect(adviser=200, other_adviser=302, manager=200),
    ),
    "letters:mine": ("get", _url("mine", lambda w: []), expect(client=200)),
    "letters:mine_detail": (
        "get",
        _url("mine_detail", lambda w: [_sent(w).pk]),
        expect(client=200),
    ),
    "letters:mine_pdf": ("get", _url("mine_pdf", lambda w: [_sent(w).pk]), expect(client=200)),
}


@pytest.mark.parametrize("route", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, role_world, route, role):
    check_route(client, role_world, role, *MATRIX[route])
