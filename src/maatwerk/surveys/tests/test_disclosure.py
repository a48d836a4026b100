"""Survey results never reveal one person: not by subtracting one filter from another, not by
reading before and after a known client completes, not for any filter combination
(docs/adr/0028-disclosure-control.md). Practice accounts never count."""

import csv
import io
from itertools import combinations

import pytest
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maatwerk.core.tests import factories
from maatwerk.portal.actions import open_practice_account
from maatwerk.surveys import actions, queries, tallies
from maatwerk.surveys.models import Tally
from maatwerk.surveys.results import summarise

K = 10


def _answer(survey, client, tevreden: int, hulp="nee"):
    response = actions.start_response(survey=survey, client=client)
    first = survey.pages.order_by("order").first()
    actions.save_answers(
        response=response,
        page=first,
        answers={"v1": tevreden, "v2": "online", "v3": hulp},
    )
    if hulp == "ja":
        second = survey.pages.order_by("order")[1]
        actions.save_answers(response=response, page=second, answers={"v4": ["cv"], "v5": ""})
    return actions.complete(response=response)


def _clients(office, n):
    staff = factories.make_staff(offices=[office])
    return [factories.make_client(contact_person=staff, office=office) for _ in range(n)]


def _lines(result) -> dict:
    return {r.question.code: (r.respondents, [line.count for line in r.lines]) for r in result}


def _no_small_difference(bigger, smaller):
    """Two shown results whose people nest: their difference is nobody or at least K people."""
    if bigger.suppressed or smaller.suppressed:
        return
    assert bigger.respondents - smaller.respondents in {0} | set(range(K, 10**6))
    for big, small in zip(bigger.questions, smaller.questions, strict=True):
        if big.suppressed or small.suppressed:
            continue
        gap = big.respondents - small.respondents
        assert gap == 0 or gap >= K, big.question.code
        if gap == 0:
            assert [line.count for line in big.lines] == [line.count for line in small.lines]


def test_a_region_minus_its_visible_office_does_not_give_a_hidden_office(survey, office):
    """The reported attack: 12 respondents at one office, 1 at another office of the same
    region. Region minus office gave the single respondent's answers exactly."""
    lonely_office = factories.OfficeFactory(region=office.region)
    for i, client in enumerate(_clients(office, 12)):
        _answer(survey, client, tevreden=4 + i % 2)
    [lonely] = _clients(lonely_office, 1)
    _answer(survey, lonely, tevreden=1, hulp="ja")
    region = summarise(survey, region=office.region)
    own = summarise(survey, office=office)
    assert not region.suppressed
    _no_small_difference(region, own)
    whole = summarise(survey)
    _no_small_difference(whole, own)
    _no_small_difference(whole, region)
    hidden = summarise(survey, office=lonely_office)
    assert hidden.suppressed and all(q.suppressed for q in hidden.questions)


def test_reading_before_and_after_a_known_client_completes_shows_nothing_of_them(survey, office):
    for client in _clients(office, 12):
        _answer(survey, client, tevreden=5)
    before = summarise(survey)
    [known] = _clients(office, 1)
    _answer(survey, known, tevreden=1, hulp="ja")
    after = summarise(survey)
    _no_small_difference(after, before)
    assert _lines(after.questions) == _lines(before.questions)
    # Results do move, once enough new people have answered.
    for client in _clients(office, K):
        _answer(survey, client, tevreden=3)
    later = summarise(survey)
    assert later.respondents == 2 * K
    _no_small_difference(later, after)


def test_open_answers_wait_for_their_release(survey, office, login, onderzoeker):
    for i, client in enumerate(_clients(office, K)):
        response = actions.start_response(survey=survey, client=client)
        pages = list(survey.pages.order_by("order"))
        actions.save_answers(
            response=response, page=pages[0], answers={"v1": 3, "v2": "online", "v3": "ja"}
        )
        actions.save_answers(
            response=response, page=pages[1], answers={"v4": ["cv"], "v5": f"eerder {i}"}
        )
        actions.complete(response=response)
    [known] = _clients(office, 1)
    response = actions.start_response(survey=survey, client=known)
    pages = list(survey.pages.order_by("order"))
    actions.save_answers(
        response=response, page=pages[0], answers={"v1": 1, "v2": "online", "v3": "ja"}
    )
    actions.save_answers(
        response=response, page=pages[1], answers={"v4": ["cv"], "v5": "herkenbaar verhaal"}
    )
    actions.complete(response=response)
    page = login(onderzoeker.user).get(reverse("surveys:results", args=[survey.pk]))
    assert "eerder 9" in page.text and "herkenbaar verhaal" not in page.text


def test_practice_accounts_are_not_counted_or_exported(survey, office, login, onderzoeker):
    clients = _clients(office, K)
    for client in clients:
        _answer(survey, client, tevreden=5)
    practice = open_practice_account(staff=factories.make_staff(offices=[office]))
    _answer(survey, practice, tevreden=1)
    assert queries.respondent_client_ids(survey) == {c.pk for c in clients}
    running = Tally.objects.filter(survey=survey, is_primary=True, question__code="v1")
    assert running.aggregate(n=Sum("count"))["n"] == K
    tallies.rebuild(survey.pk)
    assert running.aggregate(n=Sum("count"))["n"] == K
    summary = summarise(survey)
    assert summary.respondents == K
    tevreden = next(q for q in summary.questions if q.question.code == "v1")
    assert tevreden.lines[0].count == 0  # the practice answer "1" is not there
    text = (
        login(onderzoeker.user)
        .post(reverse("surveys:export", args=[survey.pk]), {"file_format": "csv", "link_key": ""})
        .content.decode("utf-8-sig")
    )
    assert len(list(csv.reader(io.StringIO(text), delimiter=";"))) == 1 + K


def test_a_small_office_is_not_named_in_the_export(survey, office, login, onderzoeker):
    lonely_office = factories.OfficeFactory(region=office.region)
    for client in _clients(office, 12):
        _answer(survey, client, tevreden=5)
    [lonely] = _clients(lonely_office, 1)
    _answer(survey, lonely, tevreden=1)
    text = (
        login(onderzoeker.user)
        .post(reverse("surveys:export", args=[survey.pk]), {"file_format": "csv", "link_key": ""})
        .content.decode("utf-8-sig")
    )
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))[1:]
    assert lonely_office.name not in text
    # Its own office's name would give the lonely one away by elimination: not named either.
    assert {row[3] for row in rows} == {""}
    assert {row[4] for row in rows} == {office.region.name}


# --- property: random filter combinations never reveal a group under the minimum ---------------

SMALL_K = 3


@pytest.fixture
def places(office):
    """Two regions, two offices each, and a pool of clients per office."""
    other_region = factories.OfficeFactory().region
    offices = [
        office,
        factories.OfficeFactory(region=office.region),
        factories.OfficeFactory(region=other_region),
        factories.OfficeFactory(region=other_region),
    ]
    return {o: _clients(o, 7) for o in offices}


@override_settings(VOICE_MIN_GROUP_SIZE=SMALL_K)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_filter_combination_reveals_a_small_group(survey, places, data):
    offices = list(places)
    arrivals = data.draw(
        st.lists(
            st.tuples(st.integers(0, 3), st.integers(1, 5), st.booleans()),
            min_size=1,
            max_size=14,
        )
    )
    read_after = data.draw(st.sets(st.integers(0, len(arrivals) - 1), min_size=1, max_size=4))
    filters = [(None, None)]
    for o in offices:
        filters += [(o, None), (None, o.region), (o, o.region)]
    used = dict.fromkeys(offices, 0)
    with transaction.atomic():
        moments = []
        for i, (which, tevreden, help_) in enumerate(arrivals):
            office = offices[which]
            if used[office] == len(places[office]):
                continue
            client = places[office][used[office]]
            used[office] += 1
            _answer(survey, client, tevreden=tevreden, hulp="ja" if help_ else "nee")
            if i in read_after:
                moments.append(
                    {f: summarise(survey, office=f[0], region=f[1]) for f in set(filters)}
                )
        shown = [
            (time, f, result)
            for time, figures in enumerate(moments)
            for f, result in figures.items()
        ]
        for (t1, f1, r1), (t2, f2, r2) in combinations(shown, 2):
            if _within(f1, f2) and t1 <= t2:
                _assert_gap(r2, r1)
            elif _within(f2, f1) and t2 <= t1:
                _assert_gap(r1, r2)
        for _time, _f, result in shown:
            if not result.suppressed:
                assert result.respondents >= SMALL_K
            for question in result.questions:
                assert question.suppressed or question.respondents >= SMALL_K
        transaction.set_rollback(True)


def _within(inner, outer) -> bool:
    """Every respondent of filter ``inner`` is in filter ``outer`` (offices keep their region)."""
    inner_office, inner_region = inner
    outer_office, outer_region = outer
    if outer_office is not None and inner_office != outer_office:
        return False
    if outer_region is None:
        return True
    region = inner_region or (inner_office.region if inner_office else None)
    return region == outer_region


def _assert_gap(bigger, smaller):
    if bigger.suppressed or smaller.suppressed:
        return
    assert bigger.respondents - smaller.respondents in {0} | set(range(SMALL_K, 10**6))
    for big, small in zip(bigger.questions, smaller.questions, strict=True):
        if not (big.suppressed or small.suppressed):
            gap = big.respondents - small.respondents
            assert gap == 0 or gap >= SMALL_K, big.question.code
            assert all(
                b >= s
                for b, s in zip(
                    [line.count for line in big.lines],
                    [line.count for line in small.lines],
                    strict=True,
                )
            )
