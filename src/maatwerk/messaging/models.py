"""Message threads between a client and the staff who answer them.

Never anonymous: a staff message names its author (a staff member) and keeps a snapshot of the
author's name and job title, both enforced by the database. Messages and assignment history are
append-only; the thread row only caches who has it now and when a reply is due.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.core.append_only import AppendOnlyModel
from maatwerk.organisation.models import Office, StaffMember


class Thread(models.Model):
    """A conversation started by a client, with a subject."""

    # Foreign keys whose lookups the composite indexes below already serve have no index of
    # their own (db_index=False): one index less to write per message.
    client = models.ForeignKey(
        Client,
        models.PROTECT,
        related_name="message_threads",
        verbose_name=_("cliënt"),
        db_index=False,
    )
    subject = models.CharField(_("onderwerp"), max_length=200)
    # The client's office when the thread started: the inbox filters on it without a join.
    office = models.ForeignKey(
        Office, models.PROTECT, related_name="+", verbose_name=_("vestiging"), db_index=False
    )
    assigned_to = models.ForeignKey(
        StaffMember,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="message_threads",
        verbose_name=_("behandelaar"),
        db_index=False,
    )
    # Set when the client wrote last: the date by which a staff reply is due. Empty otherwise.
    reply_due = models.DateField(_("antwoord uiterlijk"), null=True, blank=True)
    last_message_at = models.DateTimeField(_("laatste bericht"))
    created_at = models.DateTimeField(_("begonnen"))

    class Meta:
        verbose_name = _("berichtgesprek")
        verbose_name_plural = _("berichtgesprekken")
        ordering = ["-last_message_at", "-pk"]
        permissions = [("answer_messages", _("Berichten van cliënten beantwoorden"))]
        constraints = [
            models.CheckConstraint(condition=~Q(subject=""), name="thread_has_subject"),
        ]
        indexes = [
            models.Index(fields=["client", "-last_message_at"], name="thread_client_idx"),
            # The inbox: mine, waiting first by due date.
            models.Index(
                fields=["assigned_to", "reply_due", "-last_message_at"], name="thread_mine_idx"
            ),
            models.Index(
                fields=["office", "reply_due", "-last_message_at"],
                condition=Q(assigned_to__isnull=True),
                name="thread_unassigned_idx",
            ),
        ]

    def __str__(self):
        return self.subject


class Message(AppendOnlyModel):
    class Sender(models.TextChoices):
        CLIENT = "client", _("cliënt")
        STAFF = "staff", _("medewerker")

    thread = models.ForeignKey(Thread, models.PROTECT, related_name="messages", db_index=False)
    sender = models.CharField(_("afzender"), max_length=10, choices=Sender.choices)
    author = models.ForeignKey(
        StaffMember,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("medewerker"),
    )
    # What the client saw when the reply was sent, even if the author later changes job.
    author_name = models.CharField(_("naam medewerker"), max_length=250, blank=True)
    author_job_title = models.CharField(_("functie medewerker"), max_length=100, blank=True)
    # Filled when someone other than the client's named contact person replied.
    instead_of_name = models.CharField(_("namens"), max_length=250, blank=True)
    body = models.TextField(_("bericht"))
    sent_at = models.DateTimeField(_("verstuurd"))
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["sent_at", "pk"]
        indexes = [models.Index(fields=["thread", "sent_at"], name="message_thread_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(sender__in=["client", "staff"]), name="message_sender_valid"
            ),
            # Never anonymous: a staff message has a named author with a job title.
            models.CheckConstraint(
                condition=Q(sender="client", author__isnull=True)
                | (
                    Q(sender="staff", author__isnull=False)
                    & ~Q(author_name="")
                    & ~Q(author_job_title="")
                ),
                name="message_staff_reply_signed",
            ),
            models.CheckConstraint(condition=~Q(body=""), name="message_has_body"),
        ]

    def __str__(self):
        return f"{self.thread_id}: {self.get_sender_display()} {self.sent_at:%Y-%m-%d %H:%M}"

    @property
    def signature(self) -> str:
        return f"{self.author_name}, {self.author_job_title}" if self.author_name else ""


def attachment_path(instance, filename: str) -> str:
    # A random name without extension: core.serve_media never serves it (it only serves image
    # types by extension), so only the checked download view can hand the file out.
    return f"berichten/{uuid.uuid4().hex}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, models.PROTECT, related_name="attachments")
    file = models.FileField(_("bestand"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("soort bestand"), max_length=100)
    size = models.PositiveIntegerField(_("grootte (bytes)"))

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="attachment_not_empty"),
        ]

    def __str__(self):
        return self.original_name


class ThreadAssignment(AppendOnlyModel):
    """Who took a thread, or to whom it was handed over, and why. Never edited."""

    class Kind(models.TextChoices):
        TAKEN = "taken", _("opgepakt")
        HANDED_OVER = "handed_over", _("overgedragen")

    thread = models.ForeignKey(Thread, models.PROTECT, related_name="assignments")
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    staff = models.ForeignKey(
        StaffMember, models.PROTECT, related_name="+", verbose_name=_("behandelaar")
    )
    by_staff = models.ForeignKey(
        StaffMember, models.PROTECT, related_name="+", verbose_name=_("door")
    )
    previous_staff = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reden"), blank=True, max_length=1000)
    at = models.DateTimeField(_("moment"))

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="taken") | (Q(kind="handed_over") & ~Q(reason="")),
                name="thread_handover_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.thread_id} → {self.staff_id}"


class FollowUp(models.Model):
    """A phone call or letter for a client who does not use digital channels: they never get a
    message they cannot read."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("bellen")
        LETTER = "letter", _("brief sturen")

    thread = models.ForeignKey(Thread, models.PROTECT, related_name="follow_ups")
    message = models.OneToOneField(Message, models.PROTECT, related_name="follow_up")
    client = models.ForeignKey(Client, models.PROTECT, related_name="+")
    # Empty when the staff member left: the task waits with its thread in the office's
    # unassigned queue, and whoever takes the thread gets it (ADR 0032).
    staff = models.ForeignKey(
        StaffMember,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="message_follow_ups",
        verbose_name=_("voor"),
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    due = models.DateField(_("uiterlijk"))
    created_at = models.DateTimeField(_("aangemaakt"))
    done_at = models.DateTimeField(_("afgerond"), null=True, blank=True)
    done_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("vervolgtaak")
        verbose_name_plural = _("vervolgtaken")
        ordering = ["due", "pk"]
        indexes = [
            models.Index(
                fields=["staff", "due"],
                condition=Q(done_at__isnull=True),
                name="follow_up_open_idx",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_at__isnull=True, done_by__isnull=True)
                | Q(done_at__isnull=False, done_by__isnull=False),
                name="follow_up_done_by_someone",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["phone", "letter"]), name="follow_up_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.client}"
