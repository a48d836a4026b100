"""Settings, security headers, health and logs: what operations relies on."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.urls import reverse

PRODUCTION_ENV = {
    "MAATWERK_MODE": "production",
    "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
    "ALLOWED_HOSTS": "maatwerk.example",
}


def _maatwerk(*args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "MAATWERK_MODE"}}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "maatwerk.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_passes_check_deploy_without_warnings():
    result = _maatwerk("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_mode_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _maatwerk("check", env_extra=env)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.django_db
def test_security_headers_on_every_page(client):
    response = client.get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert len(response["X-Request-ID"]) >= 8


@pytest.mark.django_db
def test_pages_with_personal_data_are_never_cached(client, client_record):
    client.force_login(client_record.user)
    response = client.get(reverse("portal:home"))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_forms_are_csrf_protected(adviser, client_record):
    from django.test import Client

    web = Client(enforce_csrf_checks=True)
    web.force_login(adviser.user)
    response = web.post(reverse("clients:add_note", args=[client_record.pk]), {"text": "x"})
    assert response.status_code == 403
    assert "formulier is verlopen" in response.text


@pytest.mark.django_db
def test_health_reports_the_database(client):
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_health_says_503_when_the_database_is_down(client, monkeypatch):
    from maatwerk.site import views

    class BrokenConnection:
        def cursor(self):
            raise views.DatabaseError("connection refused")

    monkeypatch.setattr(views, "connection", BrokenConnection())
    response = client.get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_logs_are_json_with_a_request_id():
    from django.conf import settings

    formatter_config = settings.LOGGING["formatters"]["json"]
    from pythonjsonlogger.json import JsonFormatter

    formatter = JsonFormatter(
        formatter_config["fmt"], rename_fields=formatter_config["rename_fields"]
    )
    record = logging.LogRecord("maatwerk", logging.INFO, __file__, 1, "hallo", None, None)
    record.request_id = "abc12345"
    line = json.loads(formatter.format(record))
    assert line["message"] == "hallo"
    assert line["level"] == "INFO"
    assert line["request_id"] == "abc12345"


@pytest.mark.django_db
def test_dutch_first_whatever_the_browser_says(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="nl"' in response.text
    assert "Inloggen" in response.text


@pytest.mark.django_db
def test_unknown_page_is_a_dutch_404(client, client_record):
    client.force_login(client_record.user)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text


@pytest.mark.django_db
def test_media_serves_only_images_inside_media_root(client, client_record, settings):
    client.force_login(client_record.user)
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "notes.txt").write_text("geheim")
    assert client.get("/media/notes.txt").status_code == 404
    assert client.get("/media/../settings.py").status_code == 404
