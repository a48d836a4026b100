"""API tokens: a long random secret, shown once; only its SHA-256 hash is kept."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "mw_"  # noqa: S105 (a marker, not a secret)
# 32 random bytes, URL-safe base64: 43 characters after the prefix.
TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 100
LAST_USED_GRANULARITY = timedelta(minutes=1)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        now = timezone.now()
        return self.filter(revoked=False).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))


class ApiToken(models.Model):
    """A staff member's key to the API. Created with `maatwerk api_token create`, never edited
    afterwards except to note its use and to revoke it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("account"),
    )
    name = models.CharField(
        _("naam"), max_length=100, help_text=_("Waarvoor deze sleutel is, bijv. 'rapportage'.")
    )
    token_hash = models.CharField(_("SHA-256 van de sleutel"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    expires_at = models.DateTimeField(_("verloopt"), null=True, blank=True)
    revoked = models.BooleanField(_("ingetrokken"), default=False)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        permissions = [("revoke_apitoken", _("API-sleutels intrekken"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked=False, revoked_at__isnull=True)
                | Q(revoked=True, revoked_at__isnull=False),
                name="api_token_revoked_at_set",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True) | Q(expires_at__gt=F("created_at")),
                name="api_token_expires_after_created",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="api_token_has_name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.user})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.revoked and not self.is_expired

    def note_use(self) -> None:
        """Record the use, at most once per minute, with one conditional UPDATE."""
        now = timezone.now()
        stale = now - LAST_USED_GRANULARITY
        if self.last_used_at is not None and self.last_used_at > stale:
            return
        ApiToken.objects.filter(pk=self.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale)
        ).update(last_used_at=now)
        self.last_used_at = now
