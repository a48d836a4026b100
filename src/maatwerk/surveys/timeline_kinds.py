from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "survey.completed",
    _("Vragenlijst ingevuld"),
    _("U heeft de vragenlijst '{title}' ingevuld. Dank u wel."),
)
register(
    "survey.contact_answered",
    _("Vragen na contact beantwoord"),
    _("U heeft onze korte vragen '{title}' beantwoord. Dank u wel."),
)
