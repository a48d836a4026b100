"""One row per notification: what a client is told, and by which channel it goes.

The database refuses a notification without a channel, and an e-mail without an address: a
notification can never be "sent nowhere" (docs/adr/0031-every-notification-has-a-channel.md)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.organisation.models import StaffMember


class Notification(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        LETTER = "letter", _("brief per post")
        PHONE = "phone", _("telefoon")

    class Status(models.TextChoices):
        QUEUED = "queued", _("klaar om te versturen")
        SENT = "sent", _("verstuurd")

    client = models.ForeignKey(Client, models.PROTECT, related_name="notifications")
    kind = models.CharField(_("soort"), max_length=60)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    subject = models.CharField(_("onderwerp"), max_length=400)
    text = models.TextField(_("tekst"))
    about = models.CharField(_("gaat over"), max_length=100, blank=True)
    dedupe_key = models.CharField(max_length=200, blank=True, editable=False)
    to_email = models.EmailField(_("e-mailadres"), blank=True)
    # A letter as it will be printed: letterhead, recipient, signer and date, kept as sent.
    letter = models.JSONField(_("brief"), default=dict, blank=True)
    call_too = models.BooleanField(_("ook bellen"), default=False)
    call_done_at = models.DateTimeField(_("gebeld"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    sent_at = models.DateTimeField(_("verstuurd"), null=True, blank=True)
    done_by = models.ForeignKey(
        StaffMember, models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("bericht aan een cliënt")
        verbose_name_plural = _("berichten aan cliënten")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["channel", "created_at"],
                condition=Q(status="queued"),
                name="notification_open_idx",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=["email", "letter", "phone"]),
                name="notification_has_channel",
            ),
            models.CheckConstraint(
                condition=~Q(channel="email") | ~Q(to_email=""),
                name="notification_email_has_address",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "sent"]), name="notification_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="queued", sent_at__isnull=True)
                | Q(status="sent", sent_at__isnull=False),
                name="notification_sent_when_sent",
            ),
            models.UniqueConstraint(
                fields=["dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="notification_once_per_key",
            ),
        ]

    def __str__(self):
        return f"{self.subject} ({self.get_channel_display()})"

    @property
    def open_call(self) -> bool:
        if self.channel == self.Channel.PHONE:
            return self.status == self.Status.QUEUED
        return self.call_too and self.call_done_at is None
