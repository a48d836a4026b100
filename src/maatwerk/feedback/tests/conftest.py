import pytest

from maatwerk.core.tests import factories


@pytest.fixture
def other_office(db):
    return factories.OfficeFactory()


@pytest.fixture
def stranger(other_office):
    """An adviser at another office whom the client never met."""
    return factories.make_staff("Adviseur werk", offices=[other_office], first_name="Kees")


@pytest.fixture
def other_manager(other_office):
    return factories.make_staff(
        "Vestigingsmanager",
        offices=[other_office],
        first_name="Olga",
        job_title="Vestigingsmanager",
    )
