from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "maatwerk.letters"
    verbose_name = _("Brievenboek")

    def ready(self):
        from maatwerk.core import client_overview, starting_text
        from maatwerk.core.navigation import register

        from . import overview, timeline_kinds  # noqa: F401  (registers the timeline kinds)
        from .message_replies import starting_texts

        starting_text.register(starting_texts)
        client_overview.for_client.register("letters", overview.now_for_client)

        register("staff", _("Brievenboek"), "letters:book", permission="letters.view_letter_book")
        register("client", _("Mijn brieven"), "letters:mine")
