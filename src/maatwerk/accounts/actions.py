"""Every write of the log-in app: linking a staff member's authenticator (TOTP) device."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from maatwerk.audit import actions as audit


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device a first log-in shows as a QR code (made once, then reused).

    Not audited: an unconfirmed device lets nobody in; confirming it is the event that counts."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    return device


def confirm_device(device: TOTPDevice, *, user) -> TOTPDevice:
    """The right code was typed: from now on this device is the user's second factor."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.log("accounts.second_factor_linked", user=user, about=device)
    return device
