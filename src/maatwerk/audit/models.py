from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from maatwerk.core.append_only import AppendOnlyModel


class AuditEntry(AppendOnlyModel):
    """Who looked at or changed what, and why. Each row carries the hash of the one before.

    Actors and clients are stored as plain ids and a name, not as foreign keys, so that no later
    change elsewhere can ever rewrite a row.
    """

    seq = models.BigIntegerField(_("volgnummer"), unique=True)
    at = models.DateTimeField(_("moment"))
    actor_user_id = models.BigIntegerField(_("gebruiker"), null=True, blank=True)
    actor_label = models.CharField(_("door"), max_length=250)
    action = models.CharField(_("handeling"), max_length=64)
    client_id = models.BigIntegerField(_("cliënt"), null=True, blank=True, db_index=True)
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    reason = models.TextField(_("reden"), blank=True)
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-seq"]
        constraints = [models.CheckConstraint(condition=Q(seq__gte=1), name="audit_seq_positive")]

    def __str__(self):
        return f"#{self.seq} {self.action} {self.actor_label}"


class AuditHead(models.Model):
    """The end of the chain. Locking this row serialises writers; it also lets `verify`
    notice when the newest rows were deleted."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="audit_head_singleton")]

    def __str__(self):
        return f"audit head #{self.seq}"
