"""Reflow (WCAG 1.4.10): staff pages that were wider than a 375 px phone now fit it, without
scrolling sideways. A data table may still scroll within its own focusable region."""

import datetime
import uuid

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from maatwerk.core.tests import factories
from maatwerk.feedback import actions as feedback_actions
from maatwerk.letters import actions as letter_actions
from maatwerk.surveys.models import Survey
from maatwerk.surveys.tests.helpers import build_survey

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}

# What sticks out (outside a table's own scroll region), so a failure names the culprit.
WIDEST = """() => [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .filter((el) => !el.parentElement.closest('[role=region]'))
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)"""


def assert_fits_a_phone(visit, path, heading):
    visit.goto(path)
    expect(visit.page.get_by_role("heading", level=1)).to_have_text(heading)
    width = visit.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width}px wide: {visit.page.evaluate(WIDEST)}"
    visit.check()


def test_research_overview_fits_a_phone_and_its_table_scrolls_in_a_named_region(
    visit, office, manager
):
    researcher = factories.make_staff("Klantonderzoeker", offices=[office])
    build_survey(researcher.user, title="Hoe tevreden bent u over onze hulp?")
    build_survey(researcher.user, kind=Survey.Kind.INTERVIEW, title="Interview op de vestiging")
    visit.page.set_viewport_size(PHONE)
    visit.login(manager.user.username)
    assert_fits_a_phone(visit, "/werk/onderzoek/", "Onderzoek")
    region = visit.page.get_by_role("region", name="Vragenlijsten en interviews")
    region.focus()
    expect(region).to_be_focused()


def test_mirror_sessions_fit_a_phone(visit, manager, office):
    feedback_actions.record_session(
        by_user=manager.user,
        kind="mirror",
        held_on=timezone.localdate() - datetime.timedelta(days=1),
        office=office,
        topic="Bereikbaarheid van de adviseurs",
        notes="Terugbellen duurt lang.",
        counts={"clients_count": 6},
        token=uuid.uuid4(),
    )
    visit.page.set_viewport_size(PHONE)
    visit.login(manager.user.username)
    assert_fits_a_phone(visit, "/werk/spiegelgesprekken/", "Spiegelgesprekken en dialoogsessies")


def test_letter_editor_fits_a_phone(visit, office, client_record):
    editor = factories.make_staff("Briefredacteur", offices=[office])
    version = letter_actions.create_template(
        title="Uitnodiging gesprek",
        subject="Een gesprek",
        body="Beste {{ client.first_name }},\n\nKom naar uw afspraak.",
        by_user=editor.user,
    )
    page = visit.page
    page.set_viewport_size(PHONE)
    # Letter-book roles have no home page: "/" answers 403 right after log-in.
    visit.allowed_failed_loads.add(visit.url("/"))
    visit.login(editor.user.username)
    assert_fits_a_phone(visit, "/werk/brieven/nieuw/", "Nieuwe brief")
    assert_fits_a_phone(
        visit,
        f"/werk/brieven/{version.template.pk}/bewerken/",
        "Uitnodiging gesprek: tekst veranderen",
    )


def test_contact_preferences_fit_a_phone(visit, adviser, client_record):
    visit.page.set_viewport_size(PHONE)
    visit.login(adviser.user.username)
    visit.goto(f"/werk/clienten/{client_record.pk}/contactvoorkeuren/")
    width = visit.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{width}px wide: {visit.page.evaluate(WIDEST)}"
    visit.check()


def test_print_queue_fits_a_phone(visit, adviser):
    visit.page.set_viewport_size(PHONE)
    visit.login(adviser.user.username)
    visit.goto("/werk/post/")
    width = visit.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{width}px wide: {visit.page.evaluate(WIDEST)}"
    visit.check()
