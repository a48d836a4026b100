from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "maatwerk.feedback"
    verbose_name = _("Complimenten en reacties")

    def ready(self):
        from maatwerk.core import client_overview
        from maatwerk.core.navigation import register
        from maatwerk.notifications import kinds as notification_kinds

        from . import (
            overview,
            text_sources,
            timeline_kinds,  # noqa: F401  (registers the timeline kinds)
        )

        client_overview.for_staff.register("feedback", overview.facts_for_staff)
        text_sources.register_all()

        notification_kinds.register("feedback.answered", _("Antwoord op uw reactie"))
        register("client", _("Reacties"), "feedback:client_overview", order=60)
        register("staff", _("Mijn complimenten"), "feedback:my_compliments", order=60)
        register(
            "staff",
            _("Reacties"),
            "feedback:staff_list",
            permission="feedback.answer_feedback",
            order=61,
        )
        register(
            "staff",
            _("Spiegelgesprekken"),
            "feedback:session_list",
            permission="feedback.record_sessions",
            order=62,
        )
