"""The tablet's sync refuses interviews after the session or survey closed (but for ones recorded
before the close, sent within the grace period), and answers any malformed body with a 400."""

import json
import uuid
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from maatwerk.surveys import actions
from maatwerk.surveys.models import InterviewSession, Response, Survey

from .helpers import build_survey

GOOD = {"v1": 5, "v2": "online", "v3": "ja", "v4": ["cv"]}


@pytest.fixture
def session(onderzoeker, office):
    survey = build_survey(onderzoeker.user, kind="interview", title="Interview vestiging")
    return actions.open_session(survey=survey, office=office, user=onderzoeker.user)


@pytest.fixture
def web(login, onderzoeker):
    return login(onderzoeker.user)


def _sync(web, session, body, **extra):
    return web.post(
        reverse("surveys:sync", args=[session.pk]),
        data=body if isinstance(body, str | bytes) else json.dumps(body),
        content_type="application/json",
        **extra,
    )


def _interview(answered_at=None):
    payload = {"key": str(uuid.uuid4()), "answers": GOOD}
    if answered_at is not None:
        payload["answered_at"] = answered_at.isoformat()
    return payload


def _closed(session, onderzoeker, hours_ago=0):
    actions.close_session(session=session, user=onderzoeker.user)
    closed_at = timezone.now() - timedelta(hours=hours_ago)
    InterviewSession.objects.filter(pk=session.pk).update(closed_at=closed_at)
    return closed_at


def test_after_the_session_closed_a_new_interview_is_refused(web, onderzoeker, session):
    _closed(session, onderzoeker)
    refused = _sync(web, session, _interview())
    assert refused.status_code == 409
    assert "gesloten" in refused.json()["fout"]
    assert not Response.objects.exists()


def test_after_the_survey_closed_sync_and_form_refuse(web, onderzoeker, session):
    actions.close(survey=session.survey, user=onderzoeker.user)
    assert _sync(web, session, _interview()).status_code == 409
    form = web.post(
        reverse("surveys:session", args=[session.pk]),
        {"key": str(uuid.uuid4()), "v1": "3", "v2": "online", "v3": "nee"},
    )
    assert form.status_code == 200 and "gesloten" in form.text
    assert not Response.objects.exists()


def test_an_interview_recorded_before_the_close_is_accepted_in_the_grace_period(
    web, onderzoeker, session
):
    closed_at = _closed(session, onderzoeker, hours_ago=2)
    accepted = _sync(web, session, _interview(answered_at=closed_at - timedelta(minutes=5)))
    assert accepted.status_code == 201
    late = _sync(web, session, _interview(answered_at=closed_at + timedelta(minutes=5)))
    assert late.status_code == 409
    assert Response.objects.count() == 1


def test_the_grace_period_ends(web, onderzoeker, session):
    closed_at = _closed(session, onderzoeker, hours_ago=25)
    before_close = _interview(answered_at=closed_at - timedelta(minutes=5))
    assert _sync(web, session, before_close).status_code == 409
    with override_settings(SURVEY_SYNC_GRACE_HOURS=26):
        assert _sync(web, session, before_close).status_code == 201


def test_a_closed_survey_counts_from_its_own_close(web, onderzoeker, session):
    actions.close(survey=session.survey, user=onderzoeker.user)
    Survey.objects.filter(pk=session.survey_id).update(
        closed_at=timezone.now() - timedelta(hours=30)
    )
    answered = timezone.now() - timedelta(hours=31)
    assert _sync(web, session, _interview(answered_at=answered)).status_code == 409


def test_a_repeat_of_a_stored_key_after_the_close_is_still_answered(web, onderzoeker, session):
    payload = _interview()
    first = _sync(web, session, payload)
    _closed(session, onderzoeker)
    again = _sync(web, session, payload)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]


def _with_answer(raw_json: str) -> str:
    return json.dumps({"key": str(uuid.uuid4()), "answers": {"v1": "@"}}).replace('"@"', raw_json)


def _nested(depth: int) -> str:
    return _with_answer("[" * depth + "]" * depth)


@pytest.mark.parametrize(
    "body",
    [
        _nested(50_000),
        _nested(900),
        _with_answer('{"a":' * 5000 + "1" + "}" * 5000),
        b"\xff\xfe{}",
        "null",
        '"tekst"',
        {"key": 12, "answers": GOOD},
        {"key": str(uuid.uuid4()), "answers": ["v1", 5]},
        {"key": str(uuid.uuid4()), "answers": {"v1": True, "v2": "online", "v3": "ja"}},
        {"key": str(uuid.uuid4()), "answers": {"v1": 5.5, "v2": "online", "v3": "ja"}},
        {"key": str(uuid.uuid4()), "answers": {"v1": {"a": 1}}},
        {"key": str(uuid.uuid4()), "answers": {"v4": [["cv"]]}},
        {"key": str(uuid.uuid4()), "answers": GOOD, "answered_at": "gisteren"},
        {"key": str(uuid.uuid4()), "answers": GOOD, "answered_at": "2026-01-01T10:00:00"},
        {"key": str(uuid.uuid4()), "answers": GOOD, "answered_at": 1700000000},
        {"key": str(uuid.uuid4()), "answers": GOOD, "extra": "onbekend"},
    ],
    ids=[
        "nested-50000",
        "nested-900",
        "nested-objects",
        "not-utf8",
        "null",
        "a-string",
        "key-a-number",
        "answers-a-list",
        "answer-true",
        "answer-a-fraction",
        "answer-an-object",
        "choices-nested",
        "time-not-a-time",
        "time-without-zone",
        "time-a-number",
        "unknown-field",
    ],
)
def test_a_malformed_body_is_a_400_with_a_dutch_message(web, session, body):
    response = _sync(web, session, body)
    assert response.status_code == 400
    assert response.json()["fout"]
    assert not Response.objects.exists()


def test_a_body_over_django_s_upload_limit_is_refused_as_json(web, session):
    body = json.dumps({"key": str(uuid.uuid4()), "answers": {"v5": "x" * 6_000_000}})
    response = _sync(web, session, body)
    assert response.status_code == 413
    assert response.json()["fout"] == "Dit interview is te groot om te versturen."
    assert not Response.objects.exists()
