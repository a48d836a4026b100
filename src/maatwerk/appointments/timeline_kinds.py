from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "appointment.booked",
    _("Afspraak gemaakt"),
    _("Afspraak gemaakt: {kind} op {when}, {place}, met {staff_name} ({job_title})."),
    staff_summary=_(
        "Afspraak met {first_name} gemaakt: {kind} op {when}, {place}, "
        "met {staff_name} ({job_title})."
    ),
)
register(
    "appointment.moved",
    _("Afspraak verzet"),
    _("Uw afspraak van {before} is verzet naar {when}, {place}, met {staff_name} ({job_title})."),
    staff_summary=_(
        "De afspraak van {first_name} van {before} is verzet naar {when}, {place}, "
        "met {staff_name} ({job_title})."
    ),
)
register(
    "appointment.cancelled",
    _("Afspraak geannuleerd"),
    _("De afspraak ({kind}) op {when} is geannuleerd."),
    staff_summary=_("De afspraak van {first_name} ({kind}) op {when} is geannuleerd."),
)
# The same placeholders as the demo's bulk-loaded history (maatwerk.demo.journey), so both read
# alike; the event's data also carries "kind" and "when".
register(
    "appointment.held",
    _("Gesprek gehouden"),
    _("U heeft een gesprek gehad met {staff_name} ({job_title}) van werkplein {office}."),
    staff_summary=_(
        "{first_name} had een gesprek met {staff_name} ({job_title}) van werkplein {office}."
    ),
)
register(
    "appointment.not_shown",
    _("Niet gekomen"),
    _("U was er niet bij de afspraak ({kind}) op {when} met {staff_name} ({job_title})."),
    staff_summary=_(
        "{first_name} was er niet bij de afspraak ({kind}) op {when} "
        "met {staff_name} ({job_title})."
    ),
)
register(
    "appointment.override",
    _("Afspraak buiten voorkeur"),
    staff_summary=_(
        "Afspraak gepland buiten de voorkeur van {first_name} ({clashes}). Reden: {reason}"
    ),
    visible_to_client=False,
)
