from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "maatwerk.organisation"
    verbose_name = _("Organisatie")
