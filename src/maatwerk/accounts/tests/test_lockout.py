"""Log-in throttling locks one username from one address, never a whole office behind a proxy."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from maatwerk.core.tests import factories
from maatwerk.core.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def _login(username, password=PASSWORD, **meta):
    return Client().post(
        reverse("accounts:login"), {"username": username, "password": password}, **meta
    )


def _lock(username, **meta):
    for _ in range(5):
        _login(username, "fout", **meta)
    assert _login(username, **meta).status_code == 429


@pytest.fixture
def anna(db):
    return factories.make_client(user=True, first_name="Anna").user


@pytest.fixture
def bert(db):
    return factories.make_client(user=True, first_name="Bert").user


def test_a_lockout_holds_one_username_from_one_address(anna, bert):
    _lock(anna.username, REMOTE_ADDR="192.0.2.10")
    assert _login(bert.username, REMOTE_ADDR="192.0.2.10").status_code == 302
    assert _login(anna.username, REMOTE_ADDR="192.0.2.11").status_code == 302


def test_behind_a_proxy_the_forwarded_address_counts(settings, anna, bert):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    _lock(anna.username, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.10")
    assert AccessAttempt.objects.get().ip_address == "192.0.2.10"
    elsewhere = _login(anna.username, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert elsewhere.status_code == 302
    assert (
        _login(bert.username, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.10").status_code
        == 302
    )


def test_only_the_address_the_proxy_appended_counts(settings, anna):
    """A visitor cannot dodge the lock by sending their own X-Forwarded-For entries."""
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    for n in range(5):
        _login(
            anna.username,
            "fout",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 192.0.2.10",
        )
    locked = _login(
        anna.username, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.99, 192.0.2.10"
    )
    assert locked.status_code == 429


def test_without_the_header_the_connection_address_counts(settings, anna):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    _lock(anna.username, REMOTE_ADDR="192.0.2.10", HTTP_X_REAL_IP="not an address")
    assert AccessAttempt.objects.get().ip_address == "192.0.2.10"
