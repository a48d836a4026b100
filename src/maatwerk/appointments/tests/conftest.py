import pytest

from maatwerk.api.tests.helpers import call  # noqa: F401  (the API test fixture)
from maatwerk.appointments.tests.helpers import available


@pytest.fixture
def agenda(office, adviser):
    """The adviser takes appointments at the office, Monday to Friday 09:00–17:00."""
    available(adviser, office)
    return office
