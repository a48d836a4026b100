import pytest
from django.urls import reverse

from maatwerk.clients.models import Client
from maatwerk.portal.queries import PRACTICE_SESSION_KEY

pytestmark = pytest.mark.django_db


def test_client_sees_their_named_adviser_and_timeline(login, client_record, adviser):
    response = login(client_record.user).get(reverse("portal:home"))
    assert response.status_code == 200
    text = response.text
    assert "Mijn adviseur" in text
    assert adviser.full_name in text
    assert adviser.job_title in text
    assert adviser.phone in text
    assert "U bent ingeschreven bij werkplein" in text


def test_staff_only_notes_never_reach_the_portal(login, client_record, adviser):
    from maatwerk.clients.actions import add_note

    add_note(client=client_record, by_user=adviser.user, text="Interne afweging")
    response = login(client_record.user).get(reverse("portal:home"))
    assert "Interne afweging" not in response.text


def test_try_as_client_opens_a_marked_practice_account(login, adviser):
    web = login(adviser.user)
    response = web.post(reverse("portal:practice_start"))
    assert response.url == reverse("portal:home")
    practice = Client.objects.get(practice_owner=adviser)
    assert practice.is_practice
    page = web.get(reverse("portal:home")).text
    assert "Oefenaccount" in page
    assert "Stoppen met oefenen" in page

    # A second start reuses the same account.
    web.post(reverse("portal:practice_start"))
    assert Client.objects.filter(practice_owner=adviser).count() == 1

    web.post(reverse("portal:practice_stop"))
    assert PRACTICE_SESSION_KEY not in web.session


def test_practice_accounts_stay_out_of_figures_and_lists(login, adviser, client_record):
    from maatwerk.portal.actions import open_practice_account

    open_practice_account(staff=adviser)
    assert list(Client.objects.real()) == [client_record]
    caseload = login(adviser.user).get(reverse("clients:caseload"))
    assert "1 cliënt" in caseload.text


def test_forged_practice_session_for_someone_else_shows_nothing(login, adviser, other_adviser):
    from maatwerk.portal.actions import open_practice_account

    theirs = open_practice_account(staff=other_adviser)
    web = login(adviser.user)
    session = web.session
    session[PRACTICE_SESSION_KEY] = theirs.pk
    session.save()
    response = web.get(reverse("portal:home"))
    assert response.status_code == 302
