from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "maatwerk.access"
    verbose_name = _("Rollen en rechten")

    def ready(self):
        from .roles import ensure_default_roles

        # Runs after every app's permissions exist; it only acts on an empty role table.
        post_migrate.connect(
            ensure_default_roles, sender=self, dispatch_uid="maatwerk-default-roles"
        )
