"""The libraries' admin sections (django-axes, django-otp, django-tasks-db) read Dutch like the
rest of the admin, the two log-in sections sit together, and the background-task bookkeeping is
out of the beheerder's menu. Only display names change: no migration for a library follows."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from maatwerk.accounts import actions as accounts_actions

pytestmark = pytest.mark.django_db

ENGLISH = [
    "Axes",
    "Otp_Totp",
    "OTP_TOTP",
    "Access attempts",
    "Access failures",
    "Access logs",
    "TOTP devices",
    "Task Results",
    "Tasks Database Backend",
]


@pytest.fixture
def superuser_web(client, administrator):
    """The demo beheerder is a superuser: they see every registered admin."""
    get_user_model().objects.filter(pk=administrator.user_id).update(is_superuser=True)
    client.force_login(administrator.user)
    return client


def test_the_admin_index_names_the_library_sections_in_dutch(superuser_web):
    page = superuser_web.get(reverse("admin:index")).text
    for english in ENGLISH:
        assert f">{english}<" not in page, english
    assert "Inloggen: mislukte pogingen en blokkades" in page
    assert "Inloggen: tweede factor" in page
    assert "Mislukte inlogpogingen en blokkades" in page and "Authenticator-apps" in page
    # Sorted by name, the two log-in sections follow each other.
    sections = re.findall(r'<div class="app-([\w-]+) module', page)
    assert sections.index("otp_totp") == sections.index("axes") + 1, sections


def test_the_lists_speak_dutch_too(superuser_web, client_record, administrator):
    superuser_web.logout()
    wrong = {"username": client_record.user.username, "password": "niet-goed"}
    superuser_web.post(reverse("accounts:login"), wrong)
    accounts_actions.pending_device(administrator.user)
    superuser_web.force_login(administrator.user)
    page = superuser_web.get(reverse("admin:axes_accessattempt_changelist")).text
    assert "Gebruikersnaam" in page and "IP-adres" in page
    assert "User Agent" not in page and "IP Address" not in page
    page = superuser_web.get(reverse("admin:otp_totp_totpdevice_changelist")).text
    assert "Laatst gebruikt" in page and "Last used" not in page


def test_task_results_are_out_of_the_menu_and_stay_read_only(superuser_web):
    page = superuser_web.get(reverse("admin:index")).text
    assert "Achtergrondtaken" not in page and "Taakresultaten" not in page
    assert reverse("admin:django_tasks_database_dbtaskresult_changelist") not in page
    add = superuser_web.get(reverse("admin:django_tasks_database_dbtaskresult_add"))
    assert add.status_code == 403


def test_dutch_names_need_no_migration_of_a_library():
    call_command(
        "makemigrations",
        "axes",
        "otp_totp",
        "django_tasks_database",
        check=True,
        dry_run=True,
        verbosity=0,
    )
