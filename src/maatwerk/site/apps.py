from axes.apps import AppConfig as LibraryAxesConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as LibraryTOTPConfig
from django_tasks_db.apps import TasksAppConfig as LibraryTasksConfig


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
        from .library_names import name_library_models

        name_library_models()

        register(
            "staff", _("Cliëntenraad"), "core:council", permission=VOLUNTEER_PERMISSION, order=1
        )


class MaatwerkAdminConfig(AdminConfig):
    default_site = "maatwerk.site.admin_site.MaatwerkAdminSite"


# The libraries' own apps under Dutch names, so their admin sections read like the rest (the
# libraries ship no Dutch). Same name and label as the library's: migrations are untouched. The
# two log-in sections start alike, so the admin's alphabetical list keeps them together.
class AxesConfig(LibraryAxesConfig):
    verbose_name = _("Inloggen: mislukte pogingen en blokkades")


class TOTPConfig(LibraryTOTPConfig):
    verbose_name = _("Inloggen: tweede factor")


class TasksDatabaseConfig(LibraryTasksConfig):
    verbose_name = _("Achtergrondtaken")
