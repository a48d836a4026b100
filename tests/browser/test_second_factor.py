"""Outside demo mode a staff member links an authenticator app at the first log-in."""

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_first_log_in_sets_up_the_second_factor(visit, settings, adviser):
    settings.STAFF_OTP_REQUIRED = True
    # A wrong code makes django-otp refuse the next try for a second; don't wait for that here.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    visit.login(adviser.user.username)
    page = visit.page

    expect(page).to_have_url(re.compile(r"/inloggen/code/instellen/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Stel je tweede inlogstap in")
    qr_code = page.get_by_role("img", name="QR-code om je authenticator-app te koppelen")
    expect(qr_code).to_be_visible()
    visit.check()

    code = page.get_by_label("Code uit je authenticator-app")
    code.fill("000000")
    page.get_by_role("button", name="Koppelen").click()
    expect(code).to_have_accessible_description(
        re.compile(r"Deze code klopt niet of is verlopen\. Probeer de nieuwe code\.")
    )
    visit.check()

    device = TOTPDevice.objects.get(user=adviser.user)
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    code.fill(f"{token:06d}")
    page.get_by_role("button", name="Koppelen").click()
    expect(page).to_have_url(re.compile(r"/werk/clienten/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn cliënten")
    visit.check()
