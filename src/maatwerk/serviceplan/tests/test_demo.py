"""The demo step: plans for the demo adviser's clients, bounded; the `klant` log-in has one."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from maatwerk.core.tests import factories
from maatwerk.serviceplan import call_list, demo, queries
from maatwerk.serviceplan.models import Plan

pytestmark = pytest.mark.django_db


def test_demo_plans(office):
    adviser = factories.make_staff("Adviseur werk", offices=[office], username="adviseur")
    start = timezone.localdate() - dt.timedelta(days=60)
    end = start + dt.timedelta(days=210)
    klant = factories.make_client(
        contact_person=adviser, user=True, benefit_start=start, benefit_expected_end=end
    )
    get_user_model().objects.filter(pk=klant.user_id).update(username="klant")
    for _ in range(demo.DEMO_PLANS + 3):
        factories.make_client(contact_person=adviser, benefit_start=start, benefit_expected_end=end)
    messages = []
    demo.load(messages.append)
    assert Plan.objects.count() == demo.DEMO_PLANS, messages
    assert queries.current_plan(klant) is not None
    assert queries.open_requests(klant).exists()
    assert call_list.build(adviser, timezone.localdate()).calls
    assert messages


def test_demo_without_adviser_does_nothing(db):
    demo.load()
    assert not Plan.objects.exists()
