import pytest
from django.core import mail

from maatwerk.core.tests import factories


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://maatwerk.example"
    mail.outbox = []


@pytest.fixture
def researcher(office):
    return factories.make_staff(
        "Klantonderzoeker", offices=[office], first_name="Otto", job_title="Klantonderzoeker"
    )


@pytest.fixture
def no_worker(settings):
    """Tasks are queued but not run (like the database backend with no worker running), so a
    test can play the worker itself, step by step."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
