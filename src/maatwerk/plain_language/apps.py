from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlainLanguageConfig(AppConfig):
    name = "maatwerk.plain_language"
    verbose_name = _("Begrijpelijke taal")
