"""An e-mail the mail library refuses to build is failed, never uncertain (docs/adr/0029)."""

import pytest
from django.core import mail

from maatwerk.panel import actions, dispatch
from maatwerk.panel.models import OutboxMessage, Topic

from .helpers import make_members, make_plan

pytestmark = pytest.mark.django_db


def test_a_subject_with_a_line_break_fails_before_the_row_is_taken(adviser, researcher, no_worker):
    make_members(3, adviser=adviser)
    plan = make_plan(researcher, target=3)
    # A name saved before topic names were checked (the admin refuses it now).
    Topic.objects.filter(pk=plan.topic_id).update(name="Werk\nzoeken")
    actions.confirm_plan(plan=plan, user=researcher.user)
    dispatch.compose_all(plan.pk)

    totals = dispatch.relay(plan.pk)

    assert totals == {"sent": 0, "cancelled": 0, "failed": 3, "uncertain": 0}
    assert mail.outbox == []
    outbox = plan.outbox.all()
    assert {row.status for row in outbox} == {OutboxMessage.Status.FAILED}
    # Never taken: no hand-over was started, so nothing can be in doubt.
    assert {(row.attempts, row.handed_at) for row in outbox} == {(0, None)}
    assert all("newline" in row.error.lower() for row in outbox)
    assert dispatch.relay(plan.pk)["failed"] == 0  # failed stays failed: not tried again


def test_a_malformed_address_fails_before_the_row_is_taken(adviser, researcher, no_worker):
    make_members(2, adviser=adviser)
    plan = actions.confirm_plan(plan=make_plan(researcher, target=2), user=researcher.user)
    dispatch.compose_all(plan.pk)
    broken = plan.outbox.first()
    OutboxMessage.objects.filter(pk=broken.pk).update(to="lid@example.org\nBcc: x@example.org")

    totals = dispatch.relay(plan.pk)

    assert totals["sent"] == 1 and totals["failed"] == 1 and totals["uncertain"] == 0
    broken.refresh_from_db()
    assert broken.status == OutboxMessage.Status.FAILED and broken.attempts == 0
