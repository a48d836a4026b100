"""The client panel: membership (append-only), stratum bands and contact rules as data, panel
survey plans, invitations and the e-mail outbox the dispatcher sends from.

Dispatch states (see docs/adr/0017-client-panel.md):
- Invitation: planned → sending (claimed by a worker) → sent (an outbox row exists) | cancelled.
- OutboxMessage: queued → sending (handed to SMTP now) → sent | uncertain | cancelled | failed.
"""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Mod
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.core.append_only import AppendOnlyModel
from maatwerk.core.validators import single_line
from maatwerk.organisation.models import StaffMember


class MembershipChange(AppendOnlyModel):
    """One join or leave. Changes of a client are numbered 1, 2, 3 ...: odd numbers are joins,
    even numbers leaves (a constraint), and a number is used once per client (a unique
    constraint). So joins and leaves always alternate and the current state is the last row."""

    class Kind(models.TextChoices):
        JOIN = "join", _("aangemeld")
        LEAVE = "leave", _("afgemeld")

    client = models.ForeignKey(Client, models.PROTECT, related_name="panel_changes")
    number = models.PositiveIntegerField(_("volgnummer"))
    kind = models.CharField(_("soort"), max_length=5, choices=Kind.choices)
    at = models.DateTimeField(_("moment"), default=timezone.now)

    class Meta:
        verbose_name = _("aan- of afmelding klantpanel")
        verbose_name_plural = _("aan- en afmeldingen klantpanel")
        ordering = ["client", "number"]
        constraints = [
            models.UniqueConstraint(fields=["client", "number"], name="panel_change_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="panel_change_number_positive"),
            models.CheckConstraint(
                condition=(Q(kind="join") & Exact(Mod(F("number"), 2), 1))
                | (Q(kind="leave") & Exact(Mod(F("number"), 2), 0)),
                name="panel_change_alternates",
            ),
        ]

    def __str__(self):
        return f"{self.client_id} {self.kind} #{self.number}"


class Band(models.Model):
    """A stratum band: an age band (years) or a benefit-duration band (months since the start of
    the benefit). Lower bound inclusive, upper bound exclusive, empty upper bound: open."""

    class Dimension(models.TextChoices):
        AGE = "age", _("leeftijd")
        DURATION = "duration", _("duur uitkering")

    dimension = models.CharField(_("indeling"), max_length=10, choices=Dimension.choices)
    label = models.CharField(_("naam"), max_length=60)
    lower = models.PositiveSmallIntegerField(_("vanaf"))
    upper = models.PositiveSmallIntegerField(_("tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("groep voor steekproef")
        verbose_name_plural = _("groepen voor steekproef")
        ordering = ["dimension", "lower"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "lower"], name="panel_band_lower_unique"),
            models.CheckConstraint(
                condition=Q(upper__isnull=True) | Q(upper__gt=F("lower")),
                name="panel_band_order",
            ),
            models.CheckConstraint(
                condition=Q(dimension__in=["age", "duration"]), name="panel_band_dimension"
            ),
        ]

    def __str__(self):
        return self.label


class Topic(models.Model):
    # The name goes into every invitation's subject line, where a line break is refused.
    name = models.CharField(_("naam"), max_length=100, unique=True, validators=[single_line])
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ContactRules(models.Model):
    """How often the organisation may ask a panel member: one row, edited in the admin.
    Reminders do not count."""

    max_per_year = models.PositiveSmallIntegerField(
        _("hoogstens uitnodigingen per lid per jaar"), default=12
    )
    min_days_between = models.PositiveSmallIntegerField(
        _("minimaal dagen tussen twee uitnodigingen"), default=14
    )
    reminder_after_days = models.PositiveSmallIntegerField(
        _("herinnering na zoveel dagen"), default=7
    )
    valid_days = models.PositiveSmallIntegerField(_("uitnodiging geldig (dagen)"), default=30)

    class Meta:
        verbose_name = _("contactregels klantpanel")
        verbose_name_plural = _("contactregels klantpanel")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="panel_rules_singleton"),
            models.CheckConstraint(condition=Q(max_per_year__gte=1), name="panel_rules_max"),
            models.CheckConstraint(condition=Q(valid_days__gte=1), name="panel_rules_valid"),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


class PanelSurvey(models.Model):
    """A researcher's plan to ask part of the panel to answer a published survey."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")

    survey = models.ForeignKey(
        "surveys.Survey", models.PROTECT, related_name="panel_plans", verbose_name=_("vragenlijst")
    )
    topic = models.ForeignKey(
        Topic, models.PROTECT, related_name="plans", verbose_name=_("onderwerp")
    )
    target_size = models.PositiveIntegerField(_("gewenste steekproef"))
    strata = models.JSONField(_("indeling in groepen"), default=list, blank=True)
    seed = models.PositiveIntegerField(_("startgetal voor het loten"))
    rules_exception = models.BooleanField(_("uitzondering op de contactregels"), default=False)
    exception_reason = models.TextField(
        _("reden voor de uitzondering"), blank=True, max_length=1000
    )
    rules = models.JSONField(_("gebruikte contactregels"), default=dict, blank=True)
    report = models.JSONField(_("verslag van de steekproef"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    planned_at = models.DateTimeField(_("steekproef getrokken"), null=True, blank=True)
    expires_at = models.DateTimeField(_("uitnodiging geldig tot"), null=True, blank=True)
    reminder_due_at = models.DateTimeField(_("herinnering vanaf"), null=True, blank=True)
    reminder_started_at = models.DateTimeField(_("herinnering gestart"), null=True, blank=True)
    submission_token = models.UUIDField(unique=True)

    class Meta:
        verbose_name = _("panelonderzoek")
        verbose_name_plural = _("panelonderzoeken")
        ordering = ["-created_at", "-pk"]
        permissions = [("manage_panel", _("Panelonderzoeken plannen en versturen"))]
        constraints = [
            models.CheckConstraint(condition=Q(target_size__gte=1), name="panel_plan_target"),
            # An exception to the contact rules is only ever made with a reason.
            models.CheckConstraint(
                condition=Q(rules_exception=False) | ~Q(exception_reason=""),
                name="panel_plan_exception_reason",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(planned_at__isnull=False, expires_at__isnull=False),
                name="panel_plan_planned_dates",
            ),
        ]

    def __str__(self):
        return f"{self.survey} ({self.created_at:%Y-%m-%d})"


class Invitation(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        SENDING = "sending", _("wordt klaargezet")
        SENT = "sent", _("verstuurd")
        CANCELLED = "cancelled", _("niet verstuurd (afgemeld)")

    class Reminder(models.TextChoices):
        NONE = "none", _("geen")
        QUEUED = "queued", _("klaargezet")
        CANCELLED = "cancelled", _("niet nodig")

    plan = models.ForeignKey(PanelSurvey, models.PROTECT, related_name="invitations")
    client = models.ForeignKey(Client, models.PROTECT, related_name="panel_invitations")
    stratum = models.CharField(_("groep"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    created_at = models.DateTimeField(_("gepland op"), default=timezone.now)
    claim_token = models.UUIDField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempt = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    reminder = models.CharField(
        _("herinnering"), max_length=10, choices=Reminder.choices, default=Reminder.NONE
    )
    answered_at = models.DateTimeField(_("ingevuld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["plan", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "client"], name="panel_invitation_unique"),
            models.CheckConstraint(
                condition=~Q(status="sending")
                | Q(claim_token__isnull=False, claimed_at__isnull=False),
                name="panel_invitation_claimed",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="panel_invitation_sent_complete",
            ),
            models.CheckConstraint(
                condition=Q(reminder="none") | Q(status="sent"),
                name="panel_reminder_after_invitation",
            ),
        ]
        indexes = [
            models.Index(fields=["plan", "status"], name="panel_invitation_status_idx"),
            models.Index(fields=["client", "created_at"], name="panel_invitation_client_idx"),
            models.Index(
                fields=["claim_token"],
                condition=Q(claim_token__isnull=False),
                name="panel_invitation_claim_idx",
            ),
        ]

    def __str__(self):
        return f"{self.plan_id}/{self.client_id} {self.status}"


class OutboxMessage(models.Model):
    """One e-mail to send, written in the same transaction that marks its invitation sent (or
    its reminder queued). At most one per invitation and kind (a unique constraint)."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("uitnodiging")
        REMINDER = "reminder", _("herinnering")

    class Status(models.TextChoices):
        QUEUED = "queued", _("klaar om te versturen")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")
        UNCERTAIN = "uncertain", _("onzeker: verzending onderbroken")
        CANCELLED = "cancelled", _("niet verstuurd (afgemeld)")
        FAILED = "failed", _("mislukt")

    invitation = models.ForeignKey(Invitation, models.PROTECT, related_name="outbox")
    plan = models.ForeignKey(PanelSurvey, models.PROTECT, related_name="outbox")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    message_id = models.CharField(max_length=200, unique=True)
    # SHA-256 of the link's token; the token itself is only in the e-mail (and in ``body``
    # until the e-mail is sent).
    token_hash = models.CharField(max_length=64, unique=True)
    to = models.EmailField()
    subject = models.CharField(max_length=200)
    # Holds the link with the raw token until the e-mail is sent, then it is emptied.
    body = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    handed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("e-mail klantpanel")
        verbose_name_plural = _("e-mails klantpanel")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["invitation", "kind"], name="panel_outbox_once"),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False), name="panel_outbox_sent"
            ),
        ]
        indexes = [models.Index(fields=["plan", "status"], name="panel_outbox_status_idx")]

    def __str__(self):
        return f"{self.kind} {self.message_id}"


# Letters a reader cannot mistake for one another: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
PAPER_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
PAPER_CODE_LENGTH = 8


class PaperCode(models.Model):
    """The personal code in a panel invitation sent as a letter (to a member without an e-mail
    address). One per invitation; used once, to answer on paper (a staff member types the
    answers in) or at an office tablet (the member types them). See docs/adr/0035."""

    class Via(models.TextChoices):
        PAPER = "paper", _("op papier (ingevoerd door een medewerker)")
        TABLET = "tablet", _("op een tablet op kantoor")

    invitation = models.OneToOneField(Invitation, models.PROTECT, related_name="paper_code")
    code = models.CharField(_("code"), max_length=PAPER_CODE_LENGTH, unique=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    used_via = models.CharField(_("gebruikt via"), max_length=10, choices=Via.choices, blank=True)
    # The staff member who typed the paper answers in, or who opened the tablet.
    used_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("papieren code klantpanel")
        verbose_name_plural = _("papieren codes klantpanel")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Exact(Length("code"), PAPER_CODE_LENGTH),
                name="panel_paper_code_shape",
            ),
            # Used means: when, how and by whose hand, all three; unused means none of them.
            models.CheckConstraint(
                condition=Q(used_at__isnull=True, used_via="", used_by__isnull=True)
                | Q(used_at__isnull=False, used_via__in=["paper", "tablet"], used_by__isnull=False),
                name="panel_paper_code_used_complete",
            ),
        ]

    def __str__(self):
        return f"{self.invitation_id} {'gebruikt' if self.used_at else 'open'}"
