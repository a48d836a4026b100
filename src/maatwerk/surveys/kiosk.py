"""The interview tablet as a kiosk (ADR 0039).

The tablet is logged in as the staff member who opened the interview session, and a client holds
it. Once the staff member opens the session's form, this browser session is locked to it: every
other page of the site sends the tablet back to the form, so a client cannot reach the staff
member's pages by the back button or by typing an address. Only the staff member unlocks it, with
their password on the "tablet vrijgeven" page (``views_interview.kiosk_leave``).
"""

from django.shortcuts import redirect

KIOSK_SESSION_KEY = "interview_kiosk_session"
# Wrong passwords on the unlock page before the tablet is logged out altogether: the staff member
# then logs in again, and nobody could guess on.
MAX_UNLOCK_TRIES = 5
UNLOCK_TRIES_KEY = "interview_kiosk_unlock_tries"

# Pages a locked tablet may show, all of them for the locked session only (plus the language).
KIOSK_VIEWS = {"surveys:session", "surveys:sync", "surveys:kiosk_leave"}
ALWAYS_ALLOWED_VIEWS = {"set_language"}


def lock(request, session_pk: int) -> None:
    request.session[KIOSK_SESSION_KEY] = session_pk


def unlock(request) -> None:
    request.session.pop(KIOSK_SESSION_KEY, None)
    request.session.pop(UNLOCK_TRIES_KEY, None)


def locked_to(request) -> int | None:
    session = getattr(request, "session", None)
    if session is None or not request.user.is_authenticated:
        return None
    return session.get(KIOSK_SESSION_KEY)


def _still_theirs(request, session_pk: int) -> bool:
    from .models import InterviewSession

    return InterviewSession.objects.filter(pk=session_pk, opened_by__user=request.user).exists()


class KioskMiddleware:
    """Keeps a locked tablet on its interview form (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        session_pk = locked_to(request)
        if session_pk is None:
            return None
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        if view_name in ALWAYS_ALLOWED_VIEWS:
            return None
        if view_name in KIOSK_VIEWS and view_kwargs.get("session_pk") == session_pk:
            return None
        if not _still_theirs(request, session_pk):
            # The session is gone or was never this user's: nothing left to lock the tablet to.
            unlock(request)
            return None
        return redirect("surveys:session", session_pk=session_pk)
