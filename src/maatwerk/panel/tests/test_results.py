"""Response rate per stratum and representativeness, with the minimum group size."""

import pytest
from django.urls import reverse

from maatwerk.core.tests import factories
from maatwerk.panel import actions, queries, tasks

from .helpers import make_members, make_plan

pytestmark = pytest.mark.django_db


def _plan_with_answers(adviser, researcher, answered: int, members: int = 12, target=None):
    make_members(members, adviser=adviser)
    plan = actions.confirm_plan(
        plan=make_plan(researcher, target=target or members), user=researcher.user
    )
    tasks.run_invitations(plan.pk)
    office = adviser.offices.first()
    for invitation in plan.invitations.filter(client__office=office).select_related("client")[
        :answered
    ]:
        actions.mark_answered(survey=plan.survey, client=invitation.client)
    return plan


def test_small_groups_read_too_few(adviser, researcher, no_worker, settings):
    plan = _plan_with_answers(adviser, researcher, answered=9)
    rows, total = queries.response_rates(plan)
    assert rows[0]["too_few"] and rows[0]["rate"] is None and rows[0]["answered"] is None
    assert total["too_few"]
    region = queries.representativeness(plan)[0]
    assert region["rows"][0]["cells"][0] == {"too_few": True}
    settings.VOICE_MIN_GROUP_SIZE = 5
    rows, total = queries.response_rates(plan)
    # 9 answers show in steps of five: 5 of 12 invited.
    assert rows[0]["rate"] == 42 and total["answered"] == 5


def test_rates_and_comparison_at_ten(adviser, researcher, no_worker, login):
    other_office = factories.OfficeFactory()
    other_adviser = factories.make_staff("Adviseur werk", offices=[other_office])
    make_members(3, adviser=other_adviser)  # a small region in the panel
    plan = _plan_with_answers(adviser, researcher, answered=10, members=12, target=15)
    rows, total = queries.response_rates(plan)
    rates = {row["label"]: row for row in rows}
    big = rates[adviser.offices.first().region.name]
    assert (big["invited"], big["answered"], big["rate"]) == (12, 10, 83)
    assert rates[other_office.region.name]["too_few"]
    tables = queries.representativeness(plan)
    assert [t["dimension"] for t in tables] == ["regio", "leeftijd", "duur uitkering"]
    region_rows = {row["label"]: row["cells"] for row in tables[0]["rows"]}
    respondents, panel, clients = region_rows[adviser.offices.first().region.name]
    assert respondents == {"too_few": False, "count": 10, "percent": 100}
    assert panel["count"] == 10  # 12 members, shown in steps of ten
    assert region_rows[other_office.region.name][1] == {"too_few": True}
    page = login(researcher.user).get(reverse("panel:plan", args=[plan.pk])).text
    assert "Te weinig reacties" in page and "83%" in page


def test_no_stratum_found_by_difference_or_by_reading_twice(adviser, researcher, no_worker):
    """A small stratum is not the total minus the shown ones, and one more answer does not move
    the figures (read before and after a known member answers)."""
    other_office = factories.OfficeFactory()
    other_adviser = factories.make_staff("Adviseur werk", offices=[other_office])
    make_members(3, adviser=other_adviser)
    plan = _plan_with_answers(adviser, researcher, answered=12, members=13, target=16)
    lonely = plan.invitations.filter(client__office=other_office).first()
    actions.mark_answered(survey=plan.survey, client=lonely.client)
    rows, total = queries.response_rates(plan)
    shown = sum(row["answered"] for row in rows if not row["too_few"])
    assert total["answered"] - shown in {0} | set(range(10, 10**6))
    known = plan.invitations.filter(client__office=adviser.offices.first(), answered_at=None)
    before = queries.response_rates(plan), queries.representativeness(plan)
    actions.mark_answered(survey=plan.survey, client=known.first().client)
    assert (queries.response_rates(plan), queries.representativeness(plan)) == before
