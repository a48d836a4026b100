"""The schema and the documentation page are public; every operation in them needs a token."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_openapi_schema_is_public_and_every_operation_is_secured(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["components"]["securitySchemes"]["ApiTokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    # The foundation's paths; capability apps add theirs (each tests its own).
    assert set(schema["paths"]) >= {
        "/api/offices",
        "/api/offices/{id}",
        "/api/clients",
        "/api/clients/{id}",
        "/api/clients/{id}/timeline",
        "/api/clients/{id}/notes",
    }
    assert not any("{path" in path for path in schema["paths"]), "the catch-all is hidden"
    assert set(schema["paths"]["/api/clients"]) == {"get", "post"}
    for path in schema["paths"].values():
        for operation in path.values():
            assert operation["security"] == [{"ApiTokenAuth": []}]


def test_docs_page_uses_local_files_and_no_inline_script(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "style-src 'self'" in response["Content-Security-Policy"]
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    assert "<style" not in html and " style=" not in html and " on" not in html.split("<body")[1]
    for tag in re.findall(r"<script[^>]*>", html):
        assert 'src="/static/ninja/' in tag or 'type="application/json"' in tag, tag
    assert re.search(r'<link rel="stylesheet" href="/static/ninja/swagger-ui.css">', html)


def test_swagger_files_are_served_from_static():
    for name in ("swagger-ui-bundle.js", "swagger-ui-init.js", "swagger-ui.css"):
        assert finders.find(f"ninja/{name}"), name


def test_an_apps_routes_are_not_hidden_by_the_catch_all(client):
    from maatwerk.api.urls import api

    paths = [route for router_prefix, router in api._routers for route in router.path_operations]
    assert paths[-1] == "/{anypath:rest}", "the JSON 404 must come after every app's routes"


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_every_operation_documents_the_errors_any_call_can_get(client):
    schema = client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            missing = {"400", "401", "403", "404", "422"} - set(operation["responses"])
            assert not missing, f"{method.upper()} {path} does not document {sorted(missing)}"


def test_times_of_day_are_not_declared_as_openapi_time(client):
    """OpenAPI's "time" needs a time zone offset; our times of day have none (ADR 0030)."""
    schema = client.get("/api/openapi.json").json()
    assert not [node for node in _walk(schema) if node.get("format") == "time"]
    window = schema["components"]["schemas"]["ContactWindowIn"]["properties"]["starts"]
    assert re.fullmatch(window["pattern"], "08:30") and re.fullmatch(window["pattern"], "08:30:00")
    assert not re.fullmatch(window["pattern"], "08:30:00+01:00")
