from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "maatwerk.messaging"
    verbose_name = _("Berichten")

    def ready(self):
        from maatwerk.core import call_list, client_overview, navigation, open_work, staff_departure
        from maatwerk.notifications import kinds as notification_kinds

        from . import (  # noqa: F401  (timeline kinds)
            actions,
            overview,
            queries,
            text_sources,
            timeline_kinds,
        )

        text_sources.register_all()

        navigation.register("client", _("Berichten"), "messaging:client_inbox", order=20)
        navigation.register(
            "staff", _("Inbox"), "messaging:inbox", permission="messaging.answer_messages", order=20
        )
        call_list.register_source(queries.calls_due)
        open_work.registry.register("messaging", queries.open_work)
        client_overview.for_client.register("messaging", overview.now_for_client)
        client_overview.for_staff.register("messaging", overview.facts_for_staff)
        staff_departure.registry.register("messaging", actions.return_work_to_office)
        # A reply waiting: an e-mail notice, or a follow-up (call first) for the contact person.
        notification_kinds.register(
            "messaging.reply", _("Antwoord op uw bericht"), phone_first=True
        )
