from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

# Client-only: the moment a known client answered is what reading results before and after
# needs; staff never see it (docs/adr/0028-disclosure-control.md).
register(
    "survey.completed",
    _("Vragenlijst ingevuld"),
    _("U heeft de vragenlijst '{title}' ingevuld. Dank u wel."),
    visible_to_staff=False,
)
register(
    "survey.contact_answered",
    _("Vragen na contact beantwoord"),
    _("U heeft onze korte vragen '{title}' beantwoord. Dank u wel."),
    visible_to_staff=False,
)
register(
    "survey.contact_answered_by_phone",
    _("Vragen na contact telefonisch beantwoord"),
    _("U gaf telefonisch antwoord op onze korte vragen '{title}'. {staff_name} schreef ze op."),
    visible_to_staff=False,
)
