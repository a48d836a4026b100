"""Every write of the client panel, each in one transaction with its timeline event or audit row."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.access.rules import staff_of
from maatwerk.audit import actions as audit
from maatwerk.clients.models import Client
from maatwerk.core.bulk import insert_rows
from maatwerk.core.dates import long_date
from maatwerk.timeline.actions import Actor, record_event

from . import paper, queries
from .models import Invitation, MembershipChange, OutboxMessage, PanelSurvey, PaperCode, Topic
from .sampling import current_rules, draw_sample, rules_snapshot
from .strata import DIMENSIONS


def _actor_for(user, client: Client) -> Actor:
    staff = staff_of(user)
    if staff is not None and not client.is_practice:
        return Actor.of_staff(staff)
    return Actor.client()


def join(*, client: Client, user) -> MembershipChange | None:
    """Join the panel; nothing happens when the client is a member already."""
    try:
        with transaction.atomic():
            last = MembershipChange.objects.select_for_update().filter(client=client).last()
            if last is not None and last.kind == MembershipChange.Kind.JOIN:
                return None
            change = MembershipChange.objects.create(
                client=client,
                number=(last.number if last else 0) + 1,
                kind=MembershipChange.Kind.JOIN,
            )
            record_event(client, "panel.joined", _actor_for(user, client), about=change)
            return change
    except IntegrityError:
        return None  # a simultaneous click joined already (the number is unique per client)


def leave(*, client: Client, user) -> MembershipChange | None:
    """Leave the panel, for all surveys at once: planned invitations, e-mails not yet sent and
    reminders are cancelled in the same transaction (and the dispatcher checks again)."""
    try:
        with transaction.atomic():
            last = MembershipChange.objects.select_for_update().filter(client=client).last()
            if last is None or last.kind == MembershipChange.Kind.LEAVE:
                return None
            change = MembershipChange.objects.create(
                client=client, number=last.number + 1, kind=MembershipChange.Kind.LEAVE
            )
            cancelled = Invitation.objects.filter(
                client=client,
                status__in=[Invitation.Status.PLANNED, Invitation.Status.SENDING],
            ).update(status=Invitation.Status.CANCELLED, claim_token=None, claimed_at=None)
            pending = OutboxMessage.objects.filter(
                invitation__client=client, status=OutboxMessage.Status.QUEUED
            )
            Invitation.objects.filter(
                pk__in=pending.filter(kind=OutboxMessage.Kind.REMINDER).values("invitation_id")
            ).update(reminder=Invitation.Reminder.CANCELLED)
            Invitation.objects.filter(client=client, status=Invitation.Status.SENT).filter(
                reminder=Invitation.Reminder.NONE
            ).update(reminder=Invitation.Reminder.CANCELLED)
            emails = pending.update(status=OutboxMessage.Status.CANCELLED, body="")
            record_event(client, "panel.left", _actor_for(user, client), about=change)
            audit.log(
                "panel.left",
                user=user,
                client=client,
                about=change,
                data={"cancelled_invitations": cancelled, "cancelled_emails": emails},
            )
            return change
    except IntegrityError:
        return None


def create_plan(
    *,
    user,
    survey,
    topic: Topic,
    target_size: int,
    strata: list[str],
    seed: int,
    rules_exception: bool = False,
    exception_reason: str = "",
    submission_token,
) -> PanelSurvey:
    """A draft plan; the researcher sees the preview before anything is sent."""
    earlier = PanelSurvey.objects.filter(submission_token=submission_token).first()
    if earlier is not None:
        return earlier
    staff = staff_of(user)
    errors = {}
    if staff is None:
        raise ValidationError(_("Alleen medewerkers plannen een panelonderzoek."))
    if not survey.is_published:
        errors["survey"] = _("Kies een gepubliceerde vragenlijst.")
    if target_size < 1:
        errors["target_size"] = _("Kies een steekproef van minstens 1 lid.")
    if set(strata) - set(DIMENSIONS):
        errors["strata"] = _("Kies regio, leeftijd en/of duur uitkering.")
    exception_reason = exception_reason.strip()
    if rules_exception and len(exception_reason) < 10:
        errors["exception_reason"] = _(
            "Schrijf waarom dit onderzoek een uitzondering op de contactregels is "
            "(minstens 10 tekens)."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        plan = PanelSurvey.objects.create(
            survey=survey,
            topic=topic,
            target_size=target_size,
            strata=[d for d in DIMENSIONS if d in strata],
            seed=seed,
            rules_exception=rules_exception,
            exception_reason=exception_reason if rules_exception else "",
            created_by=staff,
            submission_token=submission_token,
        )
        audit.log(
            "panel.plan_created",
            user=user,
            about=plan,
            reason=plan.exception_reason,
            data={
                "survey": survey.pk,
                "topic": topic.name,
                "target_size": target_size,
                "strata": plan.strata,
                "seed": seed,
                "rules_exception": rules_exception,
            },
        )
    return plan


# Any fixed number: the key of the advisory lock that confirming a plan takes (see below).
PLAN_LOCK = 0x6D77_7061_6E65_6C  # "mwpanel"


def _one_plan_at_a_time() -> None:
    """Plans are drawn one at a time, so the contact history one plan reads already holds every
    invitation the other wrote (or the contact rules could be broken by two clicks at once).

    PostgreSQL: a transaction-level advisory lock, released at commit or rollback. One lock, not
    a lock per member: a plan reads the whole panel's history anyway, and locking every member
    row would block edits to those clients for the length of the draw. SQLite needs nothing:
    its writers are serialised at BEGIN (IMMEDIATE)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PLAN_LOCK])


def confirm_plan(*, plan: PanelSurvey, user) -> PanelSurvey:
    """The plan step: draw the sample and write every invitation (status planned) in one
    transaction, then queue the dispatch. Confirming twice does nothing the second time."""
    from . import tasks

    with transaction.atomic():
        plan = PanelSurvey.objects.select_for_update().select_related("survey").get(pk=plan.pk)
        if plan.status != PanelSurvey.Status.DRAFT:
            return plan
        if not plan.survey.is_published:
            raise ValidationError(_("De vragenlijst is niet (meer) gepubliceerd."))
        _one_plan_at_a_time()
        now = timezone.now()
        rules = current_rules()
        sample = draw_sample(
            members=queries.members(),
            dimensions=plan.strata,
            target_size=plan.target_size,
            seed=plan.seed,
            rules=rules,
            rules_exception=plan.rules_exception,
            now=now,
        )
        if sample.size == 0:
            raise ValidationError(_("Er is niemand om uit te nodigen: de steekproef is leeg."))
        created_at = connection.ops.adapt_datetimefield_value(now)
        insert_rows(
            Invitation,
            ["plan", "client", "stratum", "status", "created_at", "attempt", "reminder"],
            [
                (plan.pk, client_id, key, "planned", created_at, 0, "none")
                for key, ids in sample.chosen.items()
                for client_id in ids
            ],
        )
        plan.status = PanelSurvey.Status.SENDING
        plan.planned_at = now
        plan.expires_at = now + dt.timedelta(days=rules.valid_days)
        plan.reminder_due_at = now + dt.timedelta(days=rules.reminder_after_days)
        plan.rules = rules_snapshot(rules)
        plan.report = sample.report
        plan.save()
        audit.log(
            "panel.plan_confirmed",
            user=user,
            about=plan,
            reason=plan.exception_reason,
            data={"totals": sample.report["totals"], "seed": plan.seed, "rules": plan.rules},
        )
        transaction.on_commit(lambda: tasks.dispatch_invitations.enqueue(plan.pk))
    return plan


def resume(*, plan: PanelSurvey, user) -> None:
    """Queue the dispatch again (after a stopped worker); claims make this safe to repeat."""
    from . import tasks

    if plan.status == PanelSurvey.Status.DRAFT:
        raise ValidationError(_("Dit onderzoek is nog niet verstuurd."))
    with transaction.atomic():
        audit.log("panel.dispatch_resumed", user=user, about=plan)
        transaction.on_commit(lambda: tasks.dispatch_invitations.enqueue(plan.pk))


def start_reminders(*, plan: PanelSurvey, user, now=None) -> PanelSurvey:
    """The one reminder, to members who did not answer yet, once the waiting time has passed."""
    from . import tasks

    now = now or timezone.now()
    with transaction.atomic():
        plan = PanelSurvey.objects.select_for_update().get(pk=plan.pk)
        if plan.status != PanelSurvey.Status.SENT:
            raise ValidationError(_("Eerst moeten alle uitnodigingen verstuurd zijn."))
        if plan.reminder_started_at is not None:
            return plan
        if plan.reminder_due_at and plan.reminder_due_at > now:
            raise ValidationError(
                _("Een herinnering kan pas vanaf %(date)s.")
                % {"date": long_date(plan.reminder_due_at)}
            )
        if plan.expires_at and plan.expires_at < now:
            raise ValidationError(
                _("De uitnodigingen zijn verlopen; een herinnering heeft geen zin.")
            )
        plan.reminder_started_at = now
        plan.save(update_fields=["reminder_started_at"])
        audit.log("panel.reminders_started", user=user, about=plan)
        transaction.on_commit(lambda: tasks.dispatch_reminders.enqueue(plan.pk))
    return plan


def resend_uncertain(*, plan: PanelSurvey, user, reason: str) -> int:
    """Put e-mails whose hand-over to the mail server was interrupted back in the queue, after
    the researcher checked (by message id) that they did not arrive. Recorded with a reason."""
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError({"reason": _("Schrijf wat je hebt nagekeken (minstens 10 tekens).")})
    with transaction.atomic():
        uncertain = plan.outbox.filter(status=OutboxMessage.Status.UNCERTAIN)
        ids = list(uncertain.values_list("message_id", flat=True))
        count = uncertain.update(status=OutboxMessage.Status.QUEUED)
        audit.log("panel.uncertain_resent", user=user, about=plan, reason=reason, data={"ids": ids})
    return count


def mark_answered(*, survey, client, token: str = "") -> int:
    """A response was completed: mark the matching invitation answered (by the link's token,
    or else by client and survey). Idempotent."""
    now = timezone.now()
    invitations = Invitation.objects.filter(answered_at__isnull=True, plan__survey=survey)
    if token:
        digest = queries.hash_token(token)
        by_token = invitations.filter(outbox__token_hash=digest)
        if client is not None:
            by_token = by_token.filter(client=client)
        updated = Invitation.objects.filter(pk__in=list(by_token.values_list("pk", flat=True)))
        updated = updated.update(answered_at=now)
        if updated:
            return updated
    if client is None:
        return 0
    return invitations.filter(client=client).update(answered_at=now)


def make_paper_code(invitation: Invitation) -> PaperCode:
    """A fresh code for the invitation. A collision with an existing code (the constraint) is
    retried with another; each try in its own savepoint, so nothing else is undone."""
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return PaperCode.objects.create(invitation=invitation, code=paper.new_code())
        except IntegrityError:
            existing = PaperCode.objects.filter(invitation=invitation).first()
            if existing is not None:
                return existing
    raise RuntimeError("No free paper code after 10 tries")


def answer_with_code(*, plan: PanelSurvey, code: str, born, answers: dict, by_user, via: str):
    """A member's answers to a panel invitation they got by letter: from the returned paper
    (``via='paper'``, typed in by the staff member) or typed by the member at an office tablet
    (``via='tablet'``, opened by the staff member). The code is checked, the answers saved as
    the member's response, the code marked used and the invitation answered, all in one
    transaction: a refused code or a missing answer writes nothing."""
    from maatwerk.surveys import actions as surveys

    staff = staff_of(by_user)
    if staff is None or not staff.is_active:
        raise PermissionDenied
    if via not in PaperCode.Via.values:
        raise ValueError(f"Unknown channel {via!r}")
    with transaction.atomic():
        result = paper.check(plan, code, born)
        if result.problem:
            raise ValidationError({result.field: result.problem})
        paper_code = result.paper_code
        invitation = paper_code.invitation
        client = invitation.client
        if not queries.is_member(client):
            raise ValidationError(
                {
                    paper.CODE: _(
                        "Dit lid doet niet meer mee aan het klantpanel. De code geldt niet meer."
                    )
                }
            )
        try:
            surveys.enter_survey_answers(
                survey=plan.survey, client=client, answers=answers, entered_by=staff, via=via
            )
        except ValidationError as error:
            if error.code == "answered":
                raise ValidationError(
                    {paper.CODE: _("Deze code is al gebruikt. De antwoorden zijn al binnen.")}
                ) from error
            raise
        now = timezone.now()
        paper_code.used_at, paper_code.used_via, paper_code.used_by = now, via, staff
        paper_code.save(update_fields=["used_at", "used_via", "used_by"])
        invitation.answered_at = now
        invitation.save(update_fields=["answered_at"])
        data = {"survey": plan.survey.title}
        if via == PaperCode.Via.PAPER:
            kind, actor = "panel.answered_on_paper", Actor.of_staff(staff)
        else:
            kind, actor = "panel.answered_at_tablet", Actor.client()
        record_event(client, kind, actor, data, about=invitation)
        # The answers stay out of the audit trail: who handled the code, and how, is enough.
        audit.log(
            "panel.paper_code_used",
            user=by_user,
            client=client,
            about=paper_code,
            data={"via": via, "plan": plan.pk},
        )
    return invitation
