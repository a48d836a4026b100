import pytest

from maatwerk.core.tests import factories

from .helpers import client_writes


@pytest.fixture
def thread(client_record):
    return client_writes(client_record).thread


@pytest.fixture
def coach(office):
    """An e-coach at the same office: not the client's contact person."""
    return factories.make_staff(
        "E-werkcoach", offices=[office], first_name="Eva", surname="Smit", job_title="E-werkcoach"
    )
