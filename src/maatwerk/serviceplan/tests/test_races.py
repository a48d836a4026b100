"""Two submits at the same moment on PostgreSQL: one plan change, one version number each."""

import threading
import uuid

import pytest
from django.db import connection

from maatwerk.core.tests import factories
from maatwerk.serviceplan import actions
from maatwerk.serviceplan.models import PlanVersion
from maatwerk.timeline.models import TimelineEvent

from .helpers import TALK, WORKSHOP, service

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a real race needs PostgreSQL"),
]


def _at_once(*calls):
    """Run the calls in threads that start together; returns what each returned or raised."""
    barrier = threading.Barrier(len(calls), timeout=10)
    results: list = []

    def run(call):
        from django.db import connections

        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # noqa: BLE001  (the test looks at what came back)
            results.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=[call]) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_double_submit_at_once_is_one_decision(office):
    adviser = factories.make_staff("Adviseur werk", offices=[office])
    client = factories.make_client(contact_person=adviser)
    token = uuid.uuid4()

    def decide():
        return actions.decide_plan(
            client=client, services=[service(TALK)], user=adviser.user, submission_token=token
        )

    results = _at_once(decide, decide)
    assert all(isinstance(result, PlanVersion) for result in results), results
    assert results[0].pk == results[1].pk
    assert PlanVersion.objects.filter(status="decided").count() == 1
    assert TimelineEvent.objects.filter(kind="serviceplan.decided").count() == 1


def test_two_advisers_at_once_get_consecutive_versions(office):
    adviser = factories.make_staff("Adviseur werk", offices=[office])
    manager = factories.make_staff("Vestigingsmanager", offices=[office])
    client = factories.make_client(contact_person=adviser)
    actions.decide_plan(client=client, services=[service(TALK)], user=adviser.user)

    def change(user, services):
        return lambda: actions.decide_plan(
            client=client, services=services, user=user, reason="Beter passend bij de cliënt."
        )

    results = _at_once(
        change(adviser.user, [service(TALK), service(WORKSHOP)]),
        change(manager.user, [service(WORKSHOP)]),
    )
    assert all(isinstance(result, PlanVersion) for result in results), results
    numbers = sorted(PlanVersion.objects.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
