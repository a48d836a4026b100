from django.conf import settings
from django.shortcuts import redirect

from maatwerk.access.rules import staff_of

# Pages a staff member may reach before the second factor: logging in, out and setting it up.
ALLOWED_BEFORE_OTP = {"login", "logout", "otp_verify", "otp_setup", "health", "set_language"}


class StaffSecondFactorMiddleware:
    """Outside demo mode, a staff member must pass TOTP before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.STAFF_OTP_REQUIRED:
            return None
        user = request.user
        if not user.is_authenticated or (staff_of(user) is None and not user.is_superuser):
            return None
        if user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.url_name in ALLOWED_BEFORE_OTP:
            return None
        return redirect("accounts:otp_verify")
