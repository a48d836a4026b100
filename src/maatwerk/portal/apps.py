from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "maatwerk.portal"
    verbose_name = _("Klantportaal")

    def ready(self):
        from maatwerk.core import navigation

        navigation.register(
            "client", _("Hoe wilt u contact?"), "portal:contact_preferences", order=80
        )
