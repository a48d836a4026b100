from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site as a whole: home page, health check, media, menu context and the admin site.

    It sits on top of the apps it ties together, so ``core`` can stay the bottom layer.
    """

    name = "maatwerk.site"
    label = "site"  # django.contrib.sites uses "sites"; Maatwerk does not install it
    verbose_name = _("Maatwerk")

    def ready(self):
        from maatwerk.core.navigation import register

        from .context_processors import VOLUNTEER_PERMISSION

        register(
            "staff", _("Cliëntenraad"), "core:council", permission=VOLUNTEER_PERMISSION, order=1
        )


class MaatwerkAdminConfig(AdminConfig):
    default_site = "maatwerk.site.admin_site.MaatwerkAdminSite"
