"""The API's side of the client-file boundary (ADR 0022), called directly."""

from types import SimpleNamespace

import pytest

from maatwerk.api.client_files import client_or_404, view_file
from maatwerk.api.errors import ApiError
from maatwerk.audit.models import AuditEntry
from maatwerk.clients.file_access import MAX_ID
from maatwerk.core.tests import factories
from maatwerk.messaging.tests.helpers import client_writes
from maatwerk.portal.actions import open_practice_account

from .helpers import staff_with_only, token_for

pytestmark = pytest.mark.django_db


def logged(client):
    return list(
        AuditEntry.objects.filter(client_id=client.pk)
        .order_by("seq")
        .values_list("action", "reason")
    )


@pytest.mark.parametrize("id", [MAX_ID + 1, 0, 10**6])
def test_unknown_ids_are_404(client_record, id):
    with pytest.raises(ApiError) as error:
        client_or_404(id)
    assert (error.value.status_code, error.value.code) == (404, "not_found")


def test_a_practice_account_is_404(adviser):
    with pytest.raises(ApiError) as error:
        client_or_404(open_practice_account(staff=adviser).pk)
    assert error.value.status_code == 404


def test_a_colleague_needs_a_reason_and_it_is_logged(client_record, other_adviser):
    request = SimpleNamespace(auth=other_adviser.user)
    before = logged(client_record)
    with pytest.raises(ApiError) as error:
        view_file(request, client_record, "kort")
    assert (error.value.status_code, error.value.code) == (403, "reason_required")
    assert logged(client_record) == before
    reason = "Collega is ziek, ik neem waar."
    assert view_file(request, client_record, reason) == reason
    assert logged(client_record)[len(before) :] == [
        ("client.access_reason_given", reason),
        ("client.file_viewed", reason),
    ]


# --- an id tells nothing the file would not (ADR 0030) ------------------------------------------

UNKNOWN = 10**9
REASON = "Collega is ziek, ik neem waar."


def test_without_any_ground_a_file_answers_like_an_unknown_id(client_record):
    outsider = staff_with_only("access.use_api")
    with pytest.raises(ApiError) as unknown:
        client_or_404(UNKNOWN, user=outsider.user, reason="")
    with pytest.raises(ApiError) as closed:
        view_file(SimpleNamespace(auth=outsider.user), client_record, REASON)
    assert (closed.value.status_code, closed.value.code, str(closed.value)) == (
        unknown.value.status_code,
        unknown.value.code,
        str(unknown.value),
    )
    assert closed.value.status_code == 404


def test_who_may_give_a_reason_is_asked_for_one_for_any_id(client_record, other_adviser):
    with pytest.raises(ApiError) as unknown:
        client_or_404(UNKNOWN, user=other_adviser.user, reason="kort")
    with pytest.raises(ApiError) as closed:
        view_file(SimpleNamespace(auth=other_adviser.user), client_record, "kort")
    assert (unknown.value.code, str(unknown.value)) == (closed.value.code, str(closed.value))
    assert unknown.value.code == "reason_required"
    with pytest.raises(ApiError) as given:
        client_or_404(UNKNOWN, user=other_adviser.user, reason=REASON)
    assert given.value.status_code == 404


@pytest.fixture
def far_away(db):
    """Staff of another office: a manager (may open any file with a reason) and someone with the
    same rights for plans and messages but no reason to give."""
    elsewhere = factories.OfficeFactory()
    manager = factories.make_staff("Vestigingsmanager", offices=[elsewhere], first_name="Olga")
    no_reason = staff_with_only(
        "access.use_api",
        "serviceplan.decide_plan",
        "messaging.answer_messages",
        offices=[elsewhere],
    )
    return {"manager": manager, "no_reason": no_reason}


ROUTES = [
    "/api/clients/{id}",
    "/api/clients/{id}/timeline",
    "/api/plannen/{id}",
    "/api/afspraken/clienten/{id}",
    "/api/berichten/clients/{id}/threads",
    "/api/berichten/threads/{thread}",
]


@pytest.mark.parametrize("route", ROUTES)
def test_an_out_of_scope_caller_cannot_tell_which_ids_exist(call, client_record, far_away, route):
    thread = client_writes(client_record).thread
    existing = route.format(id=client_record.pk, thread=thread.pk)
    unknown = route.format(id=UNKNOWN, thread=UNKNOWN)
    for who, staff in far_away.items():
        token = token_for(staff.user)
        there, missing = call("get", existing, token=token), call("get", unknown, token=token)
        assert (there.status_code, there.json()) == (missing.status_code, missing.json()), who
    manager = token_for(far_away["manager"].user, name="reason")
    assert call("get", existing, token=manager, data={"reason": REASON}).status_code == 200
    assert call("get", unknown, token=manager, data={"reason": REASON}).status_code == 404
