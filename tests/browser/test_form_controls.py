"""A chosen answer looks chosen (WCAG 1.4.11): on the forms clients and advisers use most, each
kind of form control is pictured before and after it is chosen, and the pictures must differ.

The picture is the control alone (Playwright's element screenshot), with the pointer away and the
focus elsewhere, so only the choice itself can make the difference. A radio button without the
Utrecht ``--html-input`` class is drawn the same checked or not: that is what these tests catch.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, expect

from maatwerk.appointments.tests.helpers import available, client_with_windows
from maatwerk.serviceplan import actions as plan_actions
from maatwerk.serviceplan.models import ServiceType
from maatwerk.surveys.tests.helpers import build_survey
from maatwerk.surveys.tests.helpers import researcher as make_researcher
from maatwerk.werkverkenner.tests.helpers import activate_test_model

pytestmark = pytest.mark.browser


def looks(control: Locator) -> bytes:
    """How the control is drawn at rest: no pointer over it, no focus on it."""
    control.page.mouse.move(0, 0)
    if control.evaluate("element => element === document.activeElement"):
        control.blur()
    return control.screenshot(animations="disabled", caret="hide")


def assert_choice_shows(control: Locator, choose, *, also_changes: Locator | None = None) -> None:
    """Choosing (``choose()``) changes how ``control`` looks, and for a radio button the one
    chosen before (``also_changes``) changes back."""
    before = looks(control)
    before_other = looks(also_changes) if also_changes is not None else None
    choose()
    assert looks(control) != before, "the control looks the same after it was chosen"
    if also_changes is not None:
        assert looks(also_changes) != before_other, "the earlier choice still looks chosen"


def assert_focus_shows(control: Locator) -> None:
    """Reaching the control with the keyboard draws a focus ring around it."""
    at_rest = looks(control)
    control.focus()
    control.page.keyboard.press("Shift+Tab")
    control.page.keyboard.press("Tab")
    expect(control).to_be_focused()
    assert control.screenshot(animations="disabled", caret="hide") != at_rest, "no visible focus"


def test_werkverkenner_answers(visit, client_record):
    activate_test_model()
    page = visit.page
    visit.login(client_record.user.username)
    visit.goto("/mijn/werkverkenner/")
    page.get_by_role("button", name="Beginnen").click()
    age = page.get_by_role("group", name="Hoe oud bent u?")
    prefilled = age.get_by_label("45 tot 55 jaar")
    expect(prefilled).to_be_checked()  # from the records; it must look it, too
    younger = age.get_by_label("Jonger dan 27 jaar")
    assert looks(prefilled) != looks(younger)
    assert_choice_shows(younger, younger.check, also_changes=prefilled)
    assert_focus_shows(younger)
    years = page.get_by_label("Hoeveel jaar heeft u in totaal betaald gewerkt?")
    assert_choice_shows(years, lambda: years.fill("12"))
    visit.check()


def test_appointment_kind_and_time(visit, office, adviser, client_record):
    available(adviser, office)
    page = visit.page
    visit.login(client_record.user.username)
    visit.goto("/mijn/afspraken/nieuw/")
    in_person = page.get_by_label("Persoonlijk gesprek op het werkplein")
    assert_choice_shows(in_person, in_person.check)
    page.get_by_role("button", name="Vrije tijden bekijken").click()
    page.get_by_role("link", name="Volgende week").click()
    expect(page.get_by_text("Week 2 van 4")).to_be_visible()
    times = page.locator("input[name=tijd]")
    assert_choice_shows(times.nth(1), times.nth(1).check)
    assert_choice_shows(times.first, times.first.check, also_changes=times.nth(1))
    visit.check()


def test_compliment_recipient_and_anonymous(visit, client_record, adviser):
    page = visit.page
    visit.login(client_record.user.username)
    visit.goto("/mijn/complimenten/nieuw/")
    recipient = page.get_by_label("Sanne Bakker (Adviseur werk)")
    assert_choice_shows(recipient, recipient.check)
    anonymous = page.locator("input[type=checkbox][name=anonymous]")
    assert_choice_shows(anonymous, anonymous.check)
    assert_choice_shows(anonymous, anonymous.uncheck)
    text = page.get_by_label("Uw compliment")
    assert_choice_shows(text, lambda: text.fill("Sanne belde terug toen ze dat beloofde."))
    visit.check()


def test_survey_choices(visit, office, client_record):
    survey = build_survey(make_researcher(office).user)
    page = visit.page
    visit.login(client_record.user.username)
    visit.goto(f"/mijn/vragenlijsten/{survey.pk}/")
    page.get_by_role("button", name="Beginnen").click()
    score = page.get_by_role("group", name="Hoe tevreden bent u?").get_by_label("4")
    assert_choice_shows(score, score.check)
    page.get_by_role("group", name="Hoe had u contact?").get_by_label("Online").check()
    page.get_by_role("group", name="Kreeg u hulp?").get_by_label("Ja").check()
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Over de hulp")
    cv = page.get_by_role("group", name="Welke hulp?").get_by_label("Cv")
    assert_choice_shows(cv, cv.check)
    visit.check()


def test_plan_request_and_decision(visit, client_record, adviser):
    talk = ServiceType.objects.get(code="persoonlijk-gesprek")
    plan_actions.decide_plan(
        client=client_record, services=[talk], user=adviser.user, today=timezone.localdate()
    )
    page = visit.page
    visit.login(client_record.user.username)
    visit.goto("/mijn/plan/")
    training = page.get_by_label("Netwerktraining")
    assert_choice_shows(training, training.check)
    visit.check()
    visit.logout()

    visit.login(adviser.user.username)
    visit.goto(f"/werk/plan/{client_record.pk}/")
    workshop = page.get_by_label("Workshop solliciteren")
    assert_choice_shows(workshop, workshop.check)
    held = page.get_by_label("Ik heb dit gesprek met de cliënt gehouden")
    assert_choice_shows(held, held.check)
    visit.check()


def test_contact_preferences(visit, office, adviser):
    client = client_with_windows(
        adviser, [{"weekday": None, "starts": dt.time(10), "ends": dt.time(17)}]
    )
    page = visit.page
    visit.login(client.user.username)
    visit.goto("/mijn/contact/")
    phone = page.get_by_role("group", name="Hoe wilt u het liefst contact?").get_by_label(
        "telefoon"
    )
    assert_choice_shows(phone, phone.check)
    day = page.get_by_role("group", name="Tijd 1").get_by_label("Dag")
    assert_choice_shows(day, lambda: day.select_option(label="maandag"))
    assert_focus_shows(day)
    needs = page.get_by_label("Wat heeft u nodig om goed mee te doen?")
    assert_choice_shows(needs, lambda: needs.fill("Een ingang zonder trap."))
    visit.check()
