"""Schemathesis against /api/openapi.json, in process on the WSGI app: every operation, ten
generated requests each (valid and invalid), with a real token. No 5xx, and every answer
matches the schema (status, content type, body). See ADR 0030."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from maatwerk.core.tests import factories

from .helpers import token_for

CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {
        "generation": {
            # The API ignores query parameters it does not know, as most do; bodies refuse them.
            "allow-extra-parameters": False,
            # The token is ours (a fixture), not generated.
            "with-security-parameters": False,
        },
        "checks": {
            # A request the schema allows may still break a rule no schema can state (a BSN's
            # check digit, an office that does not exist): 422 with the reason is the answer.
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "401", "403", "404", "409", "422"]
            },
        },
    }
)
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(), config=CONFIG)


@pytest.fixture
def same_connection():
    """Keep the test's database connection (and its transaction) across requests, as Django's
    test client does: the WSGI handler would close it after every request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db, same_connection, office, adviser):
    """An adviser with a client, a note and a message thread, so some requests find data."""
    from maatwerk.messaging.tests.helpers import client_writes

    client = factories.make_client(contact_person=adviser, user=True)
    client_writes(client)
    return token_for(adviser.user)


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_schema_says(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"})
