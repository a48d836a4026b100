import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from maatwerk.core.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _login(web, username, password=PASSWORD):
    return web.post(reverse("accounts:login"), {"username": username, "password": password})


def _current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_client_logs_in_with_password_in_demo(client, client_record):
    response = _login(client, client_record.user.username)
    assert response.status_code == 302
    assert client.get(reverse("core:home")).url == reverse("portal:home")


def test_wrong_password_gets_a_dutch_error(client, client_record):
    response = _login(client, client_record.user.username, "fout")
    assert response.status_code == 200
    assert "wachtwoord klopt niet" in response.text


def test_clients_must_use_digid_when_password_login_is_off(settings, client, client_record):
    settings.CLIENT_PASSWORD_LOGIN = False
    response = _login(client, client_record.user.username)
    assert response.status_code == 200
    assert "DigiD" in response.text
    assert "_auth_user_id" not in client.session


def test_staff_need_a_second_factor_outside_demo(settings, client, adviser):
    settings.STAFF_OTP_REQUIRED = True
    _login(client, adviser.user.username)
    response = client.get(reverse("clients:caseload"))
    assert response.status_code == 302
    assert response.url == reverse("accounts:otp_verify")
    assert client.get(response.url).url == reverse("accounts:otp_setup")

    setup = client.get(reverse("accounts:otp_setup"))
    assert setup.status_code == 200
    assert "data:image/svg+xml;base64," in setup.text
    device = TOTPDevice.objects.get(user=adviser.user)
    assert client.post(reverse("accounts:otp_setup"), {"token": "000000"}).status_code == 200
    device.refresh_from_db()
    device.throttle_reset()  # a failed code delays the next try; this test does not wait
    response = client.post(reverse("accounts:otp_setup"), {"token": _current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("clients:caseload")).status_code == 200


def test_staff_with_a_device_verify_each_login(settings, client, adviser):
    settings.STAFF_OTP_REQUIRED = True
    device = TOTPDevice.objects.create(user=adviser.user, name="app", confirmed=True)
    _login(client, adviser.user.username)
    wrong = client.post(reverse("accounts:otp_verify"), {"token": "12345"})
    assert "6 cijfers" in wrong.text
    response = client.post(reverse("accounts:otp_verify"), {"token": _current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("clients:caseload")).status_code == 200


def test_clients_are_not_asked_for_a_second_factor(settings, client, client_record):
    settings.STAFF_OTP_REQUIRED = True
    _login(client, client_record.user.username)
    assert client.get(reverse("portal:home")).status_code == 200


def test_login_is_throttled_after_five_failures(client, adviser):
    for _ in range(5):
        _login(client, adviser.user.username, "fout")
    response = _login(client, adviser.user.username)
    assert response.status_code == 429
    assert "Te vaak geprobeerd" in response.text
    assert "_auth_user_id" not in client.session


def test_open_redirect_after_login_is_refused(client, client_record):
    response = client.post(
        reverse("accounts:login") + "?next=https://evil.example/",
        {"username": client_record.user.username, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert not response.url.startswith("https://evil.example")


def test_logout_is_a_post(client, client_record):
    client.force_login(client_record.user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_log_in_page_lists_the_demo_log_ins_in_demo_mode_only(settings, client, office):
    from maatwerk.core.tests import factories
    from maatwerk.demo.organisation import DEMO_PASSWORD

    factories.make_staff("Adviseur werk", offices=[office], username="adviseur")
    settings.DEMO_MODE = True
    page = client.get(reverse("accounts:login")).text
    assert "<code>adviseur</code>" in page and DEMO_PASSWORD in page
    assert "Demo-accounts" in page

    for mode in ("development", "production"):
        settings.DEMO_MODE = False
        settings.PRODUCTION = mode == "production"
        page = client.get(reverse("accounts:login")).text
        assert DEMO_PASSWORD not in page and "<code>adviseur</code>" not in page, mode


def test_a_demo_database_without_demo_log_ins_shows_no_empty_list(settings, client):
    settings.DEMO_MODE = True
    page = client.get(reverse("accounts:login")).text
    assert "Demo-accounts" not in page and "make demo" in page
