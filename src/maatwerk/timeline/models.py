from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.core.append_only import AppendOnlyModel
from maatwerk.organisation.models import StaffMember

from . import kinds


class TimelineEvent(AppendOnlyModel):
    """One thing that happened in a client's journey. Never edited, only added to."""

    class ActorType(models.TextChoices):
        STAFF = "staff", _("medewerker")
        CLIENT = "client", _("cliënt")
        SYSTEM = "system", _("systeem")

    client = models.ForeignKey(Client, models.PROTECT, related_name="timeline_events")
    kind = models.CharField(_("soort"), max_length=64)
    occurred_at = models.DateTimeField(_("moment"), default=timezone.now)
    actor_type = models.CharField(_("door"), max_length=10, choices=ActorType.choices)
    actor_staff = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    object_type = models.ForeignKey(
        ContentType, models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    visible_to_client = models.BooleanField(_("zichtbaar voor cliënt"), default=True)

    class Meta:
        verbose_name = _("tijdlijngebeurtenis")
        verbose_name_plural = _("tijdlijn")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["client", "-occurred_at"], name="timeline_client_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(actor_type="staff") & Q(actor_staff__isnull=False))
                | (~Q(actor_type="staff") & Q(actor_staff__isnull=True)),
                name="timeline_staff_actor_named",
            ),
            models.CheckConstraint(
                condition=Q(actor_type__in=["staff", "client", "system"]),
                name="timeline_actor_type_valid",
            ),
        ]

    def __str__(self):
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.kind}"

    @property
    def summary(self) -> str:
        try:
            return kinds.get(self.kind).render(self.data)
        except (LookupError, KeyError):
            return self.kind

    @property
    def label(self) -> str:
        try:
            return str(kinds.get(self.kind).label)
        except LookupError:
            return self.kind
