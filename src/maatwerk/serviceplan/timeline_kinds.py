from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

# The rules' suggestion for the adviser; {basis} says what it rests on in an adviser's words
# ("Werkverkenner-uitslag: kleine kans (0 tot 25%).", "Nog geen Werkverkenner-uitslag.").
register(
    "serviceplan.proposed",
    _("Voorstel dienstverleningsplan"),
    staff_summary=_("Voorstel voor het plan van {first_name}: {services}. {basis}"),
    visible_to_client=False,
)
# {answers} answers the client's own requests, in the client's words: staff read the plan itself.
register(
    "serviceplan.decided",
    _("Uw plan"),
    _("{staff_name} ({job_title}) heeft uw plan gemaakt. In uw plan staat: {services}. {answers}"),
    staff_label=_("Plan gemaakt"),
    staff_summary=_(
        "{staff_name} ({job_title}) heeft het plan van {first_name} gemaakt. "
        "In het plan staat: {services}."
    ),
)
register(
    "serviceplan.changed",
    _("Uw plan is veranderd"),
    _(
        "{staff_name} ({job_title}) heeft uw plan veranderd. In uw plan staat nu: {services}. "
        "{answers}"
    ),
    staff_label=_("Plan veranderd"),
    staff_summary=_(
        "{staff_name} ({job_title}) heeft het plan van {first_name} veranderd. "
        "In het plan staat nu: {services}."
    ),
)
register(
    "serviceplan.decision_reason",
    _("Besluit dienstverleningsplan"),
    staff_summary=_("Het plan {deviation}. Reden: {reason}"),
    visible_to_client=False,
)
register(
    "serviceplan.service_requested",
    _("Gevraagd"),
    _("U heeft gevraagd om: {service}. Uw uitleg: {why} Uw adviseur kijkt of dit in uw plan past."),
    staff_label=_("Vraag om een dienst"),
    staff_summary=_(
        "{first_name} vraagt om: {service}. Uitleg: {why} Kijk of dit in het plan past."
    ),
)
register(
    "serviceplan.conversation_held",
    _("Gesprek"),
    _("U had een gesprek met {staff_name} ({job_title})."),
    staff_summary=_("{first_name} had een gesprek met {staff_name} ({job_title})."),
)
register(
    "serviceplan.cycle_followed",
    _("Gesprekkencyclus bijgewerkt"),
    staff_summary=_(
        "Het gesprek van de cyclus (uiterlijk {due_on:date}) is gehouden: afspraak afgerond."
    ),
    visible_to_client=False,
)
