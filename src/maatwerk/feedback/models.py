"""Compliments, feedback that gets an answer, and mirror conversations with improvement points.

Rules that can be stated in the database are: an input that wants an answer always has an owner
and a deadline; an answer is always signed by name and job title (never anonymous); an
improvement point that was not carried out says why. Histories are append-only."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.core.append_only import AppendOnlyModel
from maatwerk.organisation.models import Office, StaffMember

TEXT_MAX = 4000
COMPLIMENT_MAX = 2000
POINT_MAX = 500


class Compliment(models.Model):
    """A client's compliment for a named employee. ``anonymous`` hides the client's name from
    the employee and their manager; the record itself always knows who gave it."""

    client = models.ForeignKey(Client, models.PROTECT, related_name="compliments")
    staff = models.ForeignKey(
        StaffMember,
        models.PROTECT,
        related_name="compliments_received",
        verbose_name=_("medewerker"),
    )
    text = models.TextField(_("compliment"), max_length=COMPLIMENT_MAX)
    anonymous = models.BooleanField(_("anoniem voor de medewerker"), default=False)
    created_at = models.DateTimeField(_("gegeven op"), default=timezone.now)
    submission_token = models.UUIDField(unique=True)

    class Meta:
        verbose_name = _("compliment")
        verbose_name_plural = _("complimenten")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["staff", "-created_at"], name="compliment_staff_idx")]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="compliment_has_text"),
        ]
        permissions = [
            ("view_office_compliments", "Complimenten voor medewerkers van de vestiging bekijken"),
        ]

    def __str__(self):
        return f"{self.staff.full_name}: {self.created_at:%Y-%m-%d}"


class FeedbackItem(models.Model):
    """Feedback, a complaint or a suggestion from a client. One that wants an answer has an
    owner and an answer deadline; the answer is signed by name and job title.

    ``received_via`` says how it came in: the client wrote it in the portal, or a staff member
    (``entered_by``) recorded it on the client's behalf after a call, a letter, an e-mail or a
    visit to the desk. ``answer_via`` is the channel the answer went back by, as the notification
    service chose it when the answer was written (ADR 0031)."""

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("feedback")
        COMPLAINT = "complaint", _("klacht")
        SUGGESTION = "suggestion", _("suggestie")

    class Channel(models.TextChoices):
        PORTAL = "portal", _("via het portaal")
        PHONE = "phone", _("telefonisch")
        LETTER = "letter", _("per brief")
        EMAIL = "email", _("per e-mail")
        DESK = "desk", _("aan de balie")

    class Status(models.TextChoices):
        RECEIVED = "received", _("ontvangen")
        IN_PROGRESS = "in_progress", _("in behandeling")
        ANSWERED = "answered", _("beantwoord")

    client = models.ForeignKey(Client, models.PROTECT, related_name="feedback_items")
    # The client's office when they wrote: the manager overview counts per office.
    office = models.ForeignKey(
        Office, models.PROTECT, related_name="feedback_items", verbose_name=_("vestiging")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("tekst"), max_length=TEXT_MAX)
    wants_answer = models.BooleanField(_("wil antwoord"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    owner = models.ForeignKey(
        StaffMember,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback_owned",
        verbose_name=_("eigenaar"),
    )
    deadline = models.DateField(_("antwoord uiterlijk"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    submission_token = models.UUIDField(unique=True)
    answer = models.TextField(_("antwoord"), blank=True, max_length=TEXT_MAX)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answered_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Snapshots: the signature stays as the client read it, also after a name or job change.
    answered_by_name = models.CharField(_("ondertekend door"), max_length=250, blank=True)
    answered_by_job_title = models.CharField(_("functie"), max_length=100, blank=True)
    received_via = models.CharField(
        _("binnengekomen"), max_length=10, choices=Channel.choices, default=Channel.PORTAL
    )
    entered_by = models.ForeignKey(
        StaffMember,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    answer_via = models.CharField(
        _("antwoord gaat"), max_length=10, choices=Channel.choices, blank=True
    )

    class Meta:
        verbose_name = _("reactie van een cliënt")
        verbose_name_plural = _("reacties van cliënten")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["owner", "status"], name="feedback_owner_idx"),
            models.Index(fields=["office", "status", "deadline"], name="feedback_office_idx"),
            models.Index(fields=["client", "-submitted_at"], name="feedback_client_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="feedback_has_text"),
            models.CheckConstraint(
                condition=Q(kind__in=["feedback", "complaint", "suggestion"]),
                name="feedback_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["received", "in_progress", "answered"]),
                name="feedback_status_valid",
            ),
            # Every input that asks for an answer has someone who answers it, and a date.
            models.CheckConstraint(
                condition=Q(wants_answer=False) | Q(owner__isnull=False, deadline__isnull=False),
                name="feedback_answer_has_owner_and_deadline",
            ),
            # Never anonymous: an answer carries its author's name and job title.
            models.CheckConstraint(
                condition=(
                    Q(status="answered")
                    & ~Q(answer="")
                    & Q(answered_at__isnull=False, answered_by__isnull=False)
                    & ~Q(answered_by_name="")
                    & ~Q(answered_by_job_title="")
                )
                | (
                    ~Q(status="answered")
                    & Q(answer="", answered_at__isnull=True, answered_by__isnull=True)
                    & Q(answered_by_name="", answered_by_job_title="")
                ),
                name="feedback_answer_signed",
            ),
            models.CheckConstraint(
                condition=Q(received_via__in=["portal", "phone", "letter", "email", "desk"]),
                name="feedback_received_via_valid",
            ),
            # The client writes in the portal themselves; every other way in was typed by staff.
            models.CheckConstraint(
                condition=Q(received_via="portal", entered_by__isnull=True)
                | (~Q(received_via="portal") & Q(entered_by__isnull=False)),
                name="feedback_entered_by_staff",
            ),
            models.CheckConstraint(
                condition=Q(answer_via__in=["", "portal", "email", "phone", "letter"]),
                name="feedback_answer_via_valid",
            ),
        ]
        permissions = [
            ("answer_feedback", "Reacties van cliënten behandelen en beantwoorden"),
            (
                "manage_office_feedback",
                "Reacties per vestiging overzien, eigenaar en termijn wijzigen",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.wants_answer and self.status != self.Status.ANSWERED

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.deadline is not None and self.deadline < today


class FeedbackHistory(AppendOnlyModel):
    """Every change to a feedback item: status, owner and deadline as they became."""

    class Event(models.TextChoices):
        SUBMITTED = "submitted", _("ontvangen")
        IN_PROGRESS = "in_progress", _("in behandeling genomen")
        ANSWERED = "answered", _("beantwoord")
        OWNER_CHANGED = "owner_changed", _("andere eigenaar")
        DEADLINE_CHANGED = "deadline_changed", _("andere datum")
        DELIVERED = "delivered", _("antwoord doorgegeven")

    item = models.ForeignKey(FeedbackItem, models.PROTECT, related_name="history")
    at = models.DateTimeField(default=timezone.now)
    event = models.CharField(max_length=30, choices=Event.choices)
    status = models.CharField(max_length=20, choices=FeedbackItem.Status.choices)
    owner = models.ForeignKey(StaffMember, models.PROTECT, null=True, blank=True, related_name="+")
    deadline = models.DateField(null=True, blank=True)
    by_staff = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("wijziging van een reactie")
        verbose_name_plural = _("wijzigingen van reacties")
        ordering = ["at", "pk"]


class DialogueSession(models.Model):
    """A mirror conversation or dialogue session: who took part (counts per role, no names)
    and anonymised notes of what clients said."""

    class Kind(models.TextChoices):
        MIRROR = "mirror", _("spiegelgesprek")
        DIALOGUE = "dialogue", _("dialoogsessie")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("datum"))
    office = models.ForeignKey(
        Office, models.PROTECT, related_name="dialogue_sessions", verbose_name=_("vestiging")
    )
    topic = models.CharField(_("onderwerp"), max_length=200)
    clients_count = models.PositiveSmallIntegerField(_("cliënten"), default=0)
    advisers_count = models.PositiveSmallIntegerField(_("adviseurs"), default=0)
    managers_count = models.PositiveSmallIntegerField(_("managers"), default=0)
    council_members_count = models.PositiveSmallIntegerField(_("leden cliëntenraad"), default=0)
    others_count = models.PositiveSmallIntegerField(_("anderen"), default=0)
    notes = models.TextField(_("wat cliënten zeiden"), max_length=TEXT_MAX * 2)
    recorded_by = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    submission_token = models.UUIDField(unique=True)

    class Meta:
        verbose_name = _("spiegelgesprek of dialoogsessie")
        verbose_name_plural = _("spiegelgesprekken en dialoogsessies")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["mirror", "dialogue"]),
                name="dialogue_kind_valid",
            ),
            models.CheckConstraint(condition=Q(clients_count__gte=1), name="dialogue_has_clients"),
            models.CheckConstraint(condition=~Q(notes=""), name="dialogue_has_notes"),
        ]
        permissions = [
            ("record_sessions", "Spiegelgesprekken en dialoogsessies vastleggen"),
            (
                "sessions_everywhere",
                "Spiegelgesprekken en dialoogsessies van alle vestigingen inzien en vastleggen",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.office} {self.held_on}"


class ImprovementPoint(models.Model):
    """An improvement that came out of a session, with an owner and a status.

    ``council_advice_ref`` is a plain reference for the future client-council app: the advice
    this point answers (or that asked for it). It is a string, not a foreign key, so this app
    does not depend on the council app; that app can resolve it or add a real link later."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in uitvoering")
        DONE = "done", _("gerealiseerd")
        DROPPED = "dropped", _("niet uitgevoerd")

    session = models.ForeignKey(DialogueSession, models.PROTECT, related_name="points")
    text = models.CharField(_("verbeterpunt"), max_length=POINT_MAX)
    owner = models.ForeignKey(
        StaffMember, models.PROTECT, related_name="improvement_points", verbose_name=_("eigenaar")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    reason = models.TextField(_("toelichting"), blank=True, max_length=1000)
    council_advice_ref = models.CharField(
        _("advies cliëntenraad (kenmerk)"), max_length=100, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("verbeterpunt")
        verbose_name_plural = _("verbeterpunten")
        ordering = ["session", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="point_has_text"),
            models.CheckConstraint(
                condition=Q(status__in=["open", "in_progress", "done", "dropped"]),
                name="point_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="dropped") | ~Q(reason=""),
                name="point_dropped_has_reason",
            ),
        ]

    def __str__(self):
        return self.text


class ImprovementPointHistory(AppendOnlyModel):
    point = models.ForeignKey(ImprovementPoint, models.PROTECT, related_name="history")
    at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=ImprovementPoint.Status.choices)
    owner = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    reason = models.TextField(blank=True)
    by_staff = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("wijziging van een verbeterpunt")
        verbose_name_plural = _("wijzigingen van verbeterpunten")
        ordering = ["at", "pk"]
