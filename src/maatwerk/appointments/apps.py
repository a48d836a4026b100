from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_types(sender, using="default", **kwargs):
    """The default kinds of appointment come with a data migration; after a `flush` they are
    put back here, so an installation is never without one."""
    from .defaults import install_default_types
    from .models import AppointmentType

    install_default_types(AppointmentType, using)


class AppointmentsConfig(AppConfig):
    name = "maatwerk.appointments"
    verbose_name = _("Afspraken")

    def ready(self):
        from maatwerk.core import (
            call_list,
            client_overview,
            navigation,
            open_work,
            preference_clashes,
        )
        from maatwerk.notifications import kinds as notification_kinds

        from . import builtin, overview, queries, timeline_kinds  # noqa: F401  (plugin, kinds)

        navigation.register("client", _("Afspraken"), "appointments:mine", order=30)
        navigation.register(
            "staff", _("Agenda"), "appointments:agenda", permission="appointments.view_agenda"
        )
        call_list.register_source(queries.calls_due)
        open_work.registry.register("appointments", queries.open_work)
        preference_clashes.register_source(queries.clashing_appointments)
        client_overview.for_client.register("appointments", overview.now_for_client)
        client_overview.for_staff.register("appointments", overview.facts_for_staff)
        # Every notice about an appointment may go by letter; as a letter may arrive too late,
        # the adviser also calls a client who has a phone number.
        notices = {
            "booked": _("Afspraak gemaakt"),
            "moved": _("Afspraak verzet"),
            "cancelled": _("Afspraak geannuleerd"),
            "reminder": _("Herinnering aan een afspraak"),
        }
        for what, label in notices.items():
            notification_kinds.register(f"appointment.{what}", label, call_too=True)
        post_migrate.connect(
            ensure_types, sender=self, dispatch_uid="maatwerk-appointments-default-types"
        )
