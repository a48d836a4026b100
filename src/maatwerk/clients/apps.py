from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClientsConfig(AppConfig):
    name = "maatwerk.clients"
    verbose_name = _("Cliënten")

    def ready(self):
        from . import timeline_kinds  # noqa: F401
