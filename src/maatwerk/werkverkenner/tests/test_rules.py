"""Deciding on an invitation asks the same rule as the work list's item page (ADR 0023): a
colleague who may not open the client's file on a ground is refused by the action too."""

import pytest
from django.core.exceptions import PermissionDenied

from maatwerk.werkverkenner import actions
from maatwerk.werkverkenner.demo import fill_in
from maatwerk.werkverkenner.models import TriageItem

from .helpers import NEEDS_HELP

pytestmark = pytest.mark.django_db


def test_decide_refuses_a_colleague_without_a_ground(client_record, other_adviser, active_version):
    fill_in(client_record, dict(NEEDS_HELP))
    item = TriageItem.objects.get(client=client_record)
    with pytest.raises(PermissionDenied):
        actions.decide(
            item=item, decision="invite", reason="Graag een gesprek.", user=other_adviser.user
        )
    item.refresh_from_db()
    assert item.status == TriageItem.Status.OPEN
