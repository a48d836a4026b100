"""Linking a second factor is on the record (accounts.actions.confirm_device, docs/adr/0029)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_linking_an_authenticator_writes_one_audit_row(settings, client, adviser):
    settings.STAFF_OTP_REQUIRED = True
    client.post(
        reverse("accounts:login"), {"username": adviser.user.username, "password": PASSWORD}
    )
    client.get(reverse("accounts:otp_setup"))  # shows the QR code of an unconfirmed device
    assert not AuditEntry.objects.filter(action="accounts.second_factor_linked").exists()
    device = TOTPDevice.objects.get(user=adviser.user, confirmed=False)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"

    response = client.post(reverse("accounts:otp_setup"), {"token": code})

    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    entry = AuditEntry.objects.get(action="accounts.second_factor_linked")
    assert entry.actor_user_id == adviser.user.pk
    assert (entry.object_type, entry.object_id) == ("otp_totp.totpdevice", str(device.pk))
