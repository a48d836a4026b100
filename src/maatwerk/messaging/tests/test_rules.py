"""Taking and handing over a thread ask the same rules as the pages (ADR 0023): staff of
another office are refused by the action too, not only by the view."""

import pytest
from django.core.exceptions import PermissionDenied

from maatwerk.core.tests import factories
from maatwerk.messaging import actions
from maatwerk.messaging.models import ThreadAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def elsewhere():
    """A staff member who answers messages, at another office than the client's."""
    return factories.make_staff("Adviseur werk", first_name="Kees")


def test_take_refuses_staff_of_another_office(thread, elsewhere):
    with pytest.raises(PermissionDenied):
        actions.take(thread=thread, by_staff=elsewhere)
    assert not ThreadAssignment.objects.exists()


def test_hand_over_refuses_staff_of_another_office(thread, adviser, coach, elsewhere):
    actions.take(thread=thread, by_staff=adviser)
    with pytest.raises(PermissionDenied):
        actions.hand_over(thread=thread, to_staff=coach, by_staff=elsewhere, reason="Drukte")
    thread.refresh_from_db()
    assert thread.assigned_to == adviser
