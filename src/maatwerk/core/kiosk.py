"""An office tablet locked to one page: the kiosk (ADR 0035, ADR 0039).

A staff member logs in on a tablet, opens a page meant for a client (an interview form, the
panel's code form) and hands the tablet over. From then on this browser session is locked: every
other page of Maatwerk, log-out included, sends the tablet back to that "home" page, so the
client cannot reach the staff member's pages by the back button or by typing an address. Only
the staff member who opened it lets it go, with their own password on the app's "tablet
vrijgeven" page (``leave``); after ``MAX_UNLOCK_TRIES`` wrong passwords the tablet is logged out
instead, so nobody can guess on.

Core knows no app: the app that locks passes its home page and the other pages the tablet may
show, as URL names. Those pages are allowed only with the home page's URL arguments (the tablet
of interview session 7 may not open session 8). The language can always be chosen.
"""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

LOCK_KEY = "kiosk_lock"
UNLOCK_TRIES_KEY = "kiosk_unlock_tries"
MAX_UNLOCK_TRIES = 5
ALWAYS_ALLOWED_VIEWS = frozenset({"set_language"})


@dataclass(frozen=True)
class Lock:
    home: str  # URL name of the page the tablet shows
    kwargs: dict = field(default_factory=dict)
    allowed: frozenset = frozenset()  # URL names, the home included

    @property
    def url(self) -> str:
        return reverse(self.home, kwargs=self.kwargs)

    def allows(self, view_name: str, view_kwargs: dict) -> bool:
        if view_name in ALWAYS_ALLOWED_VIEWS:
            return True
        return view_name in self.allowed and view_kwargs == self.kwargs


def lock(request, *, home: str, kwargs: dict | None = None, allowed=()) -> None:
    """Locks this browser session to ``home`` for the logged-in staff member."""
    if request.session.get(LOCK_KEY, {}).get("user") != request.user.pk:
        request.session.pop(UNLOCK_TRIES_KEY, None)
    request.session[LOCK_KEY] = {
        "user": request.user.pk,
        "home": home,
        "kwargs": dict(kwargs or {}),
        "allowed": sorted({home, *allowed}),
    }


def unlock(request) -> None:
    request.session.pop(LOCK_KEY, None)
    request.session.pop(UNLOCK_TRIES_KEY, None)


def held(request) -> Lock | None:
    """The lock on this tablet, if the logged-in user holds it. A lock someone else opened (or
    an anonymous visitor meets) is dropped: there is nobody it keeps out of their own pages."""
    session = getattr(request, "session", None)
    stored = session.get(LOCK_KEY) if session is not None else None
    if not stored:
        return None
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or stored.get("user") != user.pk:
        unlock(request)
        return None
    return Lock(stored["home"], stored["kwargs"], frozenset(stored["allowed"]))


def locked_home(request) -> str | None:
    """The URL the tablet is locked to, or None when it is not locked."""
    current = held(request)
    return current.url if current else None


class KioskMiddleware:
    """Sends a locked tablet back to its home page (see the module's docstring). Placed before
    the access check, so a locked tablet never even learns whether another page exists."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        current = held(request)
        if current is None:
            return None
        match = request.resolver_match
        if current.allows(match.view_name if match else "", view_kwargs):
            return None
        return redirect(current.url)


class LeaveForm(forms.Form):
    """The password of the staff member who opened the tablet."""

    password = forms.CharField(
        label=_("Wachtwoord van de medewerker"),
        strip=False,
        widget=forms.PasswordInput({"class": "utrecht-textbox", "autocomplete": "off"}),
        error_messages={"required": _("Vul je wachtwoord in.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Dit wachtwoord klopt niet."))
        return password


def leave(request, *, done, message: str):
    """The shared "tablet vrijgeven" flow for an app's leave page. Returns ``(form, response)``:
    a response (a redirect) once the tablet is unlocked or logged out, else None and the form to
    show. ``done`` is where the staff member goes after unlocking (anything ``redirect`` takes).

    An account without a usable password (log-in elsewhere) posts ``action=logout``: logging out
    unlocks too and leaves the tablet at the log-in page, where a client can open nothing."""
    form = LeaveForm(request.POST or None, user=request.user)
    if request.method != "POST":
        return form, None
    if request.POST.get("action") == "logout":
        return form, _log_out(request)
    if form.is_valid():
        unlock(request)
        messages.success(request, message)
        return form, redirect(done)
    tries = request.session.get(UNLOCK_TRIES_KEY, 0) + 1
    request.session[UNLOCK_TRIES_KEY] = tries
    if tries >= MAX_UNLOCK_TRIES:
        return form, _log_out(request)
    return form, None


def _log_out(request):
    logout(request)  # flushes the session: the lock and the count of tries go with it
    return redirect(resolve_url(settings.LOGIN_URL))
