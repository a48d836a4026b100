import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from maatwerk.core.tests import factories
from maatwerk.panel import actions, queries
from maatwerk.panel.models import Invitation
from maatwerk.panel.sampling import allocate, current_rules, draw_sample
from maatwerk.panel.strata import Bands, months_between, years_between

from .helpers import make_members, make_plan, published_survey


def test_allocate_is_proportional_with_largest_remainder():
    sizes = {"a": 300, "b": 100, "c": 50}
    assert allocate(sizes, sizes, 45) == {"a": 30, "b": 10, "c": 5}
    assert sum(allocate(sizes, sizes, 7).values()) == 7


def test_allocate_gives_what_a_full_stratum_cannot_take_to_the_others():
    sizes = {"a": 100, "b": 100}
    assert allocate(sizes, {"a": 5, "b": 100}, 40) == {"a": 5, "b": 35}
    assert allocate(sizes, {"a": 5, "b": 10}, 40) == {"a": 5, "b": 10}  # not enough members
    assert allocate({"a": 0}, {"a": 0}, 10) == {"a": 0}


def test_age_and_duration_arithmetic():
    today = dt.date(2026, 11, 23)
    assert years_between(dt.date(2000, 11, 23), today) == 26
    assert years_between(dt.date(2000, 11, 24), today) == 25
    assert months_between(dt.date(2026, 8, 23), today) == 3
    assert months_between(dt.date(2026, 8, 24), today) == 2


@pytest.mark.django_db
def test_sample_is_proportional_per_region_and_deterministic(adviser, office, researcher):
    other_office = factories.OfficeFactory()
    other_adviser = factories.make_staff("Adviseur werk", offices=[other_office])
    make_members(30, adviser=adviser)
    make_members(10, adviser=other_adviser)
    members = queries.members()
    args = {
        "members": members,
        "dimensions": ["region"],
        "target_size": 8,
        "rules": current_rules(),
    }
    first = draw_sample(seed=1, rules_exception=False, **args)
    again = draw_sample(seed=1, rules_exception=False, **args)
    other = draw_sample(seed=2, rules_exception=False, **args)
    assert first.chosen == again.chosen
    assert first.chosen != other.chosen
    planned = {s["label"]: s["planned"] for s in first.report["strata"]}
    assert planned == {office.region.name: 6, other_office.region.name: 2}
    assert first.report["totals"]["planned"] == 8
    assert first.report["seed"] == 1


@pytest.mark.django_db
def test_strata_by_age_and_duration_bands(adviser, researcher):
    today = timezone.localdate()
    make_members(4, adviser=adviser, born=today.replace(year=today.year - 30))
    make_members(4, adviser=adviser, born=today.replace(year=today.year - 60))
    sample = draw_sample(
        members=queries.members(),
        dimensions=["age", "duration"],
        target_size=4,
        seed=3,
        rules=current_rules(),
        rules_exception=False,
    )
    labels = {s["label"].split(" · ")[0]: s["planned"] for s in sample.report["strata"]}
    assert labels == {"27 tot 45": 2, "55 en ouder": 2}
    assert Bands.load().age[0].label == "jonger dan 27"


@pytest.mark.django_db
def test_confirm_writes_the_previewed_sample_once(adviser, researcher, no_worker):
    make_members(12, adviser=adviser)
    plan = make_plan(researcher, target=5)
    preview = queries.preview(plan)
    plan = actions.confirm_plan(plan=plan, user=researcher.user)
    assert plan.status == "sending"
    chosen = sorted(i for ids in preview.chosen.values() for i in ids)
    assert sorted(plan.invitations.values_list("client_id", flat=True)) == chosen
    assert plan.report["totals"]["planned"] == 5
    actions.confirm_plan(plan=plan, user=researcher.user)  # twice: nothing more
    assert plan.invitations.count() == 5
    assert set(plan.invitations.values_list("status", flat=True)) == {Invitation.Status.PLANNED}


@pytest.mark.django_db
def test_plan_needs_a_published_survey_and_a_reason_for_an_exception(adviser, researcher):
    survey = published_survey()
    survey.status = "draft"
    survey.published_at = None
    survey.save()
    with pytest.raises(ValidationError) as error:
        make_plan(researcher, survey, rules_exception=True, exception_reason="kort")
    assert set(error.value.message_dict) == {"survey", "exception_reason"}
    with pytest.raises(ValidationError):
        make_plan(researcher, target=0)


@pytest.mark.django_db
def test_empty_sample_is_refused(adviser, researcher):
    plan = make_plan(researcher)
    with pytest.raises(ValidationError):
        actions.confirm_plan(plan=plan, user=researcher.user)
