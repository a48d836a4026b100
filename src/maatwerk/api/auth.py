"""Bearer-token authentication for the API: deny by default.

A request passes only with ``Authorization: Bearer <token>`` for a token that is known, not
revoked and not expired, of an active user who is an active staff member holding
``access.use_api``. An unknown or unusable token is a 401; a valid token of someone who may not
use the API (a client, a staff member without the permission or out of service) is a 403.
"""

import re

from django.utils.translation import gettext as _
from ninja.errors import AuthorizationError
from ninja.security import HttpBearer

from maatwerk.access.rules import staff_of

from .models import MAX_TOKEN_LENGTH, ApiToken, hash_token

TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_\-]+")


class ApiTokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        token = token.strip()
        if not token or len(token) > MAX_TOKEN_LENGTH or not TOKEN_SHAPE.fullmatch(token):
            return None
        found = (
            ApiToken.objects.usable()
            .select_related("user", "user__staff_member")
            .filter(token_hash=hash_token(token))
            .first()
        )
        if found is None or not found.user.is_active:
            return None
        user = found.user
        if staff_of(user) is None:
            raise AuthorizationError(
                message=_("Alleen medewerkers in dienst kunnen de API gebruiken.")
            )
        if not user.has_perm("access.use_api"):
            raise AuthorizationError(message=_("Je hebt geen recht om de API te gebruiken."))
        found.note_use()
        request.api_token = found
        request.user = user
        return user
