"""The codebook and the labels: what each client text is about and how the client felt.

A ``Code`` is data, editable by the organisation; a code in use is retired, never deleted, so old
labels keep their meaning. A ``Label`` says what one text from one text source
(``core.text_sources``) is about; it records the model version that labelled it. A correction by
staff is appended to ``LabelCorrection`` and shown on the label as corrected; retraining reads the
corrected labels, relabelling never overwrites them.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.core.append_only import AppendOnlyModel
from maatwerk.organisation.models import Office, StaffMember

SENTIMENTS = ("positief", "neutraal", "negatief")
DUTCH, OTHER_LANGUAGE, EMPTY = "nl", "andere taal", "leeg"


class CodeQuerySet(models.QuerySet):
    def delete(self):
        raise models.ProtectedError(_("Codes worden buiten gebruik gesteld, niet verwijderd."), [])

    def active(self):
        return self.filter(retired_at__isnull=True)


class Code(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("omschrijving"), max_length=1000)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    created_at = models.DateTimeField(_("toegevoegd"), default=timezone.now)
    retired_at = models.DateTimeField(_("buiten gebruik sinds"), null=True, blank=True)

    objects = CodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("code")
        verbose_name_plural = _("codeboek")
        ordering = ["order", "code"]
        permissions = [("correct_label", "Thema's en sentiment van klantteksten corrigeren")]

    def __str__(self):
        return self.name

    def delete(self, *args, **kwargs):
        raise models.ProtectedError(
            _("Codes worden buiten gebruik gesteld, niet verwijderd."), [self]
        )

    @property
    def is_active(self) -> bool:
        return self.retired_at is None


class Label(models.Model):
    source = models.CharField(_("bron"), max_length=64)  # a key of core.text_sources.registry
    source_id = models.PositiveBigIntegerField(_("nummer in de bron"))
    office = models.ForeignKey(
        Office, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("vestiging")
    )
    written_at = models.DateTimeField(_("geschreven op"))
    # Private correspondence (a client's message to their adviser): counted, never quoted.
    private = models.BooleanField(_("privé"), default=False)
    language = models.CharField(
        _("taal"),
        max_length=12,
        choices=[(DUTCH, _("Nederlands")), (OTHER_LANGUAGE, _("andere taal")), (EMPTY, _("leeg"))],
    )
    themes = models.ManyToManyField(
        Code, blank=True, related_name="labels", verbose_name=_("thema's")
    )
    sentiment = models.CharField(
        _("sentiment"), max_length=10, blank=True, choices=[(s, s) for s in SENTIMENTS]
    )
    model_version = models.CharField(_("modelversie"), max_length=40)
    labelled_at = models.DateTimeField(_("gelabeld op"), default=timezone.now)
    corrected = models.BooleanField(_("gecorrigeerd"), default=False)
    corrected_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    corrected_at = models.DateTimeField(_("gecorrigeerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("label van een klanttekst")
        verbose_name_plural = _("labels van klantteksten")
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="insight_label_once"),
            models.CheckConstraint(
                condition=Q(language__in=[DUTCH, OTHER_LANGUAGE, EMPTY]),
                name="insight_label_language_valid",
            ),
            models.CheckConstraint(
                condition=Q(sentiment__in=["", *SENTIMENTS]), name="insight_label_sentiment_valid"
            ),
            # No sentiment is guessed for an empty text or one in another language.
            models.CheckConstraint(
                condition=Q(language=DUTCH) | Q(sentiment=""), name="insight_label_no_guess"
            ),
            models.CheckConstraint(
                condition=Q(corrected=False, corrected_by__isnull=True, corrected_at__isnull=True)
                | Q(corrected=True, corrected_by__isnull=False, corrected_at__isnull=False),
                name="insight_label_correction_signed",
            ),
            models.CheckConstraint(condition=~Q(model_version=""), name="insight_label_has_model"),
        ]
        indexes = [
            models.Index(fields=["office", "written_at"], name="insight_label_office_idx"),
            models.Index(fields=["written_at"], name="insight_label_when_idx"),
        ]

    def __str__(self):
        return f"{self.source}:{self.source_id}"


class LabelCorrection(AppendOnlyModel):
    """A staff member's correction of a label: what it was and what it became."""

    label = models.ForeignKey(Label, models.PROTECT, related_name="corrections")
    at = models.DateTimeField(default=timezone.now)
    by_staff = models.ForeignKey(StaffMember, models.PROTECT, related_name="+")
    themes = models.JSONField(default=list)  # codes, as they became
    sentiment = models.CharField(max_length=10, blank=True)
    previous_themes = models.JSONField(default=list)
    previous_sentiment = models.CharField(max_length=10, blank=True)
    previous_model_version = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("correctie van een label")
        verbose_name_plural = _("correcties van labels")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.label_id} {self.at:%Y-%m-%d %H:%M}"
