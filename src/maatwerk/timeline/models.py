from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

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

    # The voice the event speaks in when shown: the queries that feed a screen set it
    # (``events_for_staff`` annotates "staff"). On its own an event speaks to the client, or to
    # staff when the client never sees it.
    voice: str | None = None

    def _kind(self) -> kinds.EventKind | None:
        try:
            return kinds.get(self.kind)
        except LookupError:
            return None

    def actor_name(self, voice: kinds.Voice) -> str:
        """Who did it, as the reader calls them: "U" or the client's first name, or the staff
        member's name. Never the product: an event done by the system names no actor."""
        if self.actor_type == self.ActorType.STAFF and self.actor_staff is not None:
            return self.actor_staff.full_name
        if self.actor_type == self.ActorType.CLIENT:
            return (
                pgettext("timeline actor", "U")
                if voice == kinds.Voice.CLIENT
                else self.client.first_name
            )
        return ""

    def summary_in(self, voice: kinds.Voice) -> str:
        kind = self._kind()
        if kind is None:
            return self.kind
        try:
            return kind.render(
                self.data,
                voice,
                first_name=self.client.first_name,
                actor=self.actor_name(voice),
            )
        except (KeyError, IndexError, ValueError):
            return kind.label_in(voice)

    def label_in(self, voice: kinds.Voice) -> str:
        kind = self._kind()
        return self.kind if kind is None else kind.label_in(voice)

    def _voice(self) -> kinds.Voice:
        if self.voice:
            return kinds.Voice(self.voice)
        return kinds.Voice.CLIENT if self.visible_to_client else kinds.Voice.STAFF

    @property
    def summary(self) -> str:
        return self.summary_in(self._voice())

    @property
    def label(self) -> str:
        return self.label_in(self._voice())

    @property
    def client_summary(self) -> str:
        return self.summary_in(kinds.Voice.CLIENT)

    @property
    def staff_summary(self) -> str:
        return self.summary_in(kinds.Voice.STAFF)
