from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicePlanConfig(AppConfig):
    name = "maatwerk.serviceplan"
    verbose_name = _("Dienstverleningsplan")
