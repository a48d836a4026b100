"""Two researchers confirm a plan at the same moment: no member is invited twice inside
``min_days_between`` (docs/adr/0029). The race needs real concurrent transactions, so this test
runs on PostgreSQL only (DATABASE_URL=postgres://...)."""

import contextlib
import threading

import pytest
from django.db import connection
from django.db.models import Count

from maatwerk.panel import actions, sampling
from maatwerk.panel.models import ContactRules, Invitation

from .helpers import make_members, make_plan, published_survey


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers at BEGIN (IMMEDIATE), so two plans cannot overlap there; "
    "run with DATABASE_URL=postgres://... to test the race",
)
@pytest.mark.django_db(transaction=True)
def test_two_plans_at_once_never_invite_a_member_twice(adviser, researcher, no_worker, monkeypatch):
    ContactRules.objects.create(pk=1, max_per_year=12, min_days_between=14)
    make_members(4, adviser=adviser)
    # Two surveys: two plans for the same survey already wait for each other (the plan row is
    # locked together with its survey's).
    plans = [make_plan(researcher, published_survey(title), target=4) for title in ("A", "B")]

    # Both plans read the contact history, then wait for each other before writing: the
    # overlap that two clicks at the same moment can give. Where the second plan cannot read
    # until the first has written, the wait times out and the first goes on alone.
    overlap = threading.Barrier(2, timeout=3)
    real_draw = sampling.draw_sample

    def draw_then_wait(**kwargs):
        sample = real_draw(**kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            overlap.wait()
        return sample

    monkeypatch.setattr(actions, "draw_sample", draw_then_wait)
    outcomes = {}

    def confirm(plan):
        try:
            actions.confirm_plan(plan=plan, user=researcher.user)
            outcomes[plan.pk] = "confirmed"
        except Exception as error:  # noqa: BLE001 (the outcome is what the test checks)
            outcomes[plan.pk] = type(error).__name__
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(plan,)) for plan in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    per_member = Invitation.objects.values("client").annotate(n=Count("id"))
    assert {row["n"] for row in per_member} == {1}, outcomes
    # One plan invited everyone; the other found nobody it may ask yet.
    assert sorted(outcomes.values()) == ["ValidationError", "confirmed"]
