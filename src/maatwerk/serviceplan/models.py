"""The service plan: a catalogue of services (data, per organisation), each client's plan as an
append-only list of versions, the client's requests, and the conversation cycle."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.core.append_only import AppendOnlyModel
from maatwerk.core.source_text import show
from maatwerk.organisation.models import StaffMember

# A Werkverkenner band, or this word for "no Werkverkenner result" in the rules below.
NO_BAND = "geen"


class ServiceType(models.Model):
    """One service an organisation offers. Names and texts are data, edited in the admin."""

    class Kind(models.TextChoices):
        ONLINE_BASE = "online_base", _("online basis")
        CONVERSATION = "conversation", _("persoonlijk gesprek")
        WORKSHOP = "workshop", _("workshop")
        ONLINE_TRAINING = "online_training", _("online training")
        NETWORK_TRAINING = "network_training", _("netwerktraining")
        OTHER = "other", _("anders")

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(
        _("uitleg voor de cliënt"), max_length=1000, help_text=_("Eenvoudig Nederlands (B1).")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    is_active = models.BooleanField(_("actief"), default=True)
    client_can_request = models.BooleanField(_("cliënt kan erom vragen"), default=True)
    needs_digital = models.BooleanField(
        _("alleen voor wie digitaal werkt"),
        default=False,
        help_text=_("Niet voorstellen aan cliënten die geen digitale kanalen gebruiken."),
    )
    proposed_for_bands = models.JSONField(
        _("voorstellen bij Werkverkenner-band"),
        default=list,
        blank=True,
        help_text=_(
            'Lijst van banden, bijvoorbeeld ["0-25", "25-50"]; "geen" betekent: de cliënt '
            "heeft geen Werkverkenner ingevuld."
        ),
    )
    proposed_when_not_digital = models.BooleanField(
        _("voorstellen als de cliënt niet digitaal werkt"), default=False
    )

    class Meta:
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        ordering = ["order", "name"]
        permissions = [
            ("decide_plan", _("Dienstverleningsplan voorstellen en vastleggen")),
            ("view_call_list", _("Beldag bekijken")),
        ]
        constraints = [
            # The online base is for everybody: exactly one service can be it.
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="online_base", is_active=True),
                name="serviceplan_one_online_base",
                violation_error_message=_("Er is al een actieve online basis."),
            ),
        ]

    def __str__(self):
        return show(self.name)  # a shipped name in the reader's language

    def clean(self):
        from maatwerk.werkverkenner.models import BANDS

        bands = self.proposed_for_bands
        known = [*BANDS, NO_BAND]
        if not isinstance(bands, list) or any(band not in known for band in bands):
            raise ValidationError(
                {
                    "proposed_for_bands": _("Gebruik een lijst met banden uit: %(bands)s.")
                    % {"bands": ", ".join(f'"{band}"' for band in known)}
                }
            )


class CycleRule(models.Model):
    """How many personal conversations a plan gets over the benefit, per Werkverkenner band."""

    band = models.CharField(
        _("Werkverkenner-band"),
        max_length=10,
        unique=True,
        help_text=_('Bijvoorbeeld 0-25; "geen" voor cliënten zonder Werkverkenner.'),
    )
    first_within_days = models.PositiveSmallIntegerField(
        _("eerste gesprek binnen (dagen na begin uitkering)"), default=21
    )
    follow_ups = models.PositiveSmallIntegerField(_("aantal vervolggesprekken"), default=2)
    min_gap_days = models.PositiveSmallIntegerField(
        _("minimaal aantal dagen tussen gesprekken"), default=21
    )
    end_margin_days = models.PositiveSmallIntegerField(
        _("laatste gesprek uiterlijk (dagen vóór verwacht einde)"), default=14
    )

    class Meta:
        verbose_name = _("gesprekkencyclus")
        verbose_name_plural = _("gesprekkencycli")
        ordering = ["band"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_gap_days__gte=1), name="serviceplan_cycle_gap_positive"
            )
        ]

    def __str__(self):
        return self.band


class Plan(models.Model):
    """A client's plan. Its content lives in its versions; this row only ties them together."""

    client = models.OneToOneField(Client, models.PROTECT, related_name="service_plan")
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("dienstverleningsplan")
        verbose_name_plural = _("dienstverleningsplannen")

    def __str__(self):
        return str(self.client)


class PlanVersion(AppendOnlyModel):
    """One proposal or decision. Never changed: a new proposal or decision adds a version."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("voorstel")
        DECIDED = "decided", _("vastgelegd")

    plan = models.ForeignKey(Plan, models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    band = models.CharField(_("Werkverkenner-band"), max_length=10, default=NO_BAND)
    uses_digital_channels = models.BooleanField(_("gebruikt digitale kanalen"), default=True)
    services = models.ManyToManyField(
        ServiceType, through="PlanItem", related_name="+", verbose_name=_("diensten")
    )
    proposal = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorstel waarop dit besluit rust"),
    )
    deviates = models.BooleanField(_("wijkt af van het voorstel"), default=False)
    reason = models.TextField(_("reden"), blank=True, max_length=1000)
    decided_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("moment"), default=timezone.now)

    class Meta:
        verbose_name = _("planversie")
        verbose_name_plural = _("planversies")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="serviceplan_version_number"),
            models.CheckConstraint(
                condition=Q(status="proposed") | Q(decided_by__isnull=False),
                name="serviceplan_decision_has_adviser",
            ),
            # Deviating from the proposal is allowed, but never without a reason.
            models.CheckConstraint(
                condition=Q(deviates=False) | ~Q(reason=""),
                name="serviceplan_deviation_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.plan} v{self.number}"


class PlanItem(AppendOnlyModel):
    version = models.ForeignKey(PlanVersion, models.PROTECT, related_name="items")
    service = models.ForeignKey(ServiceType, models.PROTECT, related_name="+")
    why = models.JSONField(_("waarom voorgesteld"), default=list, blank=True)

    class Meta:
        verbose_name = _("onderdeel van het plan")
        verbose_name_plural = _("onderdelen van het plan")
        ordering = ["version", "service__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "service"], name="serviceplan_item_once")
        ]


class ServiceRequest(models.Model):
    """A client asks for a service from the portal; the next decision answers it."""

    client = models.ForeignKey(Client, models.PROTECT, related_name="service_requests")
    service = models.ForeignKey(ServiceType, models.PROTECT, related_name="+")
    why = models.TextField(_("waarom"), max_length=500)
    created_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    answered_in = models.ForeignKey(
        PlanVersion, models.PROTECT, null=True, blank=True, related_name="answered_requests"
    )
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("vraag om een dienst")
        verbose_name_plural = _("vragen om een dienst")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["client"],
                condition=Q(answered_in__isnull=True),
                name="serviceplan_open_request_idx",
            )
        ]

    def __str__(self):
        return f"{self.client}: {self.service}"


class Conversation(models.Model):
    """One personal conversation of the cycle, due on a date."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        HELD = "held", _("gehouden")
        CANCELLED = "cancelled", _("vervallen")

    plan = models.ForeignKey(Plan, models.PROTECT, related_name="conversations")
    client = models.ForeignKey(Client, models.PROTECT, related_name="+")
    planned_in = models.ForeignKey(PlanVersion, models.PROTECT, related_name="conversations")
    due_on = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    held_on = models.DateField(_("gehouden op"), null=True, blank=True)
    held_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The appointment booked for it (an id in the appointments app, which this app only hears of
    # through the timeline): a booked conversation needs no call to plan it.
    appointment_ref = models.CharField(_("afspraak"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("gesprek in de cyclus")
        verbose_name_plural = _("gesprekken in de cyclus")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="held") | Q(held_on__isnull=False, held_by__isnull=False),
                name="serviceplan_held_has_date_and_adviser",
            )
        ]
        indexes = [
            models.Index(
                fields=["due_on", "client"],
                condition=Q(status="planned"),
                name="serviceplan_planned_due_idx",
            )
        ]

    def __str__(self):
        return f"{self.client} {self.due_on}"
