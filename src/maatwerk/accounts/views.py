import base64
from functools import wraps
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.apps import apps
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from maatwerk.access.decorators import logged_in, public
from maatwerk.access.rules import staff_of

from . import actions
from .forms import LoginForm, TokenForm


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            oidc_enabled=settings.OIDC_ENABLED, demo_logins=_demo_logins(), **kwargs
        )


def _demo_logins():
    """The demo's log-ins and their shared password, only when MAATWERK_MODE=demo: in production
    the demo app may not even be installed, and no password is ever shown."""
    if not settings.DEMO_MODE or not apps.is_installed("maatwerk.demo"):
        return None
    from maatwerk.demo.logins import DEMO_PASSWORD, demo_logins

    logins = demo_logins()
    return {"password": DEMO_PASSWORD, "users": logins} if logins else None


login_view = public(LoginView.as_view())
logout_view = logged_in(auth_views.LogoutView.as_view())


def only_with_oidc(view):
    """The DigiD routes exist only where an OIDC broker is configured."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return settings.LOGIN_REDIRECT_URL


def _confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@logged_in
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    if staff_of(request.user) is None and not request.user.is_superuser:
        return redirect("core:home")
    device = _confirmed_device(request.user)
    if device is None:
        return redirect("accounts:otp_setup")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_next_url(request))
    return render(request, "accounts/otp_verify.html", {"form": form})


@logged_in
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """First log-in of a staff member: link an authenticator app by scanning a QR code."""
    if staff_of(request.user) is None and not request.user.is_superuser:
        return redirect("core:home")
    if _confirmed_device(request.user) is not None:
        return redirect("accounts:otp_verify")
    device = actions.pending_device(request.user)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        actions.confirm_device(device, user=request.user)
        otp_login(request, device)
        return redirect(settings.LOGIN_REDIRECT_URL)
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    context = {
        "form": form,
        "qr_data_uri": "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode(),
        "secret": base64.b32encode(device.bin_key).decode(),
    }
    return render(request, "accounts/otp_setup.html", context)
