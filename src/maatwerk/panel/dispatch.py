"""Dispatch: from planned invitations to e-mails, in chunks, safe against crashed workers.

1. **Claim** (one transaction): up to ``chunk`` planned invitations, or claims older than
   ``stale_after``, become ``sending`` with a fresh claim token. PostgreSQL skips rows another
   worker holds (``SKIP LOCKED``); SQLite serialises writers (BEGIN IMMEDIATE). The UPDATE is
   conditional on the old state either way, so a row is never claimed twice.
2. **Compose** (one transaction per chunk): membership is checked again; members who left are
   cancelled. For the others a link token is made (only its hash is stored), an outbox row is
   written and the invitation is marked ``sent`` — in the same transaction, and the outbox is
   unique per invitation and kind, so a re-run can never make a second e-mail.
3. **Relay**: each e-mail is built first (one the mail library refuses, e.g. a line break in a
   header, is ``failed`` at once: no server saw it); then its outbox row is taken with a
   conditional UPDATE queued → sending (committed), handed to the mail server, then marked sent
   (committed). A row left in ``sending`` by a dead worker may or may not have reached the mail
   server: it becomes ``uncertain`` and is never re-sent automatically (at most once); the
   researcher sees how many and can release them.
"""

import datetime as dt
import logging
import secrets
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Mod
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maatwerk.audit import actions as audit
from maatwerk.core.bulk import insert_rows as _insert
from maatwerk.core.dates import long_date
from maatwerk.timeline.kinds import get as get_kind
from maatwerk.timeline.models import TimelineEvent

from . import paper, queries
from .models import Invitation, OutboxMessage, PanelSurvey, PaperCode

logger = logging.getLogger(__name__)

CHUNK = 500
STALE_CLAIM = dt.timedelta(minutes=5)
# A relay worker is in one SMTP conversation at a time; longer than EMAIL_TIMEOUT means dead.
STALE_HANDOVER = dt.timedelta(minutes=10)
MAX_ATTEMPTS = 3


def _base_url() -> str:
    # An invitation without a working link is worse than none: refuse to compose it.
    if not settings.SITE_URL:
        raise ImproperlyConfigured("Set SITE_URL: panel invitations link to Maatwerk.")
    return settings.SITE_URL.rstrip("/")


def _skip_locked(queryset):
    if connection.vendor == "postgresql":
        return queryset.select_for_update(skip_locked=True, of=("self",))
    return queryset


def _locked(queryset):
    if connection.vendor == "postgresql":
        return queryset.select_for_update(of=("self",))
    return queryset


# 1 + 2: invitations → outbox


def claim_chunk(plan_id: int, *, chunk: int = CHUNK, stale_after=STALE_CLAIM) -> uuid.UUID | None:
    now = timezone.now()
    token = uuid.uuid4()
    with transaction.atomic():
        candidates = Invitation.objects.filter(plan_id=plan_id, status=Invitation.Status.PLANNED)
        ids = list(_skip_locked(candidates.order_by("pk")).values_list("pk", flat=True)[:chunk])
        if len(ids) < chunk:
            stale = Invitation.objects.filter(
                plan_id=plan_id, status=Invitation.Status.SENDING, claimed_at__lt=now - stale_after
            )
            ids += list(
                _skip_locked(stale.order_by("pk")).values_list("pk", flat=True)[: chunk - len(ids)]
            )
        if not ids:
            return None
        claimed = (
            Invitation.objects.filter(pk__in=ids)
            .filter(
                Q(status=Invitation.Status.PLANNED)
                | Q(status=Invitation.Status.SENDING, claimed_at__lt=now - stale_after)
            )
            .update(
                status=Invitation.Status.SENDING,
                claim_token=token,
                claimed_at=now,
                attempt=F("attempt") + 1,
            )
        )
    return token if claimed else None


def _email_text(kind: str, first_name: str, survey_title: str, topic: str, link: str, until):
    date = long_date(until)
    if kind == OutboxMessage.Kind.REMINDER:
        subject = _("Herinnering: wilt u nog meedoen? Vragenlijst over %(topic)s") % {
            "topic": topic
        }
        opening = _(
            "Een tijdje geleden vroegen wij u een vragenlijst in te vullen. Wij hebben uw "
            "antwoorden nog niet gekregen. Wilt u nog meedoen? Dat kan tot %(date)s."
        ) % {"date": date}
    else:
        subject = _("Uitnodiging klantpanel: vragenlijst over %(topic)s") % {"topic": topic}
        opening = _(
            "U doet mee aan ons klantpanel. Daarom vragen wij u een korte vragenlijst in te "
            "vullen: '%(title)s'. Dat kan tot %(date)s."
        ) % {"title": survey_title, "date": date}
    body = "\n\n".join(
        [
            _("Beste %(name)s,") % {"name": first_name},
            opening,
            _("Klik op deze link om te beginnen:") + f"\n{link}",
            _("Meedoen is vrijwillig. Het heeft geen invloed op uw uitkering."),
            _(
                "Wilt u niet meer meedoen aan het klantpanel? Meld u af via 'Klantpanel' in uw "
                "eigen omgeving. U krijgt dan geen uitnodigingen meer."
            ),
        ]
    )
    return subject, body


class _Links:
    """The invitation URL for a token (reversed once per chunk, not once per e-mail)."""

    def __init__(self):
        marker = "TOKEN"
        self.prefix, _sep, self.suffix = (
            _base_url() + reverse("panel:invitation", args=[marker])
        ).partition(marker)

    def __call__(self, token: str) -> str:
        return f"{self.prefix}{token}{self.suffix}"


NAME, LINK = "\x00name\x00", "\x00link\x00"
OUTBOX_FIELDS = [
    "invitation",
    "plan",
    "kind",
    "status",
    "message_id",
    "token_hash",
    "to",
    "subject",
    "body",
    "created_at",
    "attempts",
    "error",
]


class _Outbox:
    """The e-mails of one chunk: the text is worked out once, then filled in per member."""

    def __init__(self, plan: PanelSurvey, kind: str, now):
        self.plan, self.kind = plan, kind
        self.subject, self.body = _email_text(
            kind, NAME, plan.survey.title, plan.topic.name, LINK, plan.expires_at
        )
        self.links = _Links()
        self.created_at = connection.ops.adapt_datetimefield_value(now)
        self.rows: list[tuple] = []

    def add(self, invitation_id: int, first_name: str, email: str) -> None:
        token = secrets.token_urlsafe(32)
        digest = queries.hash_token(token)
        self.rows.append(
            (
                invitation_id,
                self.plan.pk,
                self.kind,
                OutboxMessage.Status.QUEUED,
                # Stable for this e-mail, and unique: the digest is random.
                f"<panel.{invitation_id}.{self.kind}.{digest[:20]}@maatwerk>",
                digest,
                email,
                self.subject,
                self.body.replace(NAME, first_name).replace(LINK, self.links(token)),
                self.created_at,
                0,
                "",
            )
        )

    @property
    def invitation_ids(self) -> list[int]:
        return [row[0] for row in self.rows]

    def write(self) -> None:
        _insert(OutboxMessage, OUTBOX_FIELDS, self.rows)


def _record_invited(plan: PanelSurvey, invitation_ids: list, client_ids: dict, now) -> None:
    """One 'invited' timeline event per invitation, written together, a chunk at a time.

    Written in bulk, without ``event_recorded``: an invitation is not a contact, and thousands
    of receiver calls would dominate the dispatch (see the ADR)."""
    from django.contrib.contenttypes.models import ContentType

    kind = get_kind("panel.invited")
    data = {"survey": plan.survey.title, "topic": plan.topic.name}
    missing = kind.fields - data.keys()
    if missing:
        raise ValueError(f"panel.invited needs {sorted(missing)}")
    content_type = ContentType.objects.get_for_model(Invitation)
    json_data = connection.ops.adapt_json_value(data, TimelineEvent._meta.get_field("data").encoder)
    at = connection.ops.adapt_datetimefield_value(now)
    fields = [
        "client",
        "kind",
        "occurred_at",
        "actor_type",
        "data",
        "object_type",
        "object_id",
        "visible_to_client",
    ]
    rows = [
        (
            client_ids[pk],
            kind.code,
            at,
            TimelineEvent.ActorType.SYSTEM,
            json_data,
            content_type.pk,
            str(pk),
            kind.visible_to_client,
        )
        for pk in invitation_ids
    ]
    _insert(TimelineEvent, fields, rows)


def compose_chunk(plan_id: int, claim: uuid.UUID) -> dict:
    """Turn one claimed chunk into outbox rows and mark it sent, in one transaction."""
    now = timezone.now()
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        plan = PanelSurvey.objects.select_related("survey", "topic").get(pk=plan_id)
        # Our own claim: wait for (never skip) a row, and write only the rows read here.
        claimed = list(
            _locked(
                Invitation.objects.filter(claim_token=claim, status=Invitation.Status.SENDING)
            ).values_list("pk", "client_id", "client__first_name", "client__email")
        )
        ids = [row[0] for row in claimed]
        # The per-invitation send record: an invitation that has an outbox row was composed
        # already (never twice, also when a stale claim is retried).
        done = set(
            OutboxMessage.objects.filter(
                invitation_id__in=ids, kind=OutboxMessage.Kind.INVITATION
            ).values_list("invitation_id", flat=True)
        )
        still_members = queries.member_ids_among(row[1] for row in claimed)
        open_survey = plan.survey.is_published and (
            plan.expires_at is None or plan.expires_at > now
        )
        done |= set(
            PaperCode.objects.filter(invitation_id__in=ids).values_list("invitation_id", flat=True)
        )
        outbox = _Outbox(plan, OutboxMessage.Kind.INVITATION, now)
        sent, cancelled, by_letter = [], [], []
        for pk, client_id, first_name, email in claimed:
            if pk in done:
                sent.append(pk)
            elif client_id not in still_members or not open_survey:
                cancelled.append(pk)
            elif not email:
                sent.append(pk)
                by_letter.append(pk)
            else:
                sent.append(pk)
                outbox.add(pk, first_name, email)
        outbox.write()
        _send_letters(plan, by_letter)
        mine = Invitation.objects.filter(claim_token=claim, status=Invitation.Status.SENDING)
        if cancelled:
            mine.filter(pk__in=cancelled).update(
                status=Invitation.Status.CANCELLED, claim_token=None, claimed_at=None
            )
        mine.filter(pk__in=sent).update(
            status=Invitation.Status.SENT, sent_at=now, claim_token=None, claimed_at=None
        )
        _record_invited(plan, outbox.invitation_ids, {r[0]: r[1] for r in claimed}, now)
    return {"sent": len(sent), "cancelled": len(cancelled)}


def _send_letters(plan: PanelSurvey, invitation_ids: list[int]) -> None:
    """Members without an e-mail address: a letter with a personal code, through the one
    notification service (print queue, "Mijn brieven"), in the member's language. Few members
    (the panel's e-mail invitations are the bulk), so one ``notify`` each is fine."""
    from maatwerk.notifications import actions as notifications
    from maatwerk.notifications.language import in_language_of

    from .actions import make_paper_code

    invitations = Invitation.objects.filter(pk__in=invitation_ids).select_related(
        "client__office", "client__preference"
    )
    for invitation in invitations.order_by("pk"):
        client = invitation.client
        code = make_paper_code(invitation)
        with in_language_of(client):
            subject, text = paper.letter(plan, client, code.code)
        notifications.notify(
            client=client,
            kind=paper.NOTIFICATION_KIND,
            subject=subject,
            text=text,
            about=invitation,
            dedupe_key=f"{paper.NOTIFICATION_KIND}:{invitation.pk}",
        )


def compose_all(plan_id: int, *, chunk: int = CHUNK, stale_after=STALE_CLAIM, after_chunk=None):
    totals = {"sent": 0, "cancelled": 0}
    while True:
        claim = claim_chunk(plan_id, chunk=chunk, stale_after=stale_after)
        if claim is None:
            break
        if after_chunk is not None:
            after_chunk("claimed", claim)
        counts = compose_chunk(plan_id, claim)
        for key in totals:
            totals[key] += counts[key]
        if after_chunk is not None:
            after_chunk("composed", claim)
    return totals


# Reminders → outbox


def compose_reminders_chunk(plan_id: int, *, chunk: int = CHUNK) -> int:
    """Queue the reminder for the next chunk of invitations that need a decision, in one
    transaction; 0 when done. The outbox's uniqueness (invitation, kind) makes it once."""
    from .queries import _respondent_ids

    now = timezone.now()
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        plan = PanelSurvey.objects.select_related("survey", "topic").get(pk=plan_id)
        rows = list(
            _skip_locked(
                Invitation.objects.filter(
                    plan_id=plan_id,
                    status=Invitation.Status.SENT,
                    reminder=Invitation.Reminder.NONE,
                ).order_by("pk")
            ).values_list("pk", "client_id", "answered_at", "client__first_name", "client__email")[
                :chunk
            ]
        )
        if not rows:
            return 0
        respondents = _respondent_ids(plan)
        still_members = queries.member_ids_among(row[1] for row in rows)
        open_survey = plan.survey.is_published and plan.expires_at > now
        outbox = _Outbox(plan, OutboxMessage.Kind.REMINDER, now)
        queued, not_needed = [], []
        for pk, client_id, answered_at, first_name, email in rows:
            if (
                answered_at is not None
                or client_id in respondents
                or client_id not in still_members
                or not email
                or not open_survey
            ):
                not_needed.append(pk)
                continue
            queued.append(pk)
            outbox.add(pk, first_name, email)
        outbox.write()
        waiting = Invitation.objects.filter(reminder=Invitation.Reminder.NONE)
        waiting.filter(pk__in=queued).update(reminder=Invitation.Reminder.QUEUED)
        waiting.filter(pk__in=not_needed).update(reminder=Invitation.Reminder.CANCELLED)
    return len(rows)


# 3: outbox → mail server


def mark_stale_handovers(plan_id: int, *, stale_after=STALE_HANDOVER) -> int:
    """Rows a dead worker left mid-hand-over: we cannot know if they arrived. Never re-sent
    automatically (at most once)."""
    return OutboxMessage.objects.filter(
        plan_id=plan_id,
        status=OutboxMessage.Status.SENDING,
        handed_at__lt=timezone.now() - stale_after,
    ).update(status=OutboxMessage.Status.UNCERTAIN)


def relay(
    plan_id: int,
    *,
    chunk: int = CHUNK,
    stale_after=STALE_HANDOVER,
    after_send: Callable | None = None,
    mail_connection=None,
    part: int = 0,
    parts: int = 1,
) -> dict:
    """Send the plan's queued e-mails (``part`` of ``parts`` of them when several relays run
    side by side). Safe to run in several workers at once."""
    totals = {"sent": 0, "cancelled": 0, "failed": 0, "uncertain": 0}
    mark_stale_handovers(plan_id, stale_after=stale_after)
    connection_ = mail_connection or mail.get_connection()
    # Opened before any row is taken: a server that cannot be reached leaves everything queued.
    connection_.open()
    try:
        _relay_batches((plan_id, part, parts), chunk, connection_, totals, after_send)
    finally:
        connection_.close()
    return totals


class _Marker:
    """Writes the two markers of an e-mail, each committed on its own: 'sending' just before the
    hand-over (taking the row) and 'sent' right after. One cursor and ready-made statements for
    the whole run: the ORM's overhead per e-mail adds up over tens of thousands."""

    def __init__(self, cursor):
        table = connection.ops.quote_name(OutboxMessage._meta.db_table)
        self.cursor = cursor
        self.take_sql = TAKE.replace("{table}", table)
        self.done_sql = DONE.replace("{table}", table)
        self.adapt = connection.ops.adapt_datetimefield_value

    def take(self, pk: int) -> bool:
        params = [OutboxMessage.Status.SENDING, self.adapt(timezone.now()), pk]
        self.cursor.execute(self.take_sql, [*params, OutboxMessage.Status.QUEUED])
        return self.cursor.rowcount == 1

    def done(self, pk: int) -> None:
        params = [OutboxMessage.Status.SENT, self.adapt(timezone.now()), pk]
        if connection.vendor != "postgresql":
            self.cursor.execute(self.done_sql, [*params, OutboxMessage.Status.SENDING])
            return
        # Only the 'sending' marker must be on disk before the hand-over. Losing a 'sent'
        # marker (only in a database server crash) turns that e-mail 'uncertain', never into a
        # second e-mail, so PostgreSQL need not wait for the disk here.
        with transaction.atomic():
            self.cursor.execute("SET LOCAL synchronous_commit TO OFF")
            self.cursor.execute(self.done_sql, [*params, OutboxMessage.Status.SENDING])


def _relay_batches(share, chunk, connection_, totals, after_send) -> None:
    with connection.cursor() as cursor:
        _relay_batches_with(_Marker(cursor), share, chunk, connection_, totals, after_send)


def _relay_batches_with(marker, share, chunk, connection_, totals, after_send) -> None:
    plan_id, part, parts = share
    queued = OutboxMessage.objects.filter(plan_id=plan_id, status=OutboxMessage.Status.QUEUED)
    if parts > 1:
        # Side-by-side relays each take their own share of the rows, so they never queue up
        # behind each other's row locks (a single relay afterwards picks up any leftovers).
        queued = queued.alias(share=Mod("id", parts)).filter(share=part)
    last_pk = 0
    while True:
        batch = list(
            queued.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list(
                "pk", "invitation__client_id", "to", "subject", "body", "message_id", "attempts"
            )[:chunk]
        )
        if not batch:
            break
        last_pk = batch[-1][0]
        still_members = queries.member_ids_among(row[1] for row in batch)
        gone = [row[0] for row in batch if row[1] not in still_members]
        if gone:
            totals["cancelled"] += OutboxMessage.objects.filter(
                pk__in=gone, status=OutboxMessage.Status.QUEUED
            ).update(status=OutboxMessage.Status.CANCELLED, body="")
        for row in batch:
            if row[1] not in still_members:
                continue
            outcome = _hand_over(row, connection_, marker)
            if outcome:
                totals[outcome] += 1
            if outcome == "sent" and after_send is not None:
                after_send(row[0])


TAKE = (
    "UPDATE {table} SET status = %s, handed_at = %s, attempts = attempts + 1 "
    "WHERE id = %s AND status = %s"
)
DONE = (
    "UPDATE {table} SET status = %s, sent_at = %s, body = '', error = '' "
    "WHERE id = %s AND status = %s"
)


class _BuiltOnce(mail.EmailMessage):
    """Built (and so checked) before its outbox row is taken, then handed over as built."""

    def message(self, *args, **kwargs):
        if not hasattr(self, "_built"):
            self._built = super().message(*args, **kwargs)
        return self._built


def _hand_over(row, connection_, marker: _Marker) -> str | None:
    pk, _client_id, to, subject, body, message_id, attempts = row
    email = _BuiltOnce(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [to],
        headers={"Message-ID": message_id},
        connection=connection_,
    )
    try:
        email.message()
    except ValueError as error:
        # Refused before any server saw it (BadHeaderError, a line break in the subject, is a
        # ValueError; so is a malformed address): certainly not delivered, and it never will be.
        refused = OutboxMessage.objects.filter(pk=pk, status=OutboxMessage.Status.QUEUED)
        if not refused.update(status=OutboxMessage.Status.FAILED, error=str(error)[:500]):
            return None
        logger.warning("panel e-mail cannot be built", extra={"message_id": message_id})
        return "failed"
    # Taking the row and the last check are one statement: a member who left since had their
    # row cancelled, and then this UPDATE changes nothing.
    if not marker.take(pk):
        return None
    try:
        email.send()
    except _REFUSED as error:
        # The server answered with a refusal: certainly not delivered, safe to try again.
        failed = attempts + 1 >= MAX_ATTEMPTS
        status = OutboxMessage.Status.FAILED if failed else OutboxMessage.Status.QUEUED
        OutboxMessage.objects.filter(pk=pk).update(status=status, error=str(error)[:500])
        logger.warning("panel e-mail refused", extra={"message_id": message_id})
        return "failed" if failed else None
    except Exception as error:  # noqa: BLE001 (connection lost mid-conversation: unknown)
        OutboxMessage.objects.filter(pk=pk).update(
            status=OutboxMessage.Status.UNCERTAIN, error=str(error)[:500]
        )
        logger.warning("panel e-mail uncertain", extra={"message_id": message_id})
        return "uncertain"
    marker.done(pk)
    return "sent"


def _refused_errors():
    import smtplib

    return (
        smtplib.SMTPRecipientsRefused,
        smtplib.SMTPSenderRefused,
        smtplib.SMTPDataError,
        smtplib.SMTPConnectError,
    )


_REFUSED = _refused_errors()


def finish_if_done(plan_id: int) -> bool:
    """Mark the plan sent when no invitation waits any more (audit row once)."""
    with transaction.atomic():
        plan = PanelSurvey.objects.select_for_update().get(pk=plan_id)
        if plan.status != PanelSurvey.Status.SENDING:
            return plan.status == PanelSurvey.Status.SENT
        waiting = plan.invitations.filter(
            status__in=[Invitation.Status.PLANNED, Invitation.Status.SENDING]
        ).exists()
        if waiting:
            return False
        plan.status = PanelSurvey.Status.SENT
        plan.save(update_fields=["status"])
        progress = queries.plan_progress(plan)
        audit.log(
            "panel.dispatch_finished",
            about=plan,
            data={"invitations": dict(progress["invitations"])},
        )
    return True
