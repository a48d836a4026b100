"""Contact-frequency rules: at most N invitations per member per rolling year, at least D days
between two; reminders don't count; an exception only with a reason."""

import datetime as dt

import pytest
from django.utils import timezone

from maatwerk.panel import queries
from maatwerk.panel.models import ContactRules, Invitation, PanelSurvey
from maatwerk.panel.sampling import SKIP_MAX_PER_YEAR, SKIP_TOO_RECENT, current_rules, rule_skips

from .helpers import make_members, make_plan

pytestmark = pytest.mark.django_db


def _history(researcher, client, days_ago: list[int], *, status="sent", reminder="none"):
    """Earlier invitations of one member, each in its own (sent) plan."""
    now = timezone.now()
    for days in days_ago:
        plan = make_plan(researcher)
        PanelSurvey.objects.filter(pk=plan.pk).update(
            status="sent", planned_at=now, expires_at=now + dt.timedelta(days=30)
        )
        Invitation.objects.create(
            plan=plan,
            client=client,
            stratum="all",
            status=status,
            created_at=now - dt.timedelta(days=days),
            sent_at=now - dt.timedelta(days=days) if status == "sent" else None,
            reminder=reminder,
        )


def test_defaults_are_twelve_a_year_and_fourteen_days():
    rules = current_rules()
    assert (rules.max_per_year, rules.min_days_between) == (12, 14)


def test_members_over_a_limit_are_skipped_and_counted(adviser, researcher):
    full, recent, fine, old = make_members(4, adviser=adviser)
    _history(researcher, full, [20 + 25 * n for n in range(12)])  # 12 in the last year
    _history(researcher, recent, [3])
    _history(researcher, fine, [20, 40])
    _history(researcher, old, [400 + n for n in range(12)])  # more than a year ago
    skips = rule_skips(current_rules(), timezone.now())
    assert skips == {full.pk: SKIP_MAX_PER_YEAR, recent.pk: SKIP_TOO_RECENT}
    plan = make_plan(researcher, target=10)
    report = queries.preview(plan).report
    assert report["totals"]["max_per_year"] == 1
    assert report["totals"]["too_recent"] == 1
    assert report["totals"]["planned"] == 2
    assert report["strata"][0]["skipped"] == {"max_per_year": 1, "too_recent": 1}


def test_reminders_and_cancelled_invitations_do_not_count(adviser, researcher):
    (member,) = make_members(1, adviser=adviser)
    # 11 invitations, each with a reminder: still under 12.
    _history(researcher, member, [20 + 25 * n for n in range(11)], reminder="queued")
    _history(researcher, member, [5], status="cancelled")
    assert rule_skips(current_rules(), timezone.now()) == {}


def test_rules_are_data(adviser, researcher):
    (member,) = make_members(1, adviser=adviser)
    _history(researcher, member, [20, 50])
    ContactRules.objects.create(pk=1, max_per_year=2, min_days_between=30)
    assert rule_skips(current_rules(), timezone.now()) == {member.pk: SKIP_MAX_PER_YEAR}


def test_an_exception_with_a_reason_invites_members_over_the_limit(adviser, researcher):
    (member,) = make_members(1, adviser=adviser)
    _history(researcher, member, [2])
    plain = make_plan(researcher, target=1)
    assert queries.preview(plain).report["totals"]["planned"] == 0
    reason = "Evaluatie van de storing van vorige week, alle leden nodig."
    special = make_plan(researcher, target=1, rules_exception=True, exception_reason=reason)
    report = queries.preview(special).report
    assert report["totals"]["planned"] == 1
    assert report["rules_exception"] is True
    from maatwerk.audit.models import AuditEntry

    entry = AuditEntry.objects.filter(action="panel.plan_created", object_id=str(special.pk)).get()
    assert entry.reason == reason
    assert entry.data["rules_exception"] is True


def test_members_without_email_are_sampled_to_be_invited_by_letter(adviser, researcher):
    make_members(2, adviser=adviser)
    make_members(1, adviser=adviser, email="")
    plan = make_plan(researcher, target=5)
    totals = queries.preview(plan).report["totals"]
    assert (totals["by_letter"], totals["planned"]) == (1, 3)
    assert "no_email" not in totals
