from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "serviceplan.proposed",
    _("Voorstel dienstverleningsplan"),
    _("Maatwerk stelt voor (Werkverkenner-band {band}): {services}."),
    visible_to_client=False,
)
register(
    "serviceplan.decided",
    _("Uw plan"),
    _("{staff_name} ({job_title}) heeft uw plan gemaakt. In uw plan staat: {services}. {answers}"),
)
register(
    "serviceplan.changed",
    _("Uw plan is veranderd"),
    _(
        "{staff_name} ({job_title}) heeft uw plan veranderd. In uw plan staat nu: {services}. "
        "{answers}"
    ),
)
register(
    "serviceplan.decision_reason",
    _("Besluit dienstverleningsplan"),
    _("Het plan {deviation}. Reden: {reason}"),
    visible_to_client=False,
)
register(
    "serviceplan.service_requested",
    _("Gevraagd"),
    _("U heeft gevraagd om: {service}. Uw uitleg: {why} Uw adviseur kijkt of dit in uw plan past."),
)
register(
    "serviceplan.conversation_held",
    _("Gesprek"),
    _("U had een gesprek met {staff_name} ({job_title})."),
)
register(
    "serviceplan.cycle_followed",
    _("Gesprekkencyclus bijgewerkt"),
    _("Het gesprek van de cyclus (uiterlijk {due_on}) is gehouden: afspraak afgerond."),
    visible_to_client=False,
)
