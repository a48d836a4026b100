from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_questionnaire(sender, using="default", **kwargs):
    """The default questionnaire comes with a data migration; after a `flush` (which empties
    every table) it is put back here, so an installation is never without one."""
    from .models import AnswerOption, Question, Questionnaire
    from .questionnaire import install, read

    if not Questionnaire.objects.using(using).exists():
        install(read(1), Questionnaire, Question, AnswerOption)


class WerkverkennerConfig(AppConfig):
    name = "maatwerk.werkverkenner"
    verbose_name = _("Werkverkenner")

    def ready(self):
        from maatwerk.core import client_overview

        from . import overview, timeline_kinds  # noqa: F401  (registers the timeline kinds)

        client_overview.for_staff.register("werkverkenner", overview.facts_for_staff)

        post_migrate.connect(
            ensure_questionnaire, sender=self, dispatch_uid="maatwerk-werkverkenner-questionnaire"
        )
