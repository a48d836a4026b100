"""While an office tablet is open for panel members (``views.kiosk``), the browser stays on the
tablet pages: every other page of Maatwerk, log-out included, leads back to the questions. The
staff member who opened it leaves with their password (``views.kiosk_leave``)."""

from django.shortcuts import redirect
from django.urls import reverse

# Session key: the plan the office tablet is open for, and the user who opened it.
KIOSK = "panel_kiosk"


class KioskLockMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        lock = session.get(KIOSK) if session is not None else None
        if lock and lock.get("user") != getattr(request.user, "pk", None):
            del session[KIOSK]  # not the session of whoever opened it: nothing to hold
        elif lock:
            allowed = {reverse("panel:kiosk"), reverse("panel:kiosk_leave")}
            if request.path not in allowed:
                return redirect("panel:kiosk")
        return self.get_response(request)
