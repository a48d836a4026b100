import pytest

from .helpers import write


@pytest.fixture
def draft(editor):
    return write(editor)
