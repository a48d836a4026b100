"""A practice session looks like the client portal, with one bar to stop; stopping returns the
staff member to their own screens (ADR 0039)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    return re.search(r'<nav aria-label="Hoofdmenu".*?</nav>', html, re.S).group(0)


def _stop_form(html: str) -> str | None:
    """The inside of the form that posts to "stop practising", if the page has one."""
    forms = re.findall(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    return next((body for action, body in forms if action == reverse("portal:practice_stop")), None)


def test_practice_shows_the_client_menu_and_one_stop_bar(login, adviser):
    web = login(adviser.user)
    web.post(reverse("portal:practice_start"))
    page = web.get(reverse("portal:home")).text
    menu = _nav(page)
    assert reverse("portal:home") in menu
    assert reverse("letters:mine") in menu and reverse("messaging:client_inbox") in menu
    assert reverse("clients:caseload") not in menu  # no staff link in the client's header
    assert page.count("Stoppen met oefenen") == 1
    stop = _stop_form(page)
    assert stop is not None and "csrfmiddlewaretoken" in stop and "Stoppen met oefenen" in stop


def test_every_client_page_gets_the_client_menu_while_practising(login, adviser):
    web = login(adviser.user)
    web.post(reverse("portal:practice_start"))
    for route in ("letters:mine", "portal:contact_preferences", "serviceplan:mine"):
        menu = _nav(web.get(reverse(route)).text)
        assert reverse("letters:mine") in menu, route
        assert reverse("clients:caseload") not in menu, route


def test_stopping_returns_to_the_staff_screens(login, adviser):
    web = login(adviser.user)
    web.post(reverse("portal:practice_start"))
    response = web.post(reverse("portal:practice_stop"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("clients:caseload")
    page = response.text
    assert "Stoppen met oefenen" not in page
    assert reverse("clients:caseload") in _nav(page)
    assert reverse("letters:mine") not in _nav(page)
    assert "Je bent gestopt met oefenen" in page


def test_stopping_is_a_post(login, adviser):
    web = login(adviser.user)
    web.post(reverse("portal:practice_start"))
    assert web.get(reverse("portal:practice_stop")).status_code == 405
    assert "Stoppen met oefenen" in web.get(reverse("portal:home")).text


def test_a_staff_page_during_practice_keeps_the_staff_menu_and_the_bar(login, adviser):
    web = login(adviser.user)
    web.post(reverse("portal:practice_start"))
    page = web.get(reverse("clients:caseload")).text
    assert reverse("clients:caseload") in _nav(page)
    assert "Stoppen met oefenen" in page


def test_without_practice_a_staff_member_never_gets_the_client_menu(login, adviser):
    page = login(adviser.user).get(reverse("clients:caseload")).text
    assert reverse("letters:mine") not in _nav(page)
    assert "Stoppen met oefenen" not in page
