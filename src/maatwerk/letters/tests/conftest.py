import pytest

from maatwerk.core.tests import factories

from .helpers import write


@pytest.fixture
def editor(office):
    return factories.make_staff(
        "Briefredacteur", offices=[office], first_name="Ria", job_title="Briefredacteur"
    )


@pytest.fixture
def jurist(office):
    return factories.make_staff(
        "Juridisch controleur", offices=[office], first_name="Jurre", job_title="Jurist"
    )


@pytest.fixture
def reader(office):
    return factories.make_staff(
        "Lid cliëntenraad", offices=[office], first_name="Cor", job_title="Lid cliëntenraad"
    )


@pytest.fixture
def draft(editor):
    return write(editor)
