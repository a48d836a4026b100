from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_catalogue(sender, using="default", **kwargs):
    """The default catalogue comes with a data migration; after a `flush` (which empties every
    table) it is put back here, so an installation is never without one."""
    from .defaults import install
    from .models import CycleRule, ServiceType

    if not ServiceType.objects.using(using).exists():
        install(ServiceType, CycleRule, using=using)


class ServicePlanConfig(AppConfig):
    name = "maatwerk.serviceplan"
    verbose_name = _("Dienstverleningsplan")

    def ready(self):
        from maatwerk.core import call_list, client_overview, navigation, open_work

        from . import overview, receivers, timeline_kinds  # noqa: F401  (kinds, receivers)
        from .queries import calls_for_conversations
        from .queries import open_work as open_work_for_client

        call_list.register_source(calls_for_conversations)
        open_work.registry.register("serviceplan", open_work_for_client)
        client_overview.for_client.register("serviceplan", overview.now_for_client)
        client_overview.for_staff.register("serviceplan", overview.facts_for_staff)
        post_migrate.connect(
            ensure_catalogue, sender=self, dispatch_uid="maatwerk-serviceplan-catalogue"
        )
        navigation.register("client", _("Mijn plan"), "serviceplan:mine", order=30)
        navigation.register(
            "staff",
            _("Beldag"),
            "serviceplan:call_list",
            permission="serviceplan.view_call_list",
            order=20,
        )
