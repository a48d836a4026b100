"""Client log-in through OpenID Connect: a DigiD broker hands us the client's BSN in a claim.

We never create accounts from a log-in: only a registered client can log in, matched on BSN.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from maatwerk.clients.models import Client
from maatwerk.clients.validators import is_valid_bsn


class ClientOIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims):
        bsn = str(claims.get(settings.OIDC_BSN_CLAIM, ""))
        return is_valid_bsn(bsn)

    def filter_users_by_claims(self, claims):
        bsn = str(claims.get(settings.OIDC_BSN_CLAIM, ""))
        if not is_valid_bsn(bsn):
            return get_user_model().objects.none()
        client = (
            Client.objects.real().filter(bsn=bsn, user__isnull=False).select_related("user").first()
        )
        if client is None:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(pk=client.user_id, is_active=True)

    def create_user(self, claims):
        return None

    def update_user(self, user, claims):
        return user

    def authenticate(self, request, **kwargs):
        if not settings.OIDC_ENABLED:
            return None
        return super().authenticate(request, **kwargs)
