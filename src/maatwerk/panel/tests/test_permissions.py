"""Every panel page × every role (see maatwerk.core.tests.permissions). Client pages are for the
client only (a staff member needs an active practice account); the researcher plans."""

import pytest
from django.urls import reverse

from maatwerk.core.tests.permissions import expect, matrix_test
from maatwerk.panel import actions

from .helpers import make_members, make_plan

pytestmark = pytest.mark.django_db


def _plan(world):
    return make_plan(world["researcher"])


def _sent_with_member(world):
    make_members(1, adviser=world["adviser"], office=world["office"], email="")
    return actions.confirm_plan(plan=_plan(world), user=world["researcher"].user)


CLIENT_ONLY = {"client": 200}
RESEARCHER = {"researcher": 200}

MATRIX = {
    "panel:home": ("get", lambda w: reverse("panel:home"), expect(**CLIENT_ONLY)),
    "panel:join": ("post", lambda w: reverse("panel:join"), expect(client=302)),
    "panel:leave": ("post", lambda w: reverse("panel:leave"), expect(client=302)),
    "panel:invitation": (
        "get",
        lambda w: reverse("panel:invitation", args=["verzonnen"]),
        expect(**CLIENT_ONLY),
    ),
    "panel:plans": ("get", lambda w: reverse("panel:plans"), expect(**RESEARCHER)),
    "panel:new": ("get", lambda w: reverse("panel:new"), expect(**RESEARCHER)),
    "panel:plan": (
        "get",
        lambda w: reverse("panel:plan", args=[_plan(w).pk]),
        expect(**RESEARCHER),
    ),
    "panel:send": (
        "post",
        lambda w: reverse("panel:send", args=[_plan(w).pk]),
        expect(researcher=302),
    ),
    "panel:remind": (
        "post",
        lambda w: reverse("panel:remind", args=[_plan(w).pk]),
        expect(researcher=302),
    ),
    "panel:release": (
        "post",
        lambda w: reverse("panel:release", args=[_plan(w).pk]),
        expect(researcher=302),
    ),
    # Paper codes (docs/adr/0035): the researcher types in paper answers and opens the tablet.
    "panel:paper_answers": (
        "get",
        lambda w: reverse("panel:paper_answers", args=[_sent_with_member(w).pk]),
        expect(**RESEARCHER),
    ),
    "panel:kiosk_open": (
        "post",
        lambda w: reverse("panel:kiosk_open", args=[_sent_with_member(w).pk]),
        expect(researcher=302),
    ),
    # Without an open tablet both lead back to the plans.
    "panel:kiosk": ("get", lambda w: reverse("panel:kiosk"), expect(researcher=302)),
    "panel:kiosk_leave": ("get", lambda w: reverse("panel:kiosk_leave"), expect(researcher=302)),
}


test_permission_matrix = matrix_test(MATRIX)


def test_unknown_plan_is_404(login, role_world):
    browser = login(role_world["researcher"].user)
    assert browser.get(reverse("panel:plan", args=[999999])).status_code == 404
    assert browser.get(reverse("panel:paper_answers", args=[999999])).status_code == 404
    # A draft was never sent: there are no codes to answer with.
    draft = _plan(role_world)
    assert browser.get(reverse("panel:paper_answers", args=[draft.pk])).status_code == 404
    assert browser.post(reverse("panel:send", args=[999999])).status_code == 404
