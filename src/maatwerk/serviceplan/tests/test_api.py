"""GET /api/plannen/{client_id}: the same rules as the pages, every look logged."""

import pytest

from maatwerk.api.tests.helpers import call, staff_with_only, token_for  # noqa: F401
from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.serviceplan import actions

from .helpers import TALK, service

pytestmark = pytest.mark.django_db


REASON = "Collega is ziek, cliënt belt met een vraag over het plan"


def url(client):
    return f"/api/plannen/{client.pk}"


def test_adviser_reads_the_plan_of_an_own_client(call, adviser, client_record):  # noqa: F811
    actions.propose_plan(client=client_record)
    actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    response = call("get", url(client_record), token=token_for(adviser.user))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["current"]["status"] == "decided"
    assert [s["code"] for s in body["current"]["services"]] == ["online-basis", TALK]
    assert body["current"]["decided_by"] == f"{adviser.full_name} ({adviser.job_title})"
    assert body["open_proposal"] is None
    assert body["conversations"] and body["conversations"][0]["status"] == "planned"
    assert AuditEntry.objects.filter(action="client.file_viewed", client_id=client_record.pk)


def test_no_token_is_401(call, client_record):  # noqa: F811
    assert call("get", url(client_record)).status_code == 401


def test_someone_elses_client_needs_a_reason(call, other_adviser, client_record):  # noqa: F811
    token = token_for(other_adviser.user)
    response = call("get", url(client_record), token=token)
    assert response.status_code == 403
    assert response.json()["code"] == "reason_required"
    response = call("get", url(client_record), token=token, data={"reason": REASON})
    assert response.status_code == 200
    assert response.json()["access_reason"] == REASON


def test_other_office_without_reason_permission_is_404(call, client_record):  # noqa: F811
    # No reason would open this file: it answers like an unknown id (ADR 0030).
    outsider = staff_with_only("access.use_api", "serviceplan.decide_plan")
    token = token_for(outsider.user)
    response = call("get", url(client_record), token=token)
    assert response.status_code == 404
    assert response.json() == call("get", "/api/plannen/999999", token=token).json()


def test_without_plan_permission_is_403(call, client_record):  # noqa: F811
    reader = staff_with_only("access.use_api", "access.view_client_with_reason")
    response = call("get", url(client_record), token=token_for(reader.user))
    assert response.status_code == 403


@pytest.mark.parametrize("path", ["/api/plannen/999999", "/api/plannen/99999999999999999999"])
def test_unknown_client_is_404(call, adviser, path):  # noqa: F811
    # With a reason: without one, an unknown id asks for it like a colleague's client (ADR 0030).
    token = token_for(adviser.user)
    assert call("get", path, token=token, data={"reason": REASON}).status_code == 404
    assert call("get", path, token=token).json()["code"] == "reason_required"


def test_practice_account_does_not_exist_for_the_api(call, adviser):  # noqa: F811
    from maatwerk.portal.actions import open_practice_account

    practice = open_practice_account(staff=adviser)
    response = call("get", url(practice), token=token_for(adviser.user), data={"reason": REASON})
    assert response.status_code == 404


def test_client_without_plan(call, adviser):  # noqa: F811
    someone = factories.make_client(contact_person=adviser)
    body = call("get", url(someone), token=token_for(adviser.user)).json()
    assert body["current"] is None and body["conversations"] == []
