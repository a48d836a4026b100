from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "maatwerk.feedback"
    verbose_name = _("Complimenten en reacties")

    def ready(self):
        from maatwerk.core import call_list
        from maatwerk.core.navigation import register

        from . import (
            queries,
            timeline_kinds,  # noqa: F401  (registers the timeline kinds)
        )

        # Answers to pass on by phone land on the owner's call list.
        call_list.register_source(queries.calls_due)

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
