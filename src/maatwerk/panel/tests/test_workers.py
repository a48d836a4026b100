"""Dispatch workers in their own threads (own database connections, real commits): one is
killed halfway and restarted; two run at the same time. Every member gets exactly one e-mail."""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection

from maatwerk.panel import actions, tasks
from maatwerk.panel.models import Invitation

from .helpers import make_members, make_plan

pytestmark = pytest.mark.django_db(transaction=True)


class WorkerKilled(BaseException):
    pass


def _in_thread(target, **options) -> list[BaseException]:
    errors = []

    def run():
        try:
            target(**options)
        except BaseException as error:  # noqa: BLE001 (reported to the test)
            errors.append(error)
        finally:
            connection.close()

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive()
    return errors


@pytest.fixture
def plan(adviser, researcher, no_worker):
    make_members(30, adviser=adviser)
    return actions.confirm_plan(plan=make_plan(researcher, target=30), user=researcher.user)


def test_worker_killed_after_k_sends_then_restarted(plan):
    sends = []

    def die_after_twelve(pk):
        sends.append(pk)
        if len(sends) == 12:
            raise WorkerKilled

    errors = _in_thread(
        tasks.run_invitations, plan_id=plan.pk, chunk=7, after_send=die_after_twelve
    )
    assert [type(e) for e in errors] == [WorkerKilled]
    assert len(mail.outbox) == 12
    assert _in_thread(tasks.run_invitations, plan_id=plan.pk, chunk=7) == []
    recipients = Counter(m.to[0] for m in mail.outbox)
    assert len(recipients) == 30 and set(recipients.values()) == {1}
    assert set(Invitation.objects.filter(plan=plan).values_list("status", flat=True)) == {"sent"}


def test_two_workers_at_once_never_double(plan):
    if connection.vendor == "sqlite":
        pytest.skip(
            "The in-memory test database (shared cache) fails on table locks instead of waiting; "
            "a real SQLite file (WAL, BEGIN IMMEDIATE, 20 s timeout) serialises the workers. "
            "This runs on PostgreSQL."
        )
    threads_errors = []
    workers = [
        threading.Thread(
            target=lambda: threads_errors.extend(
                _in_thread(tasks.run_invitations, plan_id=plan.pk, chunk=4)
            )
        )
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert threads_errors == []
    from maatwerk.panel.models import OutboxMessage

    states = (
        Counter(Invitation.objects.values_list("status", flat=True)),
        Counter(OutboxMessage.objects.values_list("status", flat=True)),
    )
    recipients = Counter(m.to[0] for m in mail.outbox)
    assert len(recipients) == 30, states
    assert len(recipients) == 30 and set(recipients.values()) == {1}
