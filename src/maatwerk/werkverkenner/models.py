"""The Werkverkenner: a versioned questionnaire, submissions, scores, triage and model versions."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.core.append_only import AppendOnlyModel
from maatwerk.organisation.models import StaffMember

BANDS = ["0-25", "25-50", "50-75", "75-100"]


class Questionnaire(models.Model):
    """One version of the questions. A published version is never changed: make a new one."""

    version = models.PositiveIntegerField(_("versie"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    published = models.BooleanField(_("gepubliceerd"), default=False)
    page_titles = models.JSONField(_("paginatitels"), default=list, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        ordering = ["-version"]

    def __str__(self):
        return f"{self.title} (versie {self.version})"


class Question(models.Model):
    class Kind(models.TextChoices):
        CHOICE = "choice", _("één keuze")
        NUMBER = "number", _("getal")

    questionnaire = models.ForeignKey(Questionnaire, models.CASCADE, related_name="questions")
    code = models.SlugField(_("code"), max_length=50)
    order = models.PositiveIntegerField(_("volgorde"))
    page = models.PositiveSmallIntegerField(_("pagina"))
    text = models.CharField(_("vraag"), max_length=300)
    help_text = models.CharField(_("uitleg"), max_length=500, blank=True)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    optional = models.BooleanField(_("mag worden overgeslagen"), default=False)
    is_health = models.BooleanField(_("gaat over gezondheid"), default=False)
    from_records = models.BooleanField(_("gegeven uit het dossier"), default=False)
    changeable_by_client = models.BooleanField(_("kan de cliënt zelf veranderen"), default=False)
    feature = models.SlugField(_("kenmerk in het model"), max_length=50)
    min_value = models.FloatField(_("laagste getal"), null=True, blank=True)
    max_value = models.FloatField(_("hoogste getal"), null=True, blank=True)
    unit = models.CharField(_("eenheid"), max_length=30, blank=True)
    explain_helps = models.CharField(_("zin als het helpt"), max_length=300)
    explain_harder = models.CharField(_("zin als het moeilijker maakt"), max_length=300)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "code"], name="werkverkenner_question_code_unique"
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "feature"], name="werkverkenner_question_feature_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind="choice")
                | Q(
                    min_value__isnull=False,
                    max_value__isnull=False,
                    min_value__lt=models.F("max_value"),
                ),
                name="werkverkenner_number_has_range",
            ),
            # Health questions may always be skipped.
            models.CheckConstraint(
                condition=Q(is_health=False) | Q(optional=True),
                name="werkverkenner_health_is_optional",
            ),
        ]

    def __str__(self):
        return self.code


class AnswerOption(models.Model):
    question = models.ForeignKey(Question, models.CASCADE, related_name="options")
    code = models.SlugField(_("code"), max_length=50)
    label = models.CharField(_("antwoord"), max_length=200)
    value = models.FloatField(_("waarde voor het model"))
    order = models.PositiveIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("antwoordmogelijkheid")
        verbose_name_plural = _("antwoordmogelijkheden")
        ordering = ["question", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "code"], name="werkverkenner_option_code_unique"
            )
        ]

    def __str__(self):
        return self.label


class Submission(models.Model):
    """One client's answers to one questionnaire version, saved page by page.

    ``answers`` maps question code → option code (choice) or number; a skipped optional question
    is stored as ``None``. After submitting, a correction changes an answer and rescores; the
    old answers stay in the scores (``Score.inputs``), the timeline and the audit log.
    """

    client = models.ForeignKey(Client, models.PROTECT, related_name="werkverkenner_submissions")
    questionnaire = models.ForeignKey(Questionnaire, models.PROTECT, related_name="submissions")
    answers = models.JSONField(_("antwoorden"), default=dict, blank=True)
    pages_done = models.PositiveSmallIntegerField(_("pagina's ingevuld"), default=0)
    started_at = models.DateTimeField(_("begonnen"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt"), default=timezone.now)
    submitted_at = models.DateTimeField(_("ingediend"), null=True, blank=True)
    filled_in_by = models.ForeignKey(
        StaffMember,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevuld samen met"),
        help_text=_("De adviseur die de vragenlijst met of voor de cliënt invulde."),
    )

    class Meta:
        verbose_name = _("ingevulde Werkverkenner")
        verbose_name_plural = _("ingevulde Werkverkenners")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                condition=Q(submitted_at__isnull=True),
                name="werkverkenner_one_open_submission",
            )
        ]

    def __str__(self):
        return f"{self.client} {self.started_at:%Y-%m-%d}"


class ModelVersion(models.Model):
    """A trained model. Files live under the model root; old versions are kept."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    trained_by = models.CharField(_("getraind door"), max_length=250)
    directory = models.CharField(_("map met modelbestanden"), max_length=200, unique=True)
    card = models.JSONField(_("modelkaart"), default=dict, blank=True)
    card_text = models.TextField(_("modelkaart (tekst)"), blank=True)
    metrics = models.JSONField(_("kwaliteit"), default=dict, blank=True)
    feature_names = models.JSONField(_("kenmerken"), default=list, blank=True)
    synthetic = models.BooleanField(_("getraind op verzonnen gegevens"), default=False)
    data_description = models.CharField(_("trainingsgegevens"), max_length=300, blank=True)
    is_active = models.BooleanField(_("actief"), default=False)
    activated_at = models.DateTimeField(_("geactiveerd"), null=True, blank=True)

    class Meta:
        verbose_name = _("modelversie")
        verbose_name_plural = _("modelversies")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=Q(is_active=True),
                name="werkverkenner_one_active_model",
                violation_error_message=_("Er is al een actieve modelversie."),
            )
        ]

    def __str__(self):
        return self.name


class Score(AppendOnlyModel):
    """One estimate. Never changed: a correction or a new model adds a new row."""

    class Cause(models.TextChoices):
        SUBMITTED = "submitted", _("ingediend")
        CORRECTED = "corrected", _("antwoord gecorrigeerd")
        BATCH = "batch", _("opnieuw berekend (alle cliënten)")

    client = models.ForeignKey(Client, models.PROTECT, related_name="werkverkenner_scores")
    submission = models.ForeignKey(Submission, models.PROTECT, related_name="scores")
    model_version = models.ForeignKey(ModelVersion, models.PROTECT, related_name="scores")
    probability = models.FloatField(_("kans"))
    band = models.CharField(_("band"), max_length=10)
    explanation = models.JSONField(_("uitleg"), default=list)
    inputs = models.JSONField(_("antwoorden en kenmerken"), default=dict)
    cause = models.CharField(_("aanleiding"), max_length=10, choices=Cause.choices)
    created_at = models.DateTimeField(_("moment"), default=timezone.now)

    class Meta:
        verbose_name = _("uitkomst")
        verbose_name_plural = _("uitkomsten")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["client", "-created_at"], name="wv_score_client_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(probability__gte=0) & Q(probability__lte=1),
                name="werkverkenner_probability_range",
            ),
            models.CheckConstraint(condition=Q(band__in=BANDS), name="werkverkenner_band_valid"),
        ]

    def __str__(self):
        return f"{self.client} {self.band}"


class TriageItem(models.Model):
    """An invitation for a werkoriëntatiegesprek waiting for the adviser's decision."""

    class Source(models.TextChoices):
        SCORE = "score", _("uitkomst op of onder de uitnodigingsgrens")
        REQUEST = "request", _("cliënt vraagt om een gesprek")
        NO_SCORE = "no_score", _("geen uitkomst beschikbaar")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        INVITE = "invite", _("uitnodigen")
        NO_INVITE = "no_invite", _("niet uitnodigen")

    client = models.ForeignKey(Client, models.PROTECT, related_name="werkverkenner_triage")
    score = models.ForeignKey(Score, models.PROTECT, null=True, blank=True, related_name="+")
    submission = models.ForeignKey(
        Submission, models.PROTECT, null=True, blank=True, related_name="triage_items"
    )
    source = models.CharField(_("aanleiding"), max_length=10, choices=Source.choices)
    status = models.CharField(
        _("besluit"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    decided_at = models.DateTimeField(_("besloten"), null=True, blank=True)
    decided_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reden"), blank=True, max_length=1000)
    overrides_advice = models.BooleanField(_("wijkt af van de Werkverkenner"), default=False)

    class Meta:
        verbose_name = _("uitnodiging werkoriëntatiegesprek")
        verbose_name_plural = _("werklijst Werkverkenner")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                condition=Q(status="open"),
                name="werkverkenner_one_open_triage_item",
                violation_error_message=_("Deze cliënt staat al op de werklijst."),
            ),
            models.CheckConstraint(
                condition=Q(status="open", decided_at__isnull=True, decided_by__isnull=True)
                | (
                    Q(status__in=["invite", "no_invite"], decided_at__isnull=False)
                    & Q(decided_by__isnull=False)
                    & ~Q(reason="")
                ),
                name="werkverkenner_decision_complete",
            ),
        ]

    def __str__(self):
        return f"{self.client} ({self.get_status_display()})"


class BatchRun(models.Model):
    """Scoring every client with a submitted Werkverkenner, in chunks; resumable."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    model_version = models.ForeignKey(ModelVersion, models.PROTECT, related_name="batch_runs")
    started_by = models.CharField(_("gestart door"), max_length=250)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("totaal"), default=0)
    processed = models.PositiveIntegerField(_("verwerkt"), default=0)
    scored = models.PositiveIntegerField(_("nieuwe uitkomsten"), default=0)
    last_client_id = models.BigIntegerField(_("laatst verwerkte cliënt"), default=0)
    chunk_size = models.PositiveIntegerField(_("per keer"), default=500)
    error = models.TextField(_("fout"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt"), default=timezone.now)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("berekening voor alle cliënten")
        verbose_name_plural = _("berekeningen voor alle cliënten")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(processed__lte=models.F("total")), name="werkverkenner_batch_progress"
            )
        ]

    def __str__(self):
        return f"{self.model_version} {self.processed}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.processed / self.total)
