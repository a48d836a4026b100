"""The letter book: templates, their immutable versions, the approval steps of each version and
the letters sent. Only ``LetterTemplate`` is ever updated (its head: the latest version number and
the published version); every other row is append-only."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.core.append_only import AppendOnlyModel
from maatwerk.organisation.models import Office, StaffMember

PERMISSIONS = [
    ("view_letter_book", _("Brievenboek bekijken")),
    ("edit_letters", _("Brieven schrijven, indienen en publiceren")),
    ("review_legal", _("Brieven juridisch controleren")),
    ("comment_as_reader", _("Als meelezer reageren op een brief")),
    ("send_letters", _("Brieven sturen aan cliënten")),
]


class State(models.TextChoices):
    DRAFT = "draft", _("concept")
    LEGAL_REVIEW = "legal_review", _("juridische controle")
    READER_REVIEW = "reader_review", _("meelezen door cliënten")
    PUBLISHED = "published", _("gepubliceerd")
    SUPERSEDED = "superseded", _("vervangen")


class LetterTemplate(models.Model):
    title = models.CharField(_("naam"), max_length=200, unique=True)
    purpose = models.CharField(_("waarvoor"), max_length=500, blank=True)
    usable_as_reply = models.BooleanField(_("ook als antwoord op een bericht"), default=False)
    shipped_key = models.CharField(max_length=50, blank=True, editable=False)
    latest_number = models.PositiveIntegerField(_("laatste versie"), default=0, editable=False)
    published_version = models.ForeignKey(
        "TemplateVersion",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("gepubliceerde versie"),
    )
    created_by = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("briefsjabloon")
        verbose_name_plural = _("briefsjablonen")
        ordering = ["title"]
        permissions = PERMISSIONS
        constraints = [
            models.UniqueConstraint(
                fields=["shipped_key"], condition=~Q(shipped_key=""), name="letters_shipped_once"
            ),
        ]

    def __str__(self):
        return self.title


class TemplateVersion(AppendOnlyModel):
    """One version of a template's text: never changed. A change is a new version."""

    template = models.ForeignKey(LetterTemplate, models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    change_note = models.CharField(_("wat is er veranderd"), max_length=500, blank=True)
    plain_language = models.JSONField(_("taalcheck"), default=dict)
    meets_b1 = models.BooleanField(_("voldoet aan B1"), default=False)
    created_by = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("versie van een brief")
        verbose_name_plural = _("versies van brieven")
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="letters_version_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="letters_version_positive"),
            models.CheckConstraint(condition=~Q(subject=""), name="letters_version_subject"),
            models.CheckConstraint(condition=~Q(body=""), name="letters_version_body"),
        ]

    def __str__(self):
        return f"{self.template} v{self.number}"


class StepKind(models.TextChoices):
    CREATED = "created", _("geschreven")
    SUBMITTED = "submitted", _("ingediend voor juridische controle")
    LEGAL_APPROVED = "legal_approved", _("juridisch goedgekeurd")
    REJECTED = "rejected", _("teruggestuurd naar concept")
    PUBLISHED = "published", _("gepubliceerd")
    SUPERSEDED = "superseded", _("vervangen door een nieuwere versie")


# Which state each kind of step leaves a version in.
STATE_AFTER = {
    StepKind.CREATED: State.DRAFT,
    StepKind.SUBMITTED: State.LEGAL_REVIEW,
    StepKind.LEGAL_APPROVED: State.READER_REVIEW,
    StepKind.REJECTED: State.DRAFT,
    StepKind.PUBLISHED: State.PUBLISHED,
    StepKind.SUPERSEDED: State.SUPERSEDED,
}


class ReviewStep(AppendOnlyModel):
    """One step in a version's approval: who, when, and the state it left the version in."""

    Kind = StepKind
    STATE_AFTER = STATE_AFTER

    version = models.ForeignKey(TemplateVersion, models.PROTECT, related_name="steps")
    seq = models.PositiveIntegerField()
    kind = models.CharField(_("stap"), max_length=20, choices=Kind.choices)
    state = models.CharField(_("status daarna"), max_length=20, choices=State.choices)
    by = models.ForeignKey(StaffMember, models.PROTECT, related_name="+", verbose_name=_("door"))
    at = models.DateTimeField(_("moment"), default=timezone.now)
    comment = models.TextField(_("toelichting"), blank=True, max_length=4000)
    justification = models.TextField(_("reden om te publiceren zonder B1"), blank=True)

    class Meta:
        verbose_name = _("stap in de goedkeuring")
        verbose_name_plural = _("stappen in de goedkeuring")
        ordering = ["version", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["version", "seq"], name="letters_step_unique"),
            models.CheckConstraint(
                condition=Q(
                    *[Q(kind=str(k), state=str(v)) for k, v in STATE_AFTER.items()],
                    _connector=Q.OR,
                ),
                name="letters_step_state_matches_kind",
            ),
            models.CheckConstraint(
                condition=~Q(kind="rejected") | ~Q(comment=""), name="letters_reject_has_comment"
            ),
        ]

    def __str__(self):
        return f"{self.version} #{self.seq} {self.kind}"


class ReaderInvitation(AppendOnlyModel):
    """A client reader (a council member) invited to comment on one version."""

    version = models.ForeignKey(TemplateVersion, models.PROTECT, related_name="invitations")
    reader = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    invited_by = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("uitnodiging om mee te lezen")
        verbose_name_plural = _("uitnodigingen om mee te lezen")
        constraints = [
            models.UniqueConstraint(fields=["version", "reader"], name="letters_invite_once")
        ]


class ReaderComment(AppendOnlyModel):
    version = models.ForeignKey(TemplateVersion, models.PROTECT, related_name="comments")
    reader = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    text = models.TextField(_("reactie"), max_length=4000)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reactie van een meelezer")
        verbose_name_plural = _("reacties van meelezers")
        ordering = ["version", "at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="letters_comment_not_empty")
        ]


class SentLetter(AppendOnlyModel):
    """A letter as it was sent: its template version and the exact values used, never changed."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        POST = "post", _("post")

    client = models.ForeignKey(Client, models.PROTECT, related_name="letters")
    template = models.ForeignKey(LetterTemplate, models.PROTECT, related_name="sent")
    version = models.ForeignKey(TemplateVersion, models.PROTECT, related_name="sent")
    channel = models.CharField(_("verstuurd per"), max_length=10, choices=Channel.choices)
    subject = models.CharField(_("onderwerp"), max_length=400)
    body_text = models.TextField(_("tekst"))
    values = models.JSONField(_("ingevulde gegevens"))
    letterhead = models.JSONField(_("briefhoofd"))
    recipient = models.JSONField(_("ontvanger"))
    sent_by = models.ForeignKey(
        StaffMember, models.PROTECT, related_name="+", verbose_name=_("verstuurd door")
    )
    office = models.ForeignKey(Office, models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(_("verstuurd"), default=timezone.now)
    submission_token = models.UUIDField(unique=True, editable=False)

    class Meta:
        verbose_name = _("verstuurde brief")
        verbose_name_plural = _("verstuurde brieven")
        ordering = ["-sent_at", "-pk"]
        indexes = [
            models.Index(fields=["client", "-sent_at"], name="letters_sent_client_idx"),
            models.Index(fields=["template", "office"], name="letters_sent_stats_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=["email", "post"]), name="letters_channel_valid"
            ),
        ]

    def __str__(self):
        return f"{self.subject} ({self.sent_at:%Y-%m-%d})"


class Delivery(AppendOnlyModel):
    """One attempt to hand an e-mailed letter to the mail server, kept to show whether it left."""

    letter = models.ForeignKey(SentLetter, models.PROTECT, related_name="deliveries")
    succeeded = models.BooleanField(_("gelukt"))
    error = models.CharField(_("fout"), max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("aflevering per e-mail")
        verbose_name_plural = _("afleveringen per e-mail")
        ordering = ["letter", "-at", "-pk"]
