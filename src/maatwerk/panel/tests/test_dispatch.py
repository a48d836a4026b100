"""Dispatch: invitations by e-mail through chunked tasks; never twice, never skipped."""

import smtplib
from collections import Counter

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from maatwerk.audit.models import AuditEntry
from maatwerk.panel import actions, dispatch, tasks
from maatwerk.panel.models import Invitation, OutboxMessage, PanelSurvey
from maatwerk.timeline.models import TimelineEvent

from .helpers import make_members, make_plan

pytestmark = pytest.mark.django_db


def _recipients() -> Counter:
    return Counter(address for message in mail.outbox for address in message.to)


def _confirmed(researcher, adviser, *, members=12, target=10, **options):
    clients = make_members(members, adviser=adviser)
    plan = make_plan(researcher, target=target, **options)
    return actions.confirm_plan(plan=plan, user=researcher.user), clients


def test_confirm_sends_each_invitation_once_through_the_task(
    adviser, researcher, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan, _clients = _confirmed(researcher, adviser)
    plan.refresh_from_db()
    assert plan.status == PanelSurvey.Status.SENT
    assert len(mail.outbox) == 10
    assert set(_recipients().values()) == {1}
    message = mail.outbox[0]
    assert message.subject.startswith("Uitnodiging klantpanel")
    assert "https://maatwerk.example/mijn/panel/uitnodiging/" in message.body
    assert message.extra_headers["Message-ID"].startswith("<panel.")
    invitation = plan.invitations.first()
    assert invitation.status == Invitation.Status.SENT
    assert plan.outbox.get(invitation=invitation).token_hash
    # The raw token is only in the e-mail: the outbox body is emptied once sent.
    assert set(plan.outbox.values_list("body", flat=True)) == {""}
    assert TimelineEvent.objects.filter(kind="panel.invited").count() == 10
    assert AuditEntry.objects.filter(action="panel.dispatch_finished").count() == 1
    # Running the task again sends nothing new.
    tasks.run_invitations(plan.pk)
    assert len(mail.outbox) == 10


def test_member_who_left_after_planning_gets_nothing(adviser, researcher, no_worker):
    plan, clients = _confirmed(researcher, adviser, members=10, target=10)
    gone = clients[0]
    actions.leave(client=gone, user=gone.user)
    tasks.run_invitations(plan.pk, chunk=3)
    assert gone.email not in _recipients()
    assert len(mail.outbox) == 9
    assert plan.invitations.get(client=gone).status == Invitation.Status.CANCELLED


def test_member_who_leaves_between_composing_and_sending_gets_nothing(
    adviser, researcher, no_worker
):
    plan, clients = _confirmed(researcher, adviser, members=10, target=10)
    dispatch.compose_all(plan.pk)
    assert plan.outbox.filter(status="queued").count() == 10
    gone = plan.invitations.order_by("pk").last().client
    actions.leave(client=gone, user=None)
    dispatch.relay(plan.pk)
    assert gone.email not in _recipients()
    assert len(mail.outbox) == 9
    assert plan.outbox.get(invitation__client=gone).status == OutboxMessage.Status.CANCELLED


class WorkerKilled(BaseException):
    """Stands in for SIGKILL: not an Exception, so nothing in the worker catches it."""


def test_killed_worker_restarts_without_losing_or_doubling(adviser, researcher, no_worker):
    """The worker dies twice: once between claiming a chunk and composing it, once halfway
    through handing e-mails to the mail server. After restarts every member has exactly one."""
    plan, clients = _confirmed(researcher, adviser, members=25, target=25)

    def die_after_second_claim(step, claim):
        if step == "claimed" and Invitation.objects.filter(status="sent").count() >= 10:
            raise WorkerKilled

    with pytest.raises(WorkerKilled):
        tasks.run_invitations(plan.pk, chunk=5, after_chunk=die_after_second_claim)
    assert plan.invitations.filter(status="sending").count() == 5  # a claimed, orphaned chunk
    assert len(mail.outbox) == 0

    sends = []

    def die_after_seven_sends(pk):
        sends.append(pk)
        if len(sends) == 7:
            raise WorkerKilled

    # Restart: the stale claim is retried (after checking for outbox rows), then killed mid-relay.
    with pytest.raises(WorkerKilled):
        tasks.run_invitations(
            plan.pk, chunk=5, stale_after=dispatch.dt.timedelta(0), after_send=die_after_seven_sends
        )
    assert len(mail.outbox) == 7
    # Restart again: the rest goes out.
    tasks.run_invitations(plan.pk, chunk=5)
    assert len(mail.outbox) == 25
    assert set(_recipients().values()) == {1}
    assert {c.email for c in clients} == set(_recipients())
    assert plan.outbox.count() == 25
    assert set(plan.invitations.values_list("status", flat=True)) == {"sent"}


def test_interrupted_hand_over_is_uncertain_and_never_resent_by_itself(
    adviser, researcher, no_worker
):
    plan, _clients = _confirmed(researcher, adviser, members=4, target=4)
    dispatch.compose_all(plan.pk)

    class DropsTheLine(EmailBackend):
        calls = 0

        def send_messages(self, messages):
            DropsTheLine.calls += 1
            if DropsTheLine.calls == 2:
                raise smtplib.SMTPServerDisconnected("verbinding verbroken")
            return super().send_messages(messages)

    totals = dispatch.relay(plan.pk, mail_connection=DropsTheLine())
    assert totals["sent"] == 3 and totals["uncertain"] == 1
    dispatch.relay(plan.pk)
    assert len(mail.outbox) == 3  # the uncertain one is not sent again by itself
    with pytest.raises(Exception):  # noqa: B017 (a reason is required)
        actions.resend_uncertain(plan=plan, user=researcher.user, reason="")
    actions.resend_uncertain(
        plan=plan, user=researcher.user, reason="Maillog nagekeken: niet aangekomen."
    )
    dispatch.relay(plan.pk)
    assert len(mail.outbox) == 4
    assert set(_recipients().values()) == {1}


def test_refused_mail_is_tried_again(adviser, researcher, no_worker):
    plan, _clients = _confirmed(researcher, adviser, members=3, target=3)
    dispatch.compose_all(plan.pk)

    class RefusesOnce(EmailBackend):
        refused = False

        def send_messages(self, messages):
            if not RefusesOnce.refused:
                RefusesOnce.refused = True
                raise smtplib.SMTPRecipientsRefused({"x@example.org": (450, b"later")})
            return super().send_messages(messages)

    dispatch.relay(plan.pk, mail_connection=RefusesOnce())
    assert len(mail.outbox) == 2
    dispatch.relay(plan.pk, mail_connection=RefusesOnce())
    assert len(mail.outbox) == 3
    assert set(_recipients().values()) == {1}


def test_a_stale_claim_with_an_outbox_row_is_not_composed_twice(adviser, researcher, no_worker):
    plan, _clients = _confirmed(researcher, adviser, members=3, target=3)
    claim = dispatch.claim_chunk(plan.pk, chunk=3)
    dispatch.compose_chunk(plan.pk, claim)
    # Pretend the worker crashed after composing but the marker was lost: the outbox row is the
    # per-invitation send record that prevents a second e-mail.
    first = plan.invitations.order_by("pk").first()
    Invitation.objects.filter(pk=first.pk).update(
        status="sending", claim_token=claim, claimed_at=first.sent_at
    )
    counts = dispatch.compose_chunk(plan.pk, claim)
    assert counts == {"sent": 1, "cancelled": 0}
    assert plan.outbox.count() == 3
    dispatch.relay(plan.pk)
    assert len(mail.outbox) == 3


def test_one_reminder_only_to_members_who_did_not_answer(adviser, researcher, no_worker):
    plan, clients = _confirmed(researcher, adviser, members=6, target=6)
    tasks.run_invitations(plan.pk)
    dispatch.finish_if_done(plan.pk)
    invitations = list(plan.invitations.order_by("pk").select_related("client"))
    actions.mark_answered(survey=plan.survey, client=invitations[0].client)
    actions.leave(client=invitations[1].client, user=None)
    with pytest.raises(Exception, match="pas vanaf"):
        actions.start_reminders(plan=plan, user=researcher.user)
    PanelSurvey.objects.filter(pk=plan.pk).update(reminder_due_at=plan.planned_at)
    actions.start_reminders(plan=plan, user=researcher.user)
    mail.outbox = []
    tasks.run_reminders(plan.pk)
    assert len(mail.outbox) == 4
    assert all(m.subject.startswith("Herinnering") for m in mail.outbox)
    assert invitations[0].client.email not in _recipients()
    assert invitations[1].client.email not in _recipients()
    actions.start_reminders(plan=plan, user=researcher.user)  # only one reminder, ever
    tasks.run_reminders(plan.pk)
    assert len(mail.outbox) == 4
    # Reminders are not invitations: they do not count for the contact rules.
    assert Invitation.objects.filter(plan=plan).count() == 6


def test_real_smtp_server(adviser, researcher, no_worker, settings):
    """Through Django's SMTP backend to a local aiosmtpd server."""
    import socket

    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    class Collect(Sink):
        def __init__(self):
            self.envelopes = []

        async def handle_DATA(self, server, session, envelope):
            self.envelopes.append(envelope)
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        plan, clients = _confirmed(researcher, adviser, members=5, target=5)
        tasks.run_invitations(plan.pk)
    finally:
        controller.stop()
    recipients = Counter(rcpt for envelope in handler.envelopes for rcpt in envelope.rcpt_tos)
    assert recipients == Counter({c.email: 1 for c in clients})
    message_ids = set(plan.outbox.values_list("message_id", flat=True))
    assert all(
        any(mid.encode() in envelope.content for mid in message_ids)
        for envelope in handler.envelopes
    )
    assert plan.outbox.filter(status="sent").count() == 5


def test_unreachable_smtp_server_leaves_everything_queued(adviser, researcher, no_worker, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    plan, _clients = _confirmed(researcher, adviser, members=2, target=2)
    with pytest.raises(OSError):
        tasks.run_invitations(plan.pk)
    assert set(plan.outbox.values_list("status", flat=True)) == {"queued"}


def test_reminders_command_starts_due_reminders_once(adviser, researcher, no_worker):
    from django.core.management import call_command

    plan, _clients = _confirmed(researcher, adviser, members=3, target=3)
    call_command("panel", "dispatch", str(plan.pk))
    assert len(mail.outbox) == 3
    call_command("panel", "reminders")  # not due yet
    plan.refresh_from_db()
    assert plan.reminder_started_at is None
    PanelSurvey.objects.filter(pk=plan.pk).update(reminder_due_at=plan.planned_at)
    call_command("panel", "reminders")
    call_command("panel", "reminders")
    plan.refresh_from_db()
    assert plan.reminder_started_at is not None
    assert AuditEntry.objects.filter(action="panel.reminders_started").count() == 1


def test_side_by_side_relay_tasks_share_the_outbox(
    adviser, researcher, settings, django_capture_on_commit_callbacks
):
    settings.PANEL_RELAY_TASKS = 3
    with django_capture_on_commit_callbacks(execute=True):
        plan, clients = _confirmed(researcher, adviser, members=8, target=8)
    assert len(mail.outbox) == 8
    assert set(_recipients().values()) == {1}
    assert dispatch.relay(plan.pk, part=1, parts=3) == {
        "sent": 0,
        "cancelled": 0,
        "failed": 0,
        "uncertain": 0,
    }
