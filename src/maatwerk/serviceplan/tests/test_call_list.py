"""The call list: every source merged, own clients only, each call at a time the client allows,
sorted by time; a client whose windows do not fit the day is listed at the next possible moment."""

import datetime as dt

import pytest
from django.urls import reverse

from maatwerk.core.call_list import CallItem, register_source, unregister_source
from maatwerk.core.tests import factories
from maatwerk.serviceplan import actions, call_list
from maatwerk.serviceplan.call_list import Window, first_moment

from .helpers import TALK, service

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 11, 23)


def window(starts, ends, weekday=None):
    return {"weekday": weekday, "starts": dt.time(*starts), "ends": dt.time(*ends)}


def client_with(adviser, *windows, **fields):
    return factories.make_client(
        contact_person=adviser, preference={"channel": "phone", "windows": list(windows)}, **fields
    )


@pytest.fixture
def test_source():
    """A source registered for the test only, returning what the test puts in ``items``."""
    items: list[CallItem] = []

    def source(staff, day):
        return [item for item in items if item.client.pk]

    register_source(source)
    yield items
    unregister_source(source)


def test_first_moment_rules():
    every_day_10 = [Window(None, dt.time(10), dt.time(12))]
    assert first_moment(every_day_10, MONDAY) == (MONDAY, dt.time(10))
    assert first_moment(every_day_10, MONDAY, dt.time(11)) == (MONDAY, dt.time(11))
    # Past the window today: the next working day at the start of the window.
    assert first_moment(every_day_10, MONDAY, dt.time(12)) == (
        MONDAY + dt.timedelta(1),
        dt.time(10),
    )
    # Saturday: working-day windows move to Monday.
    saturday = dt.date(2026, 11, 21)
    assert first_moment(every_day_10, saturday) == (MONDAY, dt.time(10))
    thursdays = [Window(3, dt.time(14), dt.time(16))]
    assert first_moment(thursdays, MONDAY) == (dt.date(2026, 11, 26), dt.time(14))
    assert first_moment([], MONDAY) is None


def test_merged_sources_sorted_by_the_time_clients_allow(adviser, test_source):
    late = client_with(adviser, window((13, 0), (15, 0)), first_name="Laat")
    early = client_with(adviser, window((9, 0), (11, 0)), first_name="Vroeg")
    thursday = client_with(adviser, window((10, 0), (12, 0), weekday=3), first_name="Donderdag")
    test_source.extend(
        [
            CallItem(late, "Bericht wacht op antwoord", "/a/", "test"),
            CallItem(early, "Herinnering afspraak", "/b/", "test", not_before=dt.time(10, 30)),
            CallItem(thursday, "Gesprek plannen", "/c/", "test"),
        ]
    )
    actions.decide_plan(client=early, services=[service(TALK)], user=adviser.user, today=MONDAY)
    result = call_list.build(adviser, MONDAY)
    today = [(c.item.client.first_name, c.at, c.item.source) for c in result.today]
    assert today == [
        ("Vroeg", dt.time(9), "serviceplan"),  # the cycle's own source: conversation due
        ("Vroeg", dt.time(10, 30), "test"),  # not before the time the source gave
        ("Laat", dt.time(13), "test"),
    ]
    # Not hidden: listed at the next moment the client allows.
    [later] = result.later
    assert later.item.client == thursday
    assert (later.day, later.at) == (dt.date(2026, 11, 26), dt.time(10))


def test_without_windows_the_office_opening_hours_count(adviser, test_source):
    someone = factories.make_client(contact_person=adviser)
    test_source.append(CallItem(someone, "Bellen", "/x/", "test"))
    [call] = call_list.build(adviser, MONDAY).today
    assert call.at == dt.time(8, 30)  # the factory office opens at 8:30


def test_only_own_clients_even_when_a_source_returns_others(adviser, other_adviser, test_source):
    mine = factories.make_client(contact_person=adviser)
    theirs = factories.make_client(contact_person=other_adviser)
    test_source.extend(
        [CallItem(mine, "Bellen", "/x/", "test"), CallItem(theirs, "Bellen", "/y/", "test")]
    )
    assert [c.item.client for c in call_list.build(adviser, MONDAY).calls] == [mine]
    assert [c.item.client for c in call_list.build(other_adviser, MONDAY).calls] == [theirs]


def test_a_manager_sees_only_the_clients_of_their_own_offices(office, manager, test_source):
    elsewhere = factories.OfficeFactory()
    adviser = factories.make_staff("Adviseur werk", offices=[office, elsewhere])
    here = factories.make_client(contact_person=adviser, office=office)
    there = factories.make_client(contact_person=adviser, office=elsewhere)
    test_source.extend(
        [CallItem(here, "Bellen", "/x/", "test"), CallItem(there, "Bellen", "/y/", "test")]
    )
    own_view = call_list.build(adviser, MONDAY, viewer=adviser.user)
    assert {c.item.client for c in own_view.calls} == {here, there}
    managers_view = call_list.build(adviser, MONDAY, viewer=manager.user)
    assert [c.item.client for c in managers_view.calls] == [here]


def test_a_broken_source_does_not_take_the_list_down(adviser, test_source):
    def broken(staff, day):
        raise RuntimeError("down")

    register_source(broken)
    try:
        someone = factories.make_client(contact_person=adviser)
        test_source.append(CallItem(someone, "Bellen", "/x/", "test"))
        result = call_list.build(adviser, MONDAY)
    finally:
        unregister_source(broken)
    assert len(result.calls) == 1 and result.failed_sources


# --- the page -----------------------------------------------------------------------------------


def test_page_shows_the_day(login, adviser, test_source):
    someone = client_with(adviser, window((10, 0), (12, 0)), first_name="Fatima", surname="Amrani")
    test_source.append(CallItem(someone, "Bericht <b>wacht</b>", "/x/", "test"))
    response = login(adviser.user).get(reverse("serviceplan:call_list"), {"datum": "2026-11-23"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fatima Amrani" in html and "vanaf 10:00" in html
    assert "Bericht &lt;b&gt;wacht&lt;/b&gt;" in html


@pytest.mark.parametrize("bad", ["morgen", "2026-13-01", "2026-02-30", "99999-01-01", "\x00"])
def test_bad_date_is_a_clear_error(login, adviser, bad):
    response = login(adviser.user).get(reverse("serviceplan:call_list"), {"datum": bad})
    assert response.status_code == 400
    assert "Dit is geen geldige datum" in response.content.decode()


@pytest.mark.parametrize("far", ["9999-12-31", "0001-01-01"])
def test_a_day_far_away_is_a_clear_error(login, adviser, far):
    response = login(adviser.user).get(reverse("serviceplan:call_list"), {"datum": far})
    assert response.status_code == 400
    assert "Kies een dag binnen een jaar van vandaag." in response.content.decode()


def test_manager_views_an_advisers_list_of_their_office(login, adviser, manager, test_source):
    someone = factories.make_client(contact_person=adviser, first_name="Karin")
    test_source.append(CallItem(someone, "Bellen", "/x/", "test"))
    url = reverse("serviceplan:call_list")
    response = login(manager.user).get(url, {"adviseur": adviser.pk, "datum": "2026-11-23"})
    assert response.status_code == 200
    assert "Karin" in response.content.decode()


def test_manager_cannot_view_an_adviser_of_another_office(login, manager):
    elsewhere = factories.make_staff("Adviseur werk")
    factories.make_client(contact_person=elsewhere)
    url = reverse("serviceplan:call_list")
    response = login(manager.user).get(url, {"adviseur": elsewhere.pk})
    assert response.status_code == 400
    assert "Kies een adviseur van je eigen vestiging" in response.content.decode()
    assert login(manager.user).get(url, {"adviseur": "abc"}).status_code == 400


def test_adviser_cannot_view_a_colleagues_list(login, adviser, other_adviser):
    factories.make_client(contact_person=other_adviser)
    url = reverse("serviceplan:call_list")
    response = login(adviser.user).get(url, {"adviseur": other_adviser.pk})
    assert response.status_code == 403
