from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "panel.joined",
    _("Klantpanel"),
    _("U doet mee aan het klantpanel. U krijgt soms een uitnodiging voor een vragenlijst."),
    staff_summary=_("{first_name} doet mee aan het klantpanel."),
)
register(
    "panel.left",
    _("Klantpanel"),
    _("U doet niet meer mee aan het klantpanel. U krijgt geen uitnodigingen meer."),
    staff_summary=_("{first_name} doet niet meer mee aan het klantpanel."),
)
register(
    "panel.invited",
    _("Uitnodiging klantpanel"),
    _("U bent uitgenodigd voor de vragenlijst '{survey}' over {topic}. U kreeg een e-mail."),
    staff_summary=_(
        "{first_name} is per e-mail uitgenodigd voor de vragenlijst '{survey}' over {topic}."
    ),
)
# Client-only, like survey.completed: staff never learn when a known member answered
# (docs/adr/0028-disclosure-control.md); the audit row says who handled the code.
register(
    "panel.answered_on_paper",
    _("Klantpanel"),
    _("Wij hebben uw antwoorden op papier voor de vragenlijst '{survey}' gekregen en ingevoerd."),
    visible_to_staff=False,
)
register(
    "panel.answered_at_tablet",
    _("Klantpanel"),
    _("U heeft de vragenlijst '{survey}' ingevuld op een tablet op ons kantoor."),
    visible_to_staff=False,
)
