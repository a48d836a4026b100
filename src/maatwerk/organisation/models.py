from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from maatwerk.core.source_text import show, text_value


class Organisation(models.Model):
    """The organisation's own names and contact details: one row, edited in the admin."""

    name = models.CharField(_("naam"), max_length=200)
    short_name = models.CharField(_("korte naam"), max_length=50)
    phone = models.CharField(_("algemeen telefoonnummer"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    client_portal_name = models.CharField(_("naam van het klantportaal"), max_length=100)
    return_address = models.CharField(
        _("retouradres voor brieven"),
        max_length=200,
        blank=True,
        help_text=_(
            "Bijvoorbeeld: Postbus 1234, 1000 AB Amsterdam. Leeg: het adres van de vestiging."
        ),
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisatie")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="organisation_singleton")]

    def __str__(self):
        return self.name


class Region(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Office(models.Model):
    """A werkplein: where clients and advisers meet."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    region = models.ForeignKey(
        Region, models.PROTECT, related_name="offices", verbose_name=_("regio")
    )
    street = models.CharField(_("straat"), max_length=100)
    house_number = models.CharField(_("huisnummer"), max_length=10)
    postal_code = models.CharField(_("postcode"), max_length=7)
    city = models.CharField(_("plaats"), max_length=100)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("vestiging")
        verbose_name_plural = _("vestigingen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def address(self) -> str:
        return f"{self.street} {self.house_number}, {self.postal_code} {self.city}"

    @property
    def werkplein(self) -> str:
        """'werkplein Amsterdam', to put in a sentence: "bij werkplein Amsterdam". An office is
        usually named after its town ("op Amsterdam" reads wrong); a name that already says
        werkplein is kept as it is."""
        return show(self.werkplein_value)

    @property
    def werkplein_value(self) -> str | dict:
        """``werkplein`` as data to store (timeline): untranslated, shown in the reader's
        language later (core.source_text)."""
        if self.name.lower().startswith("werkplein"):
            return self.name
        return text_value(gettext_noop("werkplein %(name)s"), name=self.name)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


class OpeningHours(models.Model):
    office = models.ForeignKey(Office, models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(_("open tot"))

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["office", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=models.F("closes")), name="opening_hours_order"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="opening_hours_weekday"),
            models.UniqueConstraint(
                fields=["office", "weekday", "opens"], name="opening_hours_unique"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class StaffMemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True)


class StaffMember(models.Model):
    """An employee. Everything a staff member does carries their name and job title."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="staff_member",
        verbose_name=_("account"),
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    surname_prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    surname = models.CharField(_("achternaam"), max_length=100)
    job_title = models.CharField(_("functie"), max_length=100)
    photo = models.ImageField(_("foto"), upload_to="staff/", blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    offices = models.ManyToManyField(Office, related_name="staff", verbose_name=_("vestigingen"))
    roles = models.ManyToManyField(
        Group, related_name="staff_members", blank=True, verbose_name=_("rollen")
    )
    is_active = models.BooleanField(_("in dienst"), default=True)

    objects = StaffMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["surname", "first_name"]
        constraints = [
            models.CheckConstraint(condition=~Q(job_title=""), name="staff_has_job_title"),
            models.CheckConstraint(condition=~Q(first_name=""), name="staff_has_first_name"),
            models.CheckConstraint(condition=~Q(surname=""), name="staff_has_surname"),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.job_title})"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.surname_prefix, self.surname) if p)

    @property
    def initials(self) -> str:
        return f"{self.first_name[:1]}{self.surname[:1]}".upper()


class Role(Group):
    """Roles are Django groups; this proxy shows them as 'rollen' in the admin."""

    class Meta:
        proxy = True
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
