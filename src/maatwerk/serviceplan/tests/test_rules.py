"""The plan's actions ask the same rule as its pages (ADR 0023): a staff member who may not
decide this client's plan is refused by the action too, not only by the view."""

import pytest
from django.core.exceptions import PermissionDenied

from maatwerk.portal.actions import open_practice_account
from maatwerk.serviceplan import actions, queries
from maatwerk.serviceplan.models import PlanVersion

from .helpers import TALK, service

pytestmark = pytest.mark.django_db


def test_decide_plan_refuses_staff_without_the_right(client_record, administrator):
    with pytest.raises(PermissionDenied):
        actions.decide_plan(client=client_record, services=[service(TALK)], user=administrator.user)
    assert not PlanVersion.objects.exists()


def test_decide_plan_refuses_someone_elses_practice_account(adviser, other_adviser):
    practice = open_practice_account(staff=adviser)
    with pytest.raises(PermissionDenied):
        actions.decide_plan(client=practice, services=[service(TALK)], user=other_adviser.user)
    assert not PlanVersion.objects.exists()
    actions.decide_plan(client=practice, services=[service(TALK)], user=adviser.user)
    assert PlanVersion.objects.filter(status=PlanVersion.Status.DECIDED).count() == 1


def test_record_conversation_held_refuses_staff_without_the_right(
    client_record, adviser, administrator
):
    actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    conversation = queries.next_conversation(client_record)
    with pytest.raises(PermissionDenied):
        actions.record_conversation_held(conversation=conversation, user=administrator.user)
    conversation.refresh_from_db()
    assert conversation.status == conversation.Status.PLANNED
