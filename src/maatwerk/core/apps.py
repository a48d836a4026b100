from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: shared building blocks that import no other Maatwerk app."""

    name = "maatwerk.core"
    verbose_name = _("Maatwerk")

    def ready(self):
        from . import conf  # noqa: F401  (registers the system check of every app's settings)
