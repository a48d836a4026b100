"""Surveys: questionnaires built by researchers, answered by clients, at an office or after a
contact.

A response keeps its draft answers as JSON while the client fills it in page by page. On
completion the answers are written once as ``Answer`` rows (one per answered question, one per
chosen option for multiple choice), with the office and region copied in, so the results page is
one grouped query over an index instead of a walk over responses.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.organisation.models import Office, Region, StaffMember

PERMISSIONS = [
    ("build_survey", _("Vragenlijsten maken, publiceren en sluiten")),
    ("view_survey_results", _("Uitkomsten van vragenlijsten bekijken")),
    ("export_survey_results", _("Uitkomsten van vragenlijsten exporteren")),
    ("conduct_interview", _("Interviews afnemen op een vestiging")),
]


class Survey(models.Model):
    """A questionnaire. Published surveys are never changed: copy one to edit it."""

    class Kind(models.TextChoices):
        SURVEY = "survey", _("vragenlijst voor cliënten")
        INTERVIEW = "interview", _("interview op een vestiging")
        AFTER_CONTACT = "after_contact", _("korte vragen na een contact")

    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        PUBLISHED = "published", _("gepubliceerd")
        CLOSED = "closed", _("gesloten")

    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    intro = models.TextField(_("inleiding"), max_length=2000, blank=True)
    intro_en = models.TextField(_("inleiding (Engels)"), max_length=2000, blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.SURVEY)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    copied_from = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="copies"
    )

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        ordering = ["-created_at", "-pk"]
        permissions = PERMISSIONS
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="surveys_published_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False),
                name="surveys_closed_has_date",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["survey", "interview", "after_contact"]),
                name="surveys_kind_valid",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Page(models.Model):
    survey = models.ForeignKey(Survey, models.CASCADE, related_name="pages")
    order = models.PositiveIntegerField(_("volgorde"))
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    show_if_question = models.ForeignKey(
        "Question",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("alleen tonen als vraag"),
    )
    show_if_value = models.CharField(_("dit antwoord heeft"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("pagina")
        verbose_name_plural = _("pagina's")
        ordering = ["survey", "order", "pk"]

    def __str__(self):
        return self.title


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("één keuze")
        MULTIPLE = "multiple", _("meer keuzes")
        SCALE5 = "scale5", _("schaal 1 tot en met 5")
        SCALE10 = "scale10", _("schaal 0 tot en met 10")
        YES_NO = "yes_no", _("ja of nee")
        TEXT = "text", _("open vraag")

    survey = models.ForeignKey(Survey, models.CASCADE, related_name="questions")
    page = models.ForeignKey(Page, models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(_("volgorde"))
    code = models.SlugField(_("code"), max_length=30)
    kind = models.CharField(_("soort vraag"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("vraag"), max_length=300)
    text_en = models.CharField(_("vraag (Engels)"), max_length=300, blank=True)
    help_text = models.CharField(_("uitleg"), max_length=500, blank=True)
    help_text_en = models.CharField(_("uitleg (Engels)"), max_length=500, blank=True)
    # What the two ends of a scale mean ("helemaal niet waarschijnlijk"); empty: a default
    # (``logic.scale_ends``). Shown next to the lowest and highest number.
    low_label = models.CharField(_("betekenis van het laagste cijfer"), max_length=80, blank=True)
    low_label_en = models.CharField(
        _("betekenis van het laagste cijfer (Engels)"), max_length=80, blank=True
    )
    high_label = models.CharField(_("betekenis van het hoogste cijfer"), max_length=80, blank=True)
    high_label_en = models.CharField(
        _("betekenis van het hoogste cijfer (Engels)"), max_length=80, blank=True
    )
    required = models.BooleanField(_("verplicht"), default=True)
    show_if_question = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("alleen tonen als vraag"),
    )
    show_if_value = models.CharField(_("dit antwoord heeft"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["survey", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="surveys_question_code_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=["single", "multiple", "scale5", "scale10", "yes_no", "text"]),
                name="surveys_question_kind_valid",
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def has_options(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)

    @property
    def is_scale(self) -> bool:
        return self.kind in (self.Kind.SCALE5, self.Kind.SCALE10)


class Option(models.Model):
    question = models.ForeignKey(Question, models.CASCADE, related_name="options")
    order = models.PositiveIntegerField(_("volgorde"))
    code = models.SlugField(_("code"), max_length=30)
    label = models.CharField(_("antwoord"), max_length=200)
    label_en = models.CharField(_("antwoord (Engels)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("antwoordmogelijkheid")
        verbose_name_plural = _("antwoordmogelijkheden")
        ordering = ["question", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "code"], name="surveys_option_code_unique")
        ]

    def __str__(self):
        return self.label


class InterviewSession(models.Model):
    """A tablet at an office, opened by a staff or council member for one interview survey."""

    survey = models.ForeignKey(Survey, models.PROTECT, related_name="sessions")
    office = models.ForeignKey(Office, models.PROTECT, related_name="+")
    opened_by = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("geopend"), default=timezone.now)
    closed_at = models.DateTimeField(_("gesloten"), null=True, blank=True)

    class Meta:
        verbose_name = _("interviewsessie")
        verbose_name_plural = _("interviewsessies")
        ordering = ["-opened_at", "-pk"]

    def __str__(self):
        return f"{self.survey} – {self.office}"


class AfterContactRule(models.Model):
    """Ask a client the questions of a short survey after a timeline event of a kind."""

    event_kind = models.CharField(_("soort contact (tijdlijn)"), max_length=64)
    survey = models.ForeignKey(Survey, models.PROTECT, related_name="rules")
    expires_after_days = models.PositiveSmallIntegerField(_("verloopt na (dagen)"), default=14)
    is_active = models.BooleanField(_("actief"), default=True)
    created_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("regel na contact")
        verbose_name_plural = _("regels na contact")
        ordering = ["event_kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_after_days__gte=1) & Q(expires_after_days__lte=365),
                name="surveys_rule_expiry_range",
            ),
            models.UniqueConstraint(
                fields=["event_kind"],
                condition=Q(is_active=True),
                name="surveys_one_active_rule_per_kind",
                violation_error_message=_("Er is al een actieve regel voor deze soort contact."),
            ),
        ]

    def __str__(self):
        return self.event_kind


class ContactQuestion(models.Model):
    """A pending short question for a client about one contact (a timeline event)."""

    rule = models.ForeignKey(AfterContactRule, models.PROTECT, related_name="questions")
    survey = models.ForeignKey(Survey, models.PROTECT, related_name="contact_questions")
    client = models.ForeignKey(Client, models.PROTECT, related_name="contact_questions")
    event = models.OneToOneField(
        "timeline.TimelineEvent", models.PROTECT, related_name="contact_question"
    )
    staff = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="contact_questions"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("gevraagd"), default=timezone.now)
    expires_at = models.DateTimeField(_("verloopt"))
    answered_at = models.DateTimeField(_("beantwoord"), null=True, blank=True)

    class Meta:
        verbose_name = _("vraag na contact")
        verbose_name_plural = _("vragen na contact")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["client", "answered_at"], name="surveys_cq_client_idx")]

    def __str__(self):
        return f"{self.client_id} {self.event_id}"


class Response(models.Model):
    """One respondent's answers to one survey: a client, an interviewee or a contact question."""

    survey = models.ForeignKey(Survey, models.PROTECT, related_name="responses")
    client = models.ForeignKey(
        Client, models.PROTECT, null=True, blank=True, related_name="survey_responses"
    )
    contact_question = models.OneToOneField(
        ContactQuestion, models.PROTECT, null=True, blank=True, related_name="response"
    )
    session = models.ForeignKey(
        InterviewSession, models.PROTECT, null=True, blank=True, related_name="responses"
    )
    # The tablet's own id for one interview: a repeated sync of the same key is the same row.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)
    office = models.ForeignKey(Office, models.PROTECT, null=True, blank=True, related_name="+")
    region = models.ForeignKey(Region, models.PROTECT, null=True, blank=True, related_name="+")
    # The panel's invitation token when the client came through one (passed on at completion).
    invitation_token = models.CharField(max_length=100, blank=True)
    # Answers given by phone or on paper and typed in by a staff member, or typed by the client
    # at an office tablet a staff member opened: real client answers (counted like any other),
    # marked in exports.
    entered_by = models.ForeignKey(
        StaffMember,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevoerd door"),
    )
    entered_via = models.CharField(
        _("ingevoerd via"),
        max_length=10,
        blank=True,
        choices=[
            ("phone", _("telefoon")),
            ("paper", _("papier")),
            ("tablet", _("tablet op kantoor")),
        ],
    )
    answers = models.JSONField(_("antwoorden"), default=dict, blank=True)
    page_reached = models.PositiveSmallIntegerField(_("volgende pagina"), default=0)
    started_at = models.DateTimeField(_("begonnen"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt"), default=timezone.now)
    completed_at = models.DateTimeField(_("ingevuld"), null=True, blank=True)

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["-started_at", "-pk"]
        constraints = [
            # One response per client per survey; a survey after contacts has one per contact.
            models.UniqueConstraint(
                fields=["survey", "client"],
                condition=Q(client__isnull=False, contact_question__isnull=True),
                name="surveys_one_response_per_client",
            ),
            models.CheckConstraint(
                condition=Q(entered_by__isnull=True, entered_via="")
                | Q(entered_by__isnull=False, entered_via__in=["phone", "paper", "tablet"]),
                name="surveys_response_entered_by_staff_channel",
            ),
        ]
        indexes = [
            models.Index(fields=["survey", "completed_at"], name="surveys_response_done_idx"),
            models.Index(
                fields=["survey", "office", "completed_at"], name="surveys_response_office_idx"
            ),
            models.Index(
                fields=["survey", "region", "completed_at"], name="surveys_response_region_idx"
            ),
        ]

    def __str__(self):
        return f"{self.survey_id}/{self.pk}"


class Answer(models.Model):
    """One answer of a completed response, written once, for fast results.

    ``value`` holds scales (0–10) and yes/no (1/0); ``option`` a chosen option. Multiple choice
    writes one row per chosen option; exactly one row per answered question is ``is_primary``,
    so counting primary rows counts respondents.
    """

    response = models.ForeignKey(Response, models.CASCADE, related_name="answer_rows")
    survey = models.ForeignKey(Survey, models.PROTECT, related_name="+")
    question = models.ForeignKey(Question, models.PROTECT, related_name="+")
    option = models.ForeignKey(Option, models.PROTECT, null=True, blank=True, related_name="+")
    value = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=4000)
    is_primary = models.BooleanField(default=True)
    office = models.ForeignKey(Office, models.PROTECT, null=True, blank=True, related_name="+")
    region = models.ForeignKey(Region, models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"],
                condition=Q(is_primary=True),
                name="surveys_answer_one_primary",
            ),
            models.UniqueConstraint(
                fields=["response", "question", "option"],
                condition=Q(option__isnull=False),
                name="surveys_answer_option_once",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | (Q(value__gte=0) & Q(value__lte=10)),
                name="surveys_answer_value_range",
            ),
        ]
        # For recounting tallies and reading open answers per question; the results page itself
        # reads the tallies (see Tally).
        indexes = [
            models.Index(
                fields=["survey", "question", "option", "value", "is_primary"],
                name="surveys_answer_sum_idx",
            ),
        ]

    def __str__(self):
        return f"{self.response_id}:{self.question_id}"


class Tally(models.Model):
    """Running counts of completed answers per (survey, office, question, option, value,
    primary), kept up to date in the transaction that completes a response. The results page
    sums a few hundred of these rows instead of scanning every answer.

    Keys are plain integers with 0 (no office, region or option) and -1 (no value) for "none",
    so the unique constraint holds on both databases (NULLs would count as distinct). Practice
    accounts are never counted.
    """

    survey = models.ForeignKey(Survey, models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, models.CASCADE, related_name="+")
    office_key = models.PositiveIntegerField(default=0)
    region_key = models.PositiveIntegerField(default=0)
    option_key = models.PositiveIntegerField(default=0)
    value_key = models.SmallIntegerField(default=-1)
    is_primary = models.BooleanField()
    count = models.PositiveIntegerField(default=0)
    # What the results show: ``count`` as of the last release of this row's (survey, office,
    # region, question), made when at least VOICE_MIN_GROUP_SIZE new respondents answered it
    # (docs/adr/0028-disclosure-control.md).
    released_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("telling")
        verbose_name_plural = _("tellingen")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "survey",
                    "office_key",
                    "region_key",
                    "question",
                    "option_key",
                    "value_key",
                    "is_primary",
                ],
                name="surveys_tally_key_unique",
            )
        ]
        indexes = [
            models.Index(fields=["survey", "region_key"], name="surveys_tally_region_idx"),
        ]

    def __str__(self):
        return f"{self.survey_id}:{self.question_id}={self.count}"
