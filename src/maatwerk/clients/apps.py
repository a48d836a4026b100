from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClientsConfig(AppConfig):
    name = "maatwerk.clients"
    verbose_name = _("Cliënten")

    def ready(self):
        from maatwerk.core import staff_departure

        from . import timeline_kinds  # noqa: F401
        from .actions import end_contact_person_assignments

        staff_departure.registry.register("clients", end_contact_person_assignments)
