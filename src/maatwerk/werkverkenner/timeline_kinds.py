from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "werkverkenner.started",
    _("Werkverkenner"),
    _("U bent begonnen met de Werkverkenner{together}."),
    staff_summary=_("{first_name} is begonnen met de Werkverkenner{together}."),
)
register(
    "werkverkenner.submitted",
    _("Werkverkenner"),
    _("U heeft de Werkverkenner ingevuld{together}. Een adviseur kijkt wat u nodig heeft."),
    staff_summary=_("{first_name} heeft de Werkverkenner ingevuld{together}."),
)
register(
    "werkverkenner.corrected",
    _("Werkverkenner"),
    _("U heeft een antwoord in de Werkverkenner veranderd. De uitkomst is opnieuw berekend."),
    staff_summary=_(
        "{first_name} heeft een antwoord in de Werkverkenner veranderd. "
        "De uitkomst is opnieuw berekend."
    ),
)
register(
    "werkverkenner.conversation_requested",
    _("Gesprek gevraagd"),
    _("U heeft gevraagd om een gesprek. Uw adviseur neemt contact met u op."),
    staff_summary=_("{first_name} vraagt om een gesprek. Neem contact op."),
)
register(
    "werkverkenner.queued",
    _("Werklijst Werkverkenner"),
    staff_summary=_(
        "{first_name} staat op de werklijst voor een uitnodiging voor een "
        "werkoriëntatiegesprek ({source})."
    ),
    visible_to_client=False,
)
register(
    "werkverkenner.invited",
    _("Uitnodiging werkoriëntatiegesprek"),
    _(
        "{staff_name} ({job_title}) nodigt u uit voor een werkoriëntatiegesprek. "
        "U hoort snel wanneer het gesprek is."
    ),
    staff_summary=_(
        "{staff_name} ({job_title}) nodigt {first_name} uit voor een werkoriëntatiegesprek."
    ),
)
register(
    "werkverkenner.not_invited",
    _("Werkverkenner bekeken"),
    _(
        "{staff_name} ({job_title}) heeft uw Werkverkenner bekeken. Een gesprek is nu niet nodig. "
        "U kunt altijd zelf om een gesprek vragen."
    ),
    staff_summary=_(
        "{staff_name} ({job_title}) heeft de Werkverkenner van {first_name} bekeken: "
        "een gesprek is nu niet nodig."
    ),
)
register(
    "werkverkenner.decision_reason",
    _("Besluit Werkverkenner"),
    staff_summary=_("Besluit: {decision}{override}. Reden: {reason}"),
    visible_to_client=False,
)
