import pytest

from maatwerk.core.tests import factories

from .helpers import token_for

pytestmark = pytest.mark.django_db


def test_offices_list_and_detail(call, adviser, office):
    factories.OfficeFactory()
    token = token_for(adviser.user)
    body = call("get", "/api/offices", token=token).json()
    assert body["count"] == 2
    first = body["items"][0]
    assert first["id"] == office.pk
    assert first["region"]["name"] == office.region.name
    assert first["postal_code"] == "1012 AB"
    assert first["opening_hours"][0] == {
        "weekday": 0,
        "weekday_name": "maandag",
        "opens": "08:30:00",
        "closes": "17:00:00",
    }
    response = call("get", f"/api/offices/{office.pk}", token=token)
    assert response.status_code == 200
    assert response.json() == first
    response = call("get", "/api/offices/999999", token=token)
    assert response.status_code == 404
    assert response.json()["detail"] == "Deze vestiging bestaat niet."


def test_pagination_bounds(call, adviser):
    factories.OfficeFactory()
    token = token_for(adviser.user)
    page = call("get", "/api/offices", token=token, data={"limit": 1, "offset": 1}).json()
    assert page["count"] == 2 and len(page["items"]) == 1
    empty = call("get", "/api/offices", token=token, data={"offset": 1_000_000}).json()
    assert empty["items"] == []


@pytest.mark.parametrize(
    "query",
    [
        {"limit": 0},
        {"limit": 101},
        {"limit": "abc"},
        {"offset": -1},
        {"offset": 10**30},
        {"limit": "1e3"},
        {"offset": ""},
    ],
)
def test_bad_pagination_is_422(call, adviser, query):
    response = call("get", "/api/offices", token=token_for(adviser.user), data=query)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Controleer de invoer."
    assert body["errors"][0]["field"] in {"limit", "offset"}
