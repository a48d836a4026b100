import pytest

from .helpers import build_survey, researcher


@pytest.fixture
def onderzoeker(office):
    return researcher(office)


@pytest.fixture
def survey(onderzoeker):
    return build_survey(onderzoeker.user)
