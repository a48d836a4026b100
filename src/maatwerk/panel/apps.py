from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_defaults(sender, using="default", **kwargs):
    """The default bands and topics come with a data migration; after a `flush` (which empties
    every table) they are put back here."""
    from .models import Band, Topic
    from .strata import install_default_bands
    from .topics import install_default_topics

    install_default_bands(Band)
    install_default_topics(Topic)


class PanelConfig(AppConfig):
    name = "maatwerk.panel"
    verbose_name = _("Klantpanel")

    def ready(self):
        from maatwerk.core.navigation import register
        from maatwerk.notifications import kinds

        from . import receivers, timeline_kinds  # noqa: F401  (timeline kinds, signal receivers)

        # A letter with a personal code; never a phone task (the answers come on paper or at
        # an office tablet, with the code).
        kinds.register("panel.invitation", _("Uitnodiging klantpanel"), phone_ok=False)

        register("client", _("Klantpanel"), "panel:home", order=60)
        register("staff", _("Klantpanel"), "panel:plans", permission="panel.manage_panel", order=60)
        post_migrate.connect(ensure_defaults, sender=self, dispatch_uid="maatwerk-panel-defaults")
