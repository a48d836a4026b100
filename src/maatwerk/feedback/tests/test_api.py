import datetime as dt

import pytest
from django.utils import timezone

from maatwerk.api.tests.helpers import call, token_for  # noqa: F401  (fixture)
from maatwerk.feedback import actions
from maatwerk.feedback.models import FeedbackItem

from .helpers import submit

pytestmark = pytest.mark.django_db


def test_without_a_token_401(call):  # noqa: F811
    assert call("get", "/api/reacties").status_code == 401


def test_lists_the_open_feedback_of_the_token_owner(call, client_record, adviser, manager):  # noqa: F811
    mine = submit(client_record, text="<b>Lang</b> gewacht")
    late = submit(client_record, "suggestion")
    FeedbackItem.objects.filter(pk=late.pk).update(
        deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    done = submit(client_record)
    actions.answer_feedback(item=done, by_user=adviser.user, text="Klaar.")
    submit(client_record, "complaint")  # the manager's

    response = call("get", "/api/reacties", token=token_for(adviser.user))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [row["id"] for row in body["items"]] == [late.pk, mine.pk]
    assert body["items"][0]["overdue"] is True
    assert body["items"][1]["text"] == "<b>Lang</b> gewacht"  # JSON, as written

    response = call("get", f"/api/reacties/{mine.pk}", token=token_for(adviser.user))
    assert response.status_code == 200
    assert response.json()["client_name"] == client_record.full_name


def test_someone_elses_item_is_404(call, client_record, adviser, other_adviser):  # noqa: F811
    item = submit(client_record)
    token = token_for(other_adviser.user)
    assert call("get", f"/api/reacties/{item.pk}", token=token).status_code == 404
    assert call("get", "/api/reacties/99999999999999999999", token=token).status_code in (404, 422)
    assert call("get", "/api/reacties", token=token).json()["count"] == 0


def test_without_the_permission_403(call, office):  # noqa: F811
    from maatwerk.api.tests.helpers import staff_with_only

    staff = staff_with_only("access.use_api", offices=[office])
    response = call("get", "/api/reacties", token=token_for(staff.user))
    assert response.status_code == 403
    assert "reacties" in response.json()["detail"]
