"""Interviews on an office tablet: each key stored once, broken payloads refused with 400."""

import json
import uuid

import pytest
from django.urls import reverse

from maatwerk.surveys import actions
from maatwerk.surveys.models import Answer, Response

from .helpers import build_survey

GOOD = {"v1": 5, "v2": "online", "v3": "ja", "v4": ["cv"], "v5": "<img src=x onerror=alert(1)>"}


@pytest.fixture
def session(onderzoeker, office):
    survey = build_survey(onderzoeker.user, kind="interview", title="Interview vestiging")
    return actions.open_session(survey=survey, office=office, user=onderzoeker.user)


def _sync(web, session, payload, raw=None):
    return web.post(
        reverse("surveys:sync", args=[session.pk]),
        data=raw if raw is not None else json.dumps(payload),
        content_type="application/json",
    )


def test_same_key_twice_is_one_interview(login, onderzoeker, session, office):
    web = login(onderzoeker.user)
    key = str(uuid.uuid4())
    first = _sync(web, session, {"key": key, "answers": GOOD})
    assert first.status_code == 201
    second = _sync(web, session, {"key": key, "answers": GOOD})
    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    response = Response.objects.get()
    assert response.office == office and response.region == office.region
    assert response.client is None and response.completed_at
    assert Answer.objects.filter(response=response).count() == 5


@pytest.mark.parametrize(
    "payload",
    [
        {"key": "not-a-uuid", "answers": GOOD},
        {"answers": GOOD},
        {"key": "KEY"},
        {"key": "KEY", "answers": {"v1": 5}},  # half: required answers missing
        {"key": "KEY", "answers": GOOD | {"v1": 9}},
        {"key": "KEY", "answers": GOOD | {"v2": "fax"}},
        {"key": "KEY", "answers": GOOD | {"onbekend": "x"}},
        {"key": "KEY", "answers": {}},
        ["not", "an", "object"],
    ],
)
def test_broken_payload_is_400_and_stores_nothing(login, onderzoeker, session, payload):
    if isinstance(payload, dict) and payload.get("key") == "KEY":
        payload["key"] = str(uuid.uuid4())
    response = _sync(login(onderzoeker.user), session, payload)
    assert response.status_code == 400
    assert response.json()["fout"]
    assert not Response.objects.exists()


def test_truncated_json_is_400(login, onderzoeker, session):
    body = json.dumps({"key": str(uuid.uuid4()), "answers": GOOD})[:40]
    response = _sync(login(onderzoeker.user), session, None, raw=body)
    assert response.status_code == 400 and not Response.objects.exists()


def test_sync_needs_csrf(onderzoeker, session):
    from django.test import Client

    web = Client(enforce_csrf_checks=True)
    web.force_login(onderzoeker.user)
    response = _sync(web, session, {"key": str(uuid.uuid4()), "answers": GOOD})
    assert response.status_code == 403 and not Response.objects.exists()


def test_skipped_questions_are_not_required(login, onderzoeker, session):
    answers = {"v1": 2, "v2": "telefoon", "v3": "nee", "v4": ["onzin"]}  # v4 is skipped: ignored
    response = _sync(
        login(onderzoeker.user), session, {"key": str(uuid.uuid4()), "answers": answers}
    )
    assert response.status_code == 201
    assert set(Response.objects.get().answers) == {"v1", "v2", "v3"}


def test_form_without_javascript(login, onderzoeker, session):
    web = login(onderzoeker.user)
    page = web.get(reverse("surveys:session", args=[session.pk]))
    assert page.status_code == 200 and "interview.js" in page.text
    key = str(uuid.uuid4())
    data = {"key": key, "v1": "3", "v2": "online", "v3": "nee"}
    assert web.post(reverse("surveys:session", args=[session.pk]), data).status_code == 302
    assert web.post(reverse("surveys:session", args=[session.pk]), data).status_code == 302
    assert Response.objects.count() == 1
    bad = web.post(reverse("surveys:session", args=[session.pk]), {"key": str(uuid.uuid4())})
    assert bad.status_code == 200 and "Beantwoord deze vraag." in bad.text
    assert Response.objects.count() == 1


def test_only_the_opener_uses_a_session(login, session, office):
    from maatwerk.core.tests import factories

    other = factories.make_staff("Lid cliëntenraad", offices=[office], job_title="Lid cliëntenraad")
    web = login(other.user)
    assert web.get(reverse("surveys:session", args=[session.pk])).status_code == 404
    assert _sync(web, session, {"key": str(uuid.uuid4()), "answers": GOOD}).status_code == 404


def test_session_only_at_own_office(login, onderzoeker, session):
    from maatwerk.core.tests.factories import OfficeFactory

    elsewhere = OfficeFactory()
    response = login(onderzoeker.user).post(
        reverse("surveys:interviews"), {"survey": session.survey.pk, "office": elsewhere.pk}
    )
    assert response.status_code == 200 and "Kies een vestiging waar je werkt." in response.text
