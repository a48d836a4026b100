"""Every write to API tokens, each with its audit row in the same transaction."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.access.rules import staff_of
from maatwerk.audit import actions as audit

from .models import ApiToken, hash_token, new_token


def create_token(
    *, user, name: str, expires_at: datetime | None = None, by_user=None
) -> tuple[ApiToken, str]:
    """Make a token for an active staff member allowed to use the API. Returns the token row
    and the secret; the secret is not stored and cannot be shown again."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Geef de sleutel een naam.")})
    if staff_of(user) is None:
        raise ValidationError(_("Alleen medewerkers in dienst kunnen een API-sleutel krijgen."))
    if not user.has_perm("access.use_api"):
        raise ValidationError(_("Deze medewerker heeft geen recht om de API te gebruiken."))
    now = timezone.now()
    if expires_at is not None and expires_at <= now:
        raise ValidationError({"expires_at": _("Kies een vervaldatum in de toekomst.")})
    secret = new_token()
    token = ApiToken(
        user=user, name=name, token_hash=hash_token(secret), created_at=now, expires_at=expires_at
    )
    token.full_clean()
    with transaction.atomic():
        token.save()
        audit.log(
            "api_token.created",
            user=by_user,
            about=token,
            data={
                "token_user": user.pk,
                "name": name,
                "expires_at": expires_at.isoformat() if expires_at else None,
            },
        )
    return token, secret


def revoke_token(*, token: ApiToken, by_user=None) -> bool:
    """Revoke a token for good. Returns False when it was revoked already."""
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked:
            return False
        locked.revoked = True
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked", "revoked_at"])
        audit.log(
            "api_token.revoked",
            user=by_user,
            about=locked,
            data={"token_user": locked.user_id, "name": locked.name},
        )
    token.revoked, token.revoked_at = locked.revoked, locked.revoked_at
    return True
