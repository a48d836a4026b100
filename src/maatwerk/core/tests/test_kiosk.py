"""The shared office-tablet lock (core/kiosk.py), on pages of its own: core knows no app, and
the apps' tablets (surveys/tests/test_kiosk.py, panel/tests/test_paper_codes.py) test their use."""

import pytest
from django.http import HttpResponse
from django.urls import include, path, reverse

from maatwerk.core import kiosk
from maatwerk.core.tests.factories import PASSWORD, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def _home(request, pk):
    # Like the apps' tablets, the home page (re)locks each time it is shown.
    kiosk.lock(request, home="home", kwargs={"pk": pk}, allowed={"extra", "leave"})
    return HttpResponse(f"home {pk}")


def _extra(request, pk):
    return HttpResponse(f"extra {pk}")


def _staff_page(request):
    return HttpResponse("staff page")


def _leave(request, pk):
    form, done = kiosk.leave(request, done="staff", message="vrij")
    return done or HttpResponse(" ".join(str(e) for e in form.errors.get("password", [])))


def _login_page(request):
    return HttpResponse("log in")


urlpatterns = [
    path("home/<int:pk>/", _home, name="home"),
    path("extra/<int:pk>/", _extra, name="extra"),
    path("staff/", _staff_page, name="staff"),
    path("leave/<int:pk>/", _leave, name="leave"),
    path("login/", _login_page, name="login"),
    path("i18n/", include("django.conf.urls.i18n")),
]


@pytest.fixture(autouse=True)
def _bare_stack(settings):
    """Only what the lock needs: the site's access rules belong to the apps' own tests."""
    settings.MIDDLEWARE = [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "maatwerk.core.kiosk.KioskMiddleware",
    ]
    settings.LOGIN_URL = "login"


@pytest.fixture
def staff_member(office):
    return make_staff(offices=[office])


@pytest.fixture
def tablet(login, staff_member):
    web = login(staff_member.user)
    assert web.get(reverse("home", args=[7])).status_code == 200
    return web


def test_an_unlocked_session_goes_anywhere(login, staff_member):
    web = login(staff_member.user)
    assert web.get(reverse("staff")).status_code == 200
    assert web.get(reverse("extra", args=[8])).status_code == 200


@pytest.mark.parametrize("url", ["/staff/", "/login/"])
def test_every_other_page_leads_back_home(tablet, url):
    response = tablet.get(url)
    assert response.status_code == 302 and response.url == reverse("home", args=[7])
    assert tablet.post(url).url == reverse("home", args=[7])


def test_home_and_the_allowed_pages_open_with_the_homes_arguments_only(tablet):
    assert tablet.get(reverse("home", args=[7])).content == b"home 7"
    assert tablet.get(reverse("extra", args=[7])).content == b"extra 7"
    assert tablet.get(reverse("leave", args=[7])).status_code == 200
    assert tablet.get(reverse("home", args=[8])).url == reverse("home", args=[7])
    assert tablet.get(reverse("extra", args=[8])).url == reverse("home", args=[7])


def test_the_language_can_always_be_chosen(tablet):
    back = reverse("home", args=[7])
    response = tablet.post(reverse("set_language"), {"language": "en", "next": back})
    assert response.status_code == 302 and response.url == back


def test_locked_home_is_the_url_of_the_home_page(rf, staff_member):
    request = rf.get("/")
    request.user = staff_member.user
    request.session = {}
    assert kiosk.locked_home(request) is None
    kiosk.lock(request, home="home", kwargs={"pk": 3})
    assert kiosk.locked_home(request) == reverse("home", args=[3])
    kiosk.unlock(request)
    assert kiosk.locked_home(request) is None


def test_a_lock_another_user_opened_is_dropped(tablet, office):
    someone_else = make_staff(offices=[office])
    store = tablet.session
    store[kiosk.LOCK_KEY] = {
        "user": someone_else.user.pk,
        "home": "home",
        "kwargs": {"pk": 7},
        "allowed": ["home"],
    }
    store.save()
    assert tablet.get(reverse("staff")).status_code == 200
    assert kiosk.LOCK_KEY not in tablet.session


def test_an_anonymous_visitor_meets_no_lock(client, staff_member):
    store = client.session
    store[kiosk.LOCK_KEY] = {
        "user": staff_member.user.pk,
        "home": "home",
        "kwargs": {"pk": 7},
        "allowed": ["home"],
    }
    store.save()
    assert client.get(reverse("staff")).status_code == 200


def test_the_right_password_unlocks(tablet):
    response = tablet.post(reverse("leave", args=[7]), {"password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("staff")
    assert kiosk.LOCK_KEY not in tablet.session
    assert tablet.get(reverse("staff")).status_code == 200


def test_a_wrong_or_empty_password_keeps_the_lock_with_a_clear_error(tablet):
    wrong = tablet.post(reverse("leave", args=[7]), {"password": "raden"})
    assert wrong.content.decode() == "Dit wachtwoord klopt niet."
    empty = tablet.post(reverse("leave", args=[7]), {"password": ""})
    assert empty.content.decode() == "Vul je wachtwoord in."
    assert tablet.get(reverse("staff")).url == reverse("home", args=[7])


def test_five_wrong_passwords_log_the_tablet_out(tablet):
    leave = reverse("leave", args=[7])
    for _ in range(kiosk.MAX_UNLOCK_TRIES - 1):
        assert tablet.post(leave, {"password": "raden"}).status_code == 200
    # Showing the home page again (which locks anew) does not start the count anew.
    assert tablet.get(reverse("home", args=[7])).status_code == 200
    response = tablet.post(leave, {"password": "raden"})
    assert response.status_code == 302 and response.url == reverse("login")
    assert "_auth_user_id" not in tablet.session
    assert kiosk.LOCK_KEY not in tablet.session


def test_a_right_password_after_wrong_ones_still_unlocks_and_resets_the_count(tablet):
    leave = reverse("leave", args=[7])
    for _ in range(kiosk.MAX_UNLOCK_TRIES - 1):
        tablet.post(leave, {"password": "raden"})
    assert tablet.post(leave, {"password": PASSWORD}).url == reverse("staff")
    assert kiosk.UNLOCK_TRIES_KEY not in tablet.session


def test_an_account_without_a_password_leaves_by_logging_out(tablet, staff_member):
    response = tablet.post(reverse("leave", args=[7]), {"action": "logout"})
    assert response.url == reverse("login")
    assert "_auth_user_id" not in tablet.session
