from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "maatwerk.notifications"
    verbose_name = _("Berichten aan cliënten")

    def ready(self):
        from maatwerk.core import call_list, client_events, navigation, portal_letters

        from . import kinds, queries, timeline_kinds  # noqa: F401  (registers the timeline kinds)
        from .actions import send_welcome

        kinds.register("client.welcome", _("Welkomstbrief"))
        kinds.register("client.welcome_task", _("Welkomstbrief sturen"), adviser_task=True)
        call_list.register_source(queries.calls_due)
        client_events.on_registered(send_welcome)
        portal_letters.register_source(queries.letters_for_portal)
        # For the staff who print and post letters: the same permission as the page.
        navigation.register(
            "staff",
            _("Post om te versturen"),
            "notifications:print_queue",
            permission="letters.send_letters",
            order=70,
        )
