from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "maatwerk.core"
    verbose_name = _("Maatwerk")


class MaatwerkAdminConfig(AdminConfig):
    default_site = "maatwerk.core.admin_site.MaatwerkAdminSite"
