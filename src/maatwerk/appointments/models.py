"""Appointments: who is available where, the kinds of conversation, and the bookings.

The one rule that must never break — a staff member is never booked twice at the same time — is
held by the database: every active appointment claims its quarter hours in ``TimeClaim``, which
is unique per staff member and quarter (see docs/adr/0012-appointments.md).
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.core.source_text import show
from maatwerk.organisation.models import Office, StaffMember, Weekday

QUARTER_MINUTES = 15  # the grid every appointment starts and ends on
DURATIONS = [15, 30, 45, 60, 75, 90, 105, 120]


class AppointmentType(models.Model):
    """A kind of conversation (data per organisation): where it happens and how long it takes."""

    class Channel(models.TextChoices):
        OFFICE = "office", _("op het werkplein")
        PHONE = "phone", _("telefonisch")
        VIDEO = "video", _("videobellen")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duur in minuten"), choices=[(d, str(d)) for d in DURATIONS]
    )
    is_active = models.BooleanField(_("actief"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("soort afspraak")
        verbose_name_plural = _("soorten afspraken")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__in=DURATIONS), name="appointment_type_quarters"
            ),
            models.CheckConstraint(
                condition=Q(channel__in=["office", "phone", "video"]),
                name="appointment_type_channel_valid",
            ),
        ]

    def __str__(self):
        return show(self.name)  # a shipped name in the reader's language


class OfficeAgenda(models.Model):
    """Per office: which agenda plugin books its appointments, and how far ahead clients book.

    An office without a row uses the built-in agenda with the defaults below."""

    office = models.OneToOneField(
        Office, models.CASCADE, related_name="agenda", verbose_name=_("vestiging")
    )
    plugin = models.CharField(_("agendasysteem"), max_length=40, default="builtin")
    weeks_ahead = models.PositiveSmallIntegerField(_("weken vooruit boeken"), default=4)
    step_free = models.BooleanField(
        _("rolstoeltoegankelijk"),
        default=True,
        help_text=_("Drempelvrij, met lift en aangepast toilet."),
    )

    class Meta:
        verbose_name = _("agenda van een vestiging")
        verbose_name_plural = _("agenda's van vestigingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(weeks_ahead__gte=1) & Q(weeks_ahead__lte=26),
                name="office_agenda_weeks_ahead",
            )
        ]

    def __str__(self):
        return f"{self.office}: {self.plugin}"


class Availability(models.Model):
    """A weekly recurring block in which a staff member takes appointments at an office."""

    staff = models.ForeignKey(
        StaffMember, models.CASCADE, related_name="availability", verbose_name=_("medewerker")
    )
    office = models.ForeignKey(
        Office, models.CASCADE, related_name="availability", verbose_name=_("vestiging")
    )
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    starts = models.TimeField(_("van"))
    ends = models.TimeField(_("tot"))
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        verbose_name = _("beschikbaarheid")
        verbose_name_plural = _("beschikbaarheid")
        ordering = ["staff", "weekday", "starts"]
        indexes = [models.Index(fields=["office", "weekday"], name="availability_office_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(starts__lt=F("ends")), name="availability_order"),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="availability_weekday"),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_from__lte=F("valid_until")),
                name="availability_period_order",
            ),
        ]

    def __str__(self):
        return f"{self.staff}: {self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"


class Absence(models.Model):
    """An exception: a staff member is away (leave, training, illness) and takes no appointments."""

    staff = models.ForeignKey(
        StaffMember, models.CASCADE, related_name="absences", verbose_name=_("medewerker")
    )
    starts_at = models.DateTimeField(_("van"))
    ends_at = models.DateTimeField(_("tot"))
    reason = models.CharField(_("omschrijving"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("afwezigheid")
        verbose_name_plural = _("afwezigheden")
        ordering = ["staff", "starts_at"]
        indexes = [models.Index(fields=["staff", "ends_at"], name="absence_staff_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(starts_at__lt=F("ends_at")), name="absence_order")
        ]

    def __str__(self):
        return f"{self.staff}: {self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%Y-%m-%d %H:%M}"


ACTIVE = ["booked", "held", "not_shown"]


class Appointment(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("gepland")
        CANCELLED = "cancelled", _("geannuleerd")
        HELD = "held", _("gehouden")
        NOT_SHOWN = "not_shown", _("niet gekomen")

    client = models.ForeignKey(Client, models.PROTECT, related_name="appointments")
    staff = models.ForeignKey(
        StaffMember, models.PROTECT, related_name="appointments", verbose_name=_("medewerker")
    )
    office = models.ForeignKey(
        Office, models.PROTECT, related_name="appointments", verbose_name=_("vestiging")
    )
    type = models.ForeignKey(
        AppointmentType, models.PROTECT, related_name="appointments", verbose_name=_("soort")
    )
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.BOOKED
    )
    booked_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    override_reason = models.TextField(_("reden om af te wijken"), blank=True, max_length=1000)
    external_id = models.CharField(_("kenmerk in agendasysteem"), max_length=100, blank=True)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("gemaakt"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["starts_at", "pk"]
        permissions = [
            ("view_agenda", "Eigen agenda bekijken"),
            ("book_for_client", "Afspraken maken voor een cliënt"),
            ("manage_availability", "Beschikbaarheid van de vestiging beheren"),
        ]
        indexes = [
            models.Index(fields=["client", "starts_at"], name="appointment_client_idx"),
            models.Index(fields=["staff", "starts_at"], name="appointment_staff_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="appointment_order"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["booked", "cancelled", "held", "not_shown"]),
                name="appointment_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="cancelled", cancelled_at__isnull=False)
                | (~Q(status="cancelled") & Q(cancelled_at__isnull=True)),
                name="appointment_cancelled_at",
            ),
            # The first line of the no-double-booking rule; TimeClaim covers overlaps.
            models.UniqueConstraint(
                fields=["staff", "starts_at"],
                condition=Q(status__in=ACTIVE),
                name="appointment_no_double_booking",
                violation_error_message=_("Deze medewerker heeft op dat moment al een afspraak."),
            ),
        ]

    def __str__(self):
        return f"{self.type} {self.starts_at:%Y-%m-%d %H:%M} ({self.client})"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED


class TimeClaim(models.Model):
    """One quarter hour of a staff member's time taken by an active appointment.

    Unique per staff member and quarter, so two overlapping appointments cannot both be saved,
    whatever their lengths. Cancelling deletes the claims, freeing the time."""

    staff = models.ForeignKey(StaffMember, models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()
    appointment = models.ForeignKey(Appointment, models.CASCADE, related_name="claims")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["staff", "starts_at"], name="time_claim_unique")
        ]

    def __str__(self):
        return f"{self.staff_id} {self.starts_at:%Y-%m-%d %H:%M}"


class Reminder(models.Model):
    """A reminder that went out, by the channel the notification service chose (``none`` only on
    rows from before it). One per appointment and start time: the unique constraint makes sending
    idempotent, also when a task runs twice."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        LETTER = "letter", _("brief per post")
        PHONE = "phone", _("telefoon")
        NONE = "none", _("geen (geen e-mailadres of niet digitaal)")

    appointment = models.ForeignKey(Appointment, models.CASCADE, related_name="reminders")
    for_starts_at = models.DateTimeField()
    channel = models.CharField(max_length=10, choices=Channel.choices)
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "for_starts_at"], name="reminder_once_per_start"
            )
        ]

    def __str__(self):
        return f"{self.appointment_id} {self.sent_at:%Y-%m-%d %H:%M} ({self.channel})"
