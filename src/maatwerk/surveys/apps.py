from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "maatwerk.surveys"
    verbose_name = _("Vragenlijsten")

    def ready(self):
        from maatwerk.core.navigation import register
        from maatwerk.timeline.actions import event_recorded

        from . import text_sources, timeline_kinds  # noqa: F401  (registers the timeline kinds)

        text_sources.register_all()
        from .receivers import on_event_recorded

        event_recorded.connect(on_event_recorded, dispatch_uid="maatwerk-surveys-after-contact")
        register(
            "staff", _("Onderzoek"), "surveys:research", permission="surveys.view_survey_results"
        )
        register(
            "staff", _("Interviews"), "surveys:interviews", permission="surveys.conduct_interview"
        )
        register("client", _("Vragenlijsten"), "surveys:mine")
