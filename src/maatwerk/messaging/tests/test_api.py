import uuid

import pytest
from django.core import mail

from maatwerk.api.tests.helpers import raw_token, staff_with_only, token_for
from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.messaging.models import Message

from .helpers import PDF, client_writes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(client):
    def _call(method, path, *, token=None, json=None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        kwargs = {"headers": headers}
        if json is not None:
            kwargs.update(data=json, content_type="application/json")
        return getattr(client, method)(path, **kwargs)

    return _call


@pytest.fixture
def thread(client_record):
    return client_writes(
        client_record, body="<b>Vraag</b>", attachments=[upload("brief.pdf", PDF)]
    ).thread


def test_without_token_401(call, thread):
    for method, path in [
        ("get", f"/api/berichten/clients/{thread.client_id}/threads"),
        ("get", f"/api/berichten/threads/{thread.pk}"),
        ("post", f"/api/berichten/threads/{thread.pk}/replies"),
    ]:
        response = call(method, path, json={"text": "x"} if method == "post" else None)
        assert response.status_code == 401, path
        assert response.json()["code"] == "not_authenticated"


def test_list_and_read_threads(call, thread, adviser):
    token = token_for(adviser.user)
    listing = call("get", f"/api/berichten/clients/{thread.client_id}/threads", token=token)
    assert listing.status_code == 200
    body = listing.json()
    assert body["count"] == 1 and body["items"][0]["subject"] == "Vraag"
    assert body["items"][0]["assigned_to"] is None
    detail = call("get", f"/api/berichten/threads/{thread.pk}", token=token)
    assert detail.status_code == 200
    data = detail.json()
    assert data["contact_person"]["full_name"] == adviser.full_name
    assert data["messages"][0]["body"] == "<b>Vraag</b>"
    assert data["messages"][0]["author"] is None
    assert data["messages"][0]["attachments"][0]["name"] == "brief.pdf"
    assert AuditEntry.objects.filter(action="messaging.thread_viewed").count() == 1


def test_post_reply_is_signed_by_the_token_owner(
    call, thread, adviser, django_capture_on_commit_callbacks
):
    token = token_for(adviser.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = call(
            "post",
            f"/api/berichten/threads/{thread.pk}/replies",
            token=token,
            json={"text": "Ik bel u morgen.", "author_name": "Anoniem"},
        )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["author"]["name"] == adviser.full_name
    assert data["author"]["job_title"] == adviser.job_title
    assert data["signature"] == f"{adviser.full_name}, {adviser.job_title}"
    message = Message.objects.get(pk=data["id"])
    assert message.author == adviser
    assert len(mail.outbox) == 1 and adviser.full_name in mail.outbox[0].body


def test_reply_token_gives_one_reply(call, thread, adviser):
    token = token_for(adviser.user)
    payload = {"text": "Antwoord", "submission_token": str(uuid.uuid4())}
    first = call("post", f"/api/berichten/threads/{thread.pk}/replies", token=token, json=payload)
    again = call("post", f"/api/berichten/threads/{thread.pk}/replies", token=token, json=payload)
    assert first.json()["id"] == again.json()["id"]
    assert thread.messages.filter(sender="staff").count() == 1


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_reply_is_422(call, thread, adviser, text):
    response = call(
        "post",
        f"/api/berichten/threads/{thread.pk}/replies",
        token=token_for(adviser.user),
        json={"text": text},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "text"
    assert not thread.messages.filter(sender="staff").exists()


def test_oversized_reply_is_422(call, thread, adviser, settings):
    settings.MESSAGING_MAX_LENGTH = 10
    response = call(
        "post",
        f"/api/berichten/threads/{thread.pk}/replies",
        token=token_for(adviser.user),
        json={"text": "x" * 11},
    )
    assert response.status_code == 422
    assert "te lang" in response.json()["detail"]


def test_nul_character_is_422(call, thread, adviser):
    response = call(
        "post",
        f"/api/berichten/threads/{thread.pk}/replies",
        token=token_for(adviser.user),
        json={"text": "a\x00b"},
    )
    assert response.status_code == 422


def test_other_adviser_needs_a_reason(call, thread, office):
    coach = factories.make_staff("E-werkcoach", offices=[office], job_title="E-werkcoach")
    token = token_for(coach.user)
    response = call("get", f"/api/berichten/threads/{thread.pk}", token=token)
    assert response.status_code == 403 and response.json()["code"] == "reason_required"
    response = call(
        "get", f"/api/berichten/threads/{thread.pk}?reason=Collega+is+ziek+vandaag", token=token
    )
    assert response.status_code == 200
    reply = call(
        "post",
        f"/api/berichten/threads/{thread.pk}/replies?reason=Collega+is+ziek+vandaag",
        token=token,
        json={"text": "Ik neem het over."},
    )
    assert reply.status_code == 201
    assert reply.json()["instead_of_contact_person"] != ""


def test_staff_without_messaging_permission_is_403(call, thread, office):
    user = staff_with_only("access.use_api", offices=[office]).user
    response = call("get", f"/api/berichten/threads/{thread.pk}", token=token_for(user))
    assert response.status_code == 403


def test_inactive_staff_token_is_refused(call, thread, adviser):
    token = raw_token(adviser.user)
    adviser.is_active = False
    adviser.save()
    response = call(
        "post", f"/api/berichten/threads/{thread.pk}/replies", token=token, json={"text": "x"}
    )
    assert response.status_code in (401, 403)
    assert not thread.messages.filter(sender="staff").exists()


def test_unknown_ids_are_404(call, adviser):
    # With a reason: without one, an unknown id asks for it like a colleague's thread (ADR 0030).
    token, reason = token_for(adviser.user), "?reason=Collega+is+ziek+vandaag"
    for path in (
        "/api/berichten/threads/999999",
        f"/api/berichten/threads/{2**64}",
        "/api/berichten/clients/999999/threads",
    ):
        assert call("get", path + reason, token=token).status_code == 404, path
        assert call("get", path, token=token).json()["code"] == "reason_required", path


def test_staff_of_another_office_without_reason_is_403(call, thread):
    elsewhere = factories.make_staff("Adviseur werk")
    response = call("get", f"/api/berichten/threads/{thread.pk}", token=token_for(elsewhere.user))
    assert response.status_code == 403
