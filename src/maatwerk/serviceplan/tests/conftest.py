import pytest

from maatwerk.core.call_list import registry


@pytest.fixture(autouse=True)
def _no_welcome_calls():
    """Every client made in these tests is registered without a published welcome letter, which
    puts a welcome call on the adviser's list (maatwerk.notifications). These tests are about the
    list's own rules and sources, so that source is left out here."""
    key = "maatwerk.notifications.queries.calls_due"
    source = registry.unregister(key)
    yield
    registry.register(key, source)
