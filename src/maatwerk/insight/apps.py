from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightConfig(AppConfig):
    name = "maatwerk.insight"
    verbose_name = _("Wat klanten zeggen")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import receivers  # noqa: F401  (classifies new texts shortly after they arrive)

        post_migrate.connect(
            _codebook_after_flush, sender=self, dispatch_uid="maatwerk-insight-codebook"
        )


def _codebook_after_flush(sender, using="default", **kwargs):
    from .codebook import install_defaults

    install_defaults()
