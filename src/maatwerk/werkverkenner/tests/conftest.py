import pytest

from maatwerk.werkverkenner import model_store

from .helpers import activate_test_model


@pytest.fixture(autouse=True)
def _fresh_model_cache():
    model_store.forget()
    yield
    model_store.forget()


@pytest.fixture
def active_version(db):
    return activate_test_model()
