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
