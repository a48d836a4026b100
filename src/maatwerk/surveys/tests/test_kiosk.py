"""The interview tablet is a kiosk: the client sees the questions and nothing of the staff
member's pages; only the staff member, with their password, lets the tablet go (ADR 0039). The
lock itself is core's (core/kiosk.py, tested in core/tests/test_kiosk.py); these tests hold the
interview's use of it."""

import pytest
from django.urls import reverse

from maatwerk.core.kiosk import LOCK_KEY, MAX_UNLOCK_TRIES
from maatwerk.core.tests.factories import PASSWORD
from maatwerk.surveys import actions

from .helpers import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(onderzoeker, office):
    survey = build_survey(onderzoeker.user, kind="interview", title="Interview vestiging")
    return actions.open_session(survey=survey, office=office, user=onderzoeker.user)


@pytest.fixture
def tablet(login, onderzoeker, session):
    """The researcher's log-in with the interview form opened: the tablet is locked."""
    web = login(onderzoeker.user)
    assert web.get(reverse("surveys:session", args=[session.pk])).status_code == 200
    return web


def _leave_url(session):
    return reverse("surveys:kiosk_leave", args=[session.pk])


def test_the_kiosk_page_shows_no_staff_menu_or_staff_link(tablet, session):
    page = tablet.get(reverse("surveys:session", args=[session.pk])).text
    assert "Hoofdmenu" not in page and "<nav" not in page
    for route in ("core:home", "surveys:interviews", "surveys:research", "accounts:logout"):
        assert f'href="{reverse(route)}"' not in page, route
        assert f'action="{reverse(route)}"' not in page, route
    assert "Sessie sluiten" not in page
    assert _leave_url(session) in page  # the one way out, for the staff member


@pytest.mark.parametrize(
    "route", ["core:home", "surveys:interviews", "surveys:research", "clients:caseload"]
)
def test_every_other_page_sends_the_tablet_back_to_the_form(tablet, session, route):
    response = tablet.get(reverse(route))
    assert response.status_code == 302
    assert response.url == reverse("surveys:session", args=[session.pk])


def test_the_client_cannot_log_out_or_close_the_session(tablet, session):
    back = reverse("surveys:session", args=[session.pk])
    assert tablet.post(reverse("accounts:logout")).url == back
    assert tablet.post(reverse("surveys:session_close", args=[session.pk])).url == back
    session.refresh_from_db()
    assert session.closed_at is None
    assert tablet.session[LOCK_KEY]["kwargs"] == {"session_pk": session.pk}


def test_another_own_session_is_locked_out_too(tablet, onderzoeker, office, session):
    other = actions.open_session(survey=session.survey, office=office, user=onderzoeker.user)
    response = tablet.get(reverse("surveys:session", args=[other.pk]))
    assert response.url == reverse("surveys:session", args=[session.pk])


def test_the_language_can_still_be_chosen(tablet, session):
    back = reverse("surveys:session", args=[session.pk])
    response = tablet.post(reverse("set_language"), {"language": "en", "next": back})
    assert response.status_code == 302 and response.url == back


def test_a_wrong_password_keeps_the_tablet_locked(tablet, session):
    response = tablet.post(_leave_url(session), {"password": "raden"})
    assert response.status_code == 200
    assert "Dit wachtwoord klopt niet." in response.text
    assert tablet.get(reverse("surveys:interviews")).status_code == 302


def test_an_empty_password_gets_a_clear_error(tablet, session):
    response = tablet.post(_leave_url(session), {"password": ""})
    assert response.status_code == 200 and "Vul je wachtwoord in." in response.text


def test_the_staff_members_password_lets_the_tablet_go(tablet, session):
    response = tablet.post(_leave_url(session), {"password": PASSWORD})
    assert response.url == reverse("surveys:interviews")
    page = tablet.get(reverse("surveys:interviews")).text
    assert "De tablet is vrijgegeven" in page
    assert "Sessie sluiten" in page  # closing is a staff action, on the staff page
    assert LOCK_KEY not in tablet.session


def test_guessing_logs_the_tablet_out(tablet, session):
    for _ in range(MAX_UNLOCK_TRIES - 1):
        assert tablet.post(_leave_url(session), {"password": "raden"}).status_code == 200
    response = tablet.post(_leave_url(session), {"password": "raden"})
    assert response.url == reverse("accounts:login")
    assert tablet.get(reverse("surveys:interviews")).url.startswith(reverse("accounts:login"))


def test_an_account_without_a_password_unlocks_by_logging_out(tablet, onderzoeker, session):
    onderzoeker.user.set_unusable_password()
    onderzoeker.user.save()
    tablet.force_login(onderzoeker.user)
    tablet.get(reverse("surveys:session", args=[session.pk]))
    page = tablet.get(_leave_url(session)).text
    assert 'name="password"' not in page and 'value="logout"' in page
    response = tablet.post(_leave_url(session), {"action": "logout"})
    assert response.url == reverse("accounts:login")


def test_a_saved_interview_thanks_the_client(tablet, session):
    data = {"key": "5d1f0c3e-1111-4a4a-9a9a-123456789abc", "v1": "3", "v2": "online", "v3": "nee"}
    page = tablet.post(reverse("surveys:session", args=[session.pk]), data, follow=True).text
    assert "Dank u wel! Uw antwoorden zijn opgeslagen." in page


def test_a_lock_on_a_session_that_is_gone_is_dropped(tablet, session):
    """The session's form cannot open any more: the tablet is not sent round in a loop."""
    store = tablet.session
    store[LOCK_KEY]["kwargs"] = {"session_pk": 999_999}
    store.save()
    response = tablet.get(reverse("surveys:interviews"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("surveys:interviews")
    assert LOCK_KEY not in tablet.session


def test_the_sync_of_the_locked_session_is_allowed_but_not_of_another(
    tablet, onderzoeker, office, session
):
    other = actions.open_session(survey=session.survey, office=office, user=onderzoeker.user)
    own = tablet.post(reverse("surveys:sync", args=[session.pk]), "{}", "application/json")
    assert own.status_code == 400  # reached the view, which refuses an empty body
    elsewhere = tablet.post(reverse("surveys:sync", args=[other.pk]), "{}", "application/json")
    assert elsewhere.url == reverse("surveys:session", args=[session.pk])


def test_a_practice_session_shows_no_bar_on_the_kiosk(login, onderzoeker, session):
    web = login(onderzoeker.user)
    web.post(reverse("portal:practice_start"))
    page = web.get(reverse("surveys:session", args=[session.pk])).text
    assert "Stoppen met oefenen" not in page
