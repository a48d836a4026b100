from django.urls import path
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from maatwerk.access.decorators import public

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("inloggen/code/", views.otp_verify, name="otp_verify"),
    path("inloggen/code/instellen/", views.otp_setup, name="otp_setup"),
]

# The OIDC library reverses these names without a namespace, so they live at the top level.
oidc_urlpatterns = [
    path(
        "inloggen/digid/",
        public(views.only_with_oidc(OIDCAuthenticationRequestView.as_view())),
        name="oidc_authentication_init",
    ),
    path(
        "inloggen/digid/terug/",
        public(views.only_with_oidc(OIDCAuthenticationCallbackView.as_view())),
        name="oidc_authentication_callback",
    ),
]
