import pytest

from maatwerk.accounts.oidc import ClientOIDCBackend
from maatwerk.core.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(settings):
    settings.OIDC_ENABLED = True
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://broker.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://broker.example/userinfo"
    settings.OIDC_RP_CLIENT_ID = "maatwerk"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://broker.example/jwks"
    return ClientOIDCBackend()


def test_a_registered_client_is_found_by_bsn(backend, client_record):
    found = backend.filter_users_by_claims({"bsn": client_record.bsn})
    assert list(found) == [client_record.user]
    assert backend.verify_claims({"bsn": client_record.bsn})


def test_unknown_or_invalid_bsn_finds_nobody_and_creates_nobody(backend, client_record):
    assert not backend.filter_users_by_claims({"bsn": factories.next_bsn()}).exists()
    assert not backend.filter_users_by_claims({"bsn": "123456789"}).exists()
    assert not backend.verify_claims({"bsn": "123456789"})
    assert not backend.verify_claims({})
    assert backend.create_user({"bsn": factories.next_bsn()}) is None


def test_practice_accounts_cannot_log_in_through_digid(backend, adviser):
    from maatwerk.portal.actions import open_practice_account

    practice = open_practice_account(staff=adviser)
    assert practice.bsn is None
    assert not backend.filter_users_by_claims({"bsn": ""}).exists()
