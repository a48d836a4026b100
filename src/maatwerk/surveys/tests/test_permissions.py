"""The surveys app's rows in the permission matrix (see maatwerk.core.tests.permissions)."""

import pytest
from django.urls import reverse

from maatwerk.core.tests.permissions import expect, matrix_test
from maatwerk.surveys import actions
from maatwerk.surveys.models import Survey

from .helpers import build_survey

pytestmark = pytest.mark.django_db

RESULTS = {"researcher": 200, "manager": 200, "council_member": 200}
INTERVIEW_OTHERS = {"manager": 404, "council_member": 404}


def _survey(world, publish=True, kind=Survey.Kind.SURVEY):
    return build_survey(world["researcher"].user, publish=publish, kind=kind)


def _session(world):
    survey = _survey(world, kind=Survey.Kind.INTERVIEW)
    return actions.open_session(
        survey=survey, office=world["office"], user=world["researcher"].user
    )


def _rule(world):
    user = world["researcher"].user
    survey = actions.create_survey(user=user, title="Kort", kind="after_contact")
    actions.save_question(
        survey=survey, user=user, page=survey.pages.get(), kind="scale5", text="Tevreden?"
    )
    actions.publish(survey=survey, user=user)
    return actions.create_rule(
        user=user, event_kind="letter.sent", survey=survey, expires_after_days=5
    )


def _contact_question(world):
    """A short question after the adviser's contact with the world's client."""
    from maatwerk.surveys.models import ContactQuestion
    from maatwerk.timeline.actions import Actor, record_event

    _rule(world)
    record_event(
        world["client"],
        "letter.sent",
        Actor.of_staff(world["adviser"]),
        dict.fromkeys(["channel", "job_title", "staff_name", "subject"], "x"),
    )
    return ContactQuestion.objects.get(client=world["client"])


def _url(name, build=lambda w: []):
    return lambda w: reverse(f"surveys:{name}", args=build(w))


def _draft(name, extra=lambda w, s: []):
    def build(w):
        survey = _survey(w, publish=False)
        return [survey.pk, *extra(w, survey)]

    return _url(name, build)


def _published(name, extra=lambda w, s: []):
    def build(w):
        survey = _survey(w)
        return [survey.pk, *extra(w, survey)]

    return _url(name, build)


def _page(w, s):
    return [s.pages.first().pk]


def _question(w, s):
    return [s.questions.first().pk]


def _session_url(name):
    return _url(name, lambda w: [_session(w).pk])


MATRIX = {
    "surveys:mine": ("get", _url("mine"), expect(client=200)),
    "surveys:answer": ("get", _published("answer"), expect(client=200)),
    "surveys:page": ("get", _published("page", lambda w, s: [1]), expect(client=302)),
    "surveys:review": ("get", _published("review"), expect(client=302)),
    "surveys:done": ("get", _published("done"), expect(client=302)),
    "surveys:contact": ("get", _url("contact", lambda w: ["verzonnen"]), expect(client=404)),
    "surveys:research": ("get", _url("research"), expect(**RESULTS)),
    "surveys:new": ("get", _url("new"), expect(researcher=200)),
    "surveys:detail": ("get", _draft("detail"), expect(researcher=200)),
    "surveys:edit": ("get", _draft("edit"), expect(researcher=200)),
    "surveys:page_new": ("get", _draft("page_new"), expect(researcher=200)),
    "surveys:page_edit": ("get", _draft("page_edit", _page), expect(researcher=200)),
    "surveys:page_delete": ("post", _draft("page_delete", _page), expect(researcher=302)),
    "surveys:question_new": ("get", _draft("question_new"), expect(researcher=200)),
    "surveys:question_edit": ("get", _draft("question_edit", _question), expect(researcher=200)),
    "surveys:question_delete": (
        "post",
        _draft("question_delete", _question),
        expect(researcher=302),
    ),
    "surveys:preview": ("get", _draft("preview"), expect(researcher=200)),
    "surveys:publish": ("post", _draft("publish"), expect(researcher=302)),
    "surveys:close": ("post", _published("close"), expect(researcher=302)),
    "surveys:copy": ("post", _published("copy"), expect(researcher=302)),
    "surveys:rules": ("get", _url("rules"), expect(researcher=200)),
    "surveys:rule_deactivate": (
        "post",
        _url("rule_deactivate", lambda w: [_rule(w).pk]),
        expect(researcher=302),
    ),
    # Answers given by phone, typed in by staff with the client's file open on a ground; never
    # by the staff member the questions are about (here the adviser).
    "surveys:contact_phone_list": (
        "get",
        _url("contact_phone_list", lambda w: [w["client"].pk]),
        expect(adviser=200, manager=200),
    ),
    "surveys:contact_phone": (
        "get",
        _url("contact_phone", lambda w: [_contact_question(w).pk]),
        expect(manager=200),
    ),
    "surveys:results": ("get", _published("results"), expect(**RESULTS)),
    "surveys:export": ("get", _published("export"), expect(researcher=200)),
    "surveys:interviews": ("get", _url("interviews"), expect(**RESULTS)),
    "surveys:session": ("get", _session_url("session"), expect(researcher=200, **INTERVIEW_OTHERS)),
    "surveys:sync": ("post", _session_url("sync"), expect(researcher=400, **INTERVIEW_OTHERS)),
    "surveys:session_close": (
        "post",
        _session_url("session_close"),
        expect(researcher=302, **INTERVIEW_OTHERS),
    ),
    # Unlocking the interview tablet: only the staff member who opened the session.
    "surveys:kiosk_leave": (
        "get",
        _session_url("kiosk_leave"),
        expect(researcher=200, **INTERVIEW_OTHERS),
    ),
}


test_permission_matrix = matrix_test(MATRIX)


def test_draft_results_are_hidden(login, role_world):
    survey = _survey(role_world, publish=False)
    web = login(role_world["researcher"].user)
    assert web.get(reverse("surveys:results", args=[survey.pk])).status_code == 404
    client = login(role_world["client"].user)
    assert client.get(reverse("surveys:answer", args=[survey.pk])).status_code == 404
