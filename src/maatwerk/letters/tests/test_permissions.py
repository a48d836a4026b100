"""The letter book's rows in the permission matrix (see maatwerk.core.tests.permissions)."""

import pytest

from maatwerk.core.tests.permissions import (
    CLIENT_FILE,
    client_pk,
    expect,
    get,
    matrix,
    matrix_test,
    pk_of,
    post,
)
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
    if state == "read":
        return version
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


def _draft_template(world):
    return [_version(world, "draft").template_id]


def _version_args(state):
    return lambda w: [_version(w, state).pk]


MATRIX = matrix(
    get("letters:book", expect(**BOOK)),
    post("letters:install_shipped", expect(editor=302)),
    get("letters:new", expect(editor=200)),
    post("letters:preview", expect(editor=200)),
    get("letters:template", expect(**BOOK), args=_draft_template),
    get("letters:edit", expect(editor=200), args=_draft_template),
    get("letters:compare", expect(**BOOK), args=_draft_template),
    get("letters:version", expect(**BOOK), args=_version_args("draft")),
    post("letters:submit", expect(editor=302), args=_version_args("draft")),
    # An empty decision shows the form again with its errors (200): the role got in.
    post("letters:legal", expect(legal_reviewer=200), args=_version_args("legal_review")),
    post("letters:invite", expect(editor=200), args=_version_args("reader_review")),
    post("letters:comment", expect(council_member=200), args=_version_args("reader_review")),
    post("letters:send_back", expect(editor=200), args=_version_args("reader_review")),
    post("letters:publish", expect(editor=302), args=_version_args("read")),
    # Sending follows the client file: the contact person and the office manager; another
    # adviser first gives a reason (302); roles without the send permission never.
    get("letters:client_letters", CLIENT_FILE, args=client_pk),
    get(
        "letters:compose",
        CLIENT_FILE,
        args=lambda w: [w["client"].pk, _version(w, "published").template_id],
    ),
    get("letters:sent", CLIENT_FILE, args=pk_of(_sent)),
    get("letters:sent_pdf", CLIENT_FILE, args=pk_of(_sent)),
    get("letters:mine", expect(client=200)),
    get("letters:mine_detail", expect(client=200), args=pk_of(_sent)),
    get("letters:mine_pdf", expect(client=200), args=pk_of(_sent)),
)


test_permission_matrix = matrix_test(MATRIX)
