from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from maatwerk.organisation.models import Office, StaffMember, Weekday

from .validators import validate_bsn


class ClientQuerySet(models.QuerySet):
    def real(self):
        """Clients that count: practice accounts are left out of every figure and export."""
        return self.filter(is_practice=False)

    def with_contact_person(self):
        return self.filter(assignments__ended_at__isnull=True)


class Client(models.Model):
    """A job seeker (werkzoekende) with a benefit."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="client",
        verbose_name=_("account"),
    )
    bsn = models.CharField(
        _("BSN"), max_length=9, unique=True, null=True, blank=True, validators=[validate_bsn]
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    surname_prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    surname = models.CharField(_("achternaam"), max_length=100)
    date_of_birth = models.DateField(_("geboortedatum"))
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    street = models.CharField(_("straat"), max_length=100, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=10, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    office = models.ForeignKey(
        Office, models.PROTECT, related_name="clients", verbose_name=_("vestiging")
    )
    benefit_start = models.DateField(_("begin uitkering"))
    benefit_expected_end = models.DateField(_("verwacht einde uitkering"))
    uses_digital_channels = models.BooleanField(_("gebruikt digitale kanalen"), default=True)
    is_practice = models.BooleanField(_("oefenaccount"), default=False)
    practice_owner = models.OneToOneField(
        StaffMember,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="practice_client",
        verbose_name=_("oefenaccount van"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    objects = ClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("cliënt")
        verbose_name_plural = _("cliënten")
        ordering = ["surname", "first_name", "pk"]
        indexes = [models.Index(fields=["surname", "first_name"], name="client_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(benefit_expected_end__gte=F("benefit_start")),
                name="client_benefit_period_order",
            ),
            # A real client always has a BSN; a practice account never has one and has an owner.
            models.CheckConstraint(
                condition=(Q(is_practice=False, bsn__isnull=False, practice_owner__isnull=True))
                | Q(is_practice=True, bsn__isnull=True, practice_owner__isnull=False),
                name="client_bsn_or_practice",
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.surname_prefix, self.surname) if p)


class ContactPreference(models.Model):
    """How and when a client wants to be contacted: human scale in data."""

    class Channel(models.TextChoices):
        PORTAL = "portal", _("berichten in Mijn omgeving")
        EMAIL = "email", _("e-mail")
        PHONE = "phone", _("telefoon")
        VIDEO = "video", _("videobellen")
        LETTER = "letter", _("brief per post")

    class LanguageLevel(models.TextChoices):
        B1 = "B1", _("B1 (eenvoudig Nederlands)")
        A2 = "A2", _("A2 (heel eenvoudig Nederlands)")

    client = models.OneToOneField(Client, models.CASCADE, related_name="preference")
    channel = models.CharField(
        _("voorkeurskanaal"), max_length=10, choices=Channel.choices, default=Channel.PORTAL
    )
    language_level = models.CharField(
        _("taalniveau"), max_length=2, choices=LanguageLevel.choices, default=LanguageLevel.B1
    )
    preferred_language = models.CharField(_("voorkeurstaal"), max_length=10, default="nl")
    accessibility_needs = models.TextField(_("toegankelijkheid"), blank=True, max_length=1000)
    notes = models.TextField(_("andere wensen"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("contactvoorkeur")
        verbose_name_plural = _("contactvoorkeuren")

    def __str__(self):
        return f"{self.client}: {self.get_channel_display()}"


class ContactWindow(models.Model):
    """A time in which the client may be called or invited, e.g. 'not before 10:00'."""

    preference = models.ForeignKey(ContactPreference, models.CASCADE, related_name="windows")
    weekday = models.PositiveSmallIntegerField(
        _("dag"),
        null=True,
        blank=True,
        choices=Weekday.choices,
        help_text=_("Leeg: elke werkdag."),
    )
    starts = models.TimeField(_("vanaf"))
    ends = models.TimeField(_("tot"))

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["weekday", "starts"]
        constraints = [
            models.CheckConstraint(condition=Q(starts__lt=F("ends")), name="contact_window_order"),
            models.CheckConstraint(
                condition=Q(weekday__isnull=True) | Q(weekday__lte=6), name="contact_window_weekday"
            ),
        ]

    def __str__(self):
        span = f"{self.starts:%H:%M}–{self.ends:%H:%M}"
        day = self.get_weekday_display() if self.weekday is not None else _("elke werkdag")
        return f"{day} {span}"


class ContactAssignment(models.Model):
    """Who is the client's named contact person, and since when. Handovers close a row."""

    client = models.ForeignKey(Client, models.PROTECT, related_name="assignments")
    staff = models.ForeignKey(
        StaffMember, models.PROTECT, related_name="assignments", verbose_name=_("adviseur")
    )
    started_at = models.DateTimeField(_("vanaf"))
    ended_at = models.DateTimeField(_("tot"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reden"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("vaste contactpersoon")
        verbose_name_plural = _("vaste contactpersonen")
        ordering = ["client", "-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                condition=Q(ended_at__isnull=True),
                name="one_active_contact_person",
                violation_error_message=_("Deze cliënt heeft al een vaste contactpersoon."),
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="contact_assignment_period_order",
            ),
        ]
        indexes = [
            models.Index(
                fields=["staff", "client"],
                condition=Q(ended_at__isnull=True),
                name="active_caseload_idx",
            )
        ]

    def __str__(self):
        return f"{self.client} → {self.staff}"
