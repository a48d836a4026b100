from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from maatwerk.access.decorators import public
from maatwerk.accounts.urls import oidc_urlpatterns
from maatwerk.api.urls import api
from maatwerk.site import views as site_views

urlpatterns = [
    path("", include("maatwerk.site.urls")),
    path("", include("maatwerk.accounts.urls")),
    path("mijn/", include("maatwerk.portal.urls")),
    path("werk/", include("maatwerk.clients.urls")),
    path("", include("maatwerk.werkverkenner.urls")),
    path("", include("maatwerk.messaging.urls")),
    path("", include("maatwerk.appointments.urls")),
    path("", include("maatwerk.serviceplan.urls")),
    path("", include("maatwerk.letters.urls")),
    path("", include("maatwerk.notifications.urls")),
    path("", include("maatwerk.surveys.urls")),
    path("", include("maatwerk.panel.urls")),
    path("", include("maatwerk.feedback.urls")),
    path("beheer/", admin.site.urls),
    path("api/", api.urls),
    path("taal/", public(set_language), name="set_language"),
    path("media/<path:path>", site_views.serve_media, name="serve-media"),
    *oidc_urlpatterns,
]

handler403 = "maatwerk.core.errors.permission_denied"
handler404 = "maatwerk.core.errors.page_not_found"
handler500 = "maatwerk.core.errors.server_error"
