"""Timeline kinds that give demo timelines some variety.

Their codes are the ones a real contact or appointment app would likely use. This module is
imported last (the demo app is last in INSTALLED_APPS), so when such an app registers one of them
first, its definition wins and ``check_kinds`` makes sure the demo still fills every placeholder.
Like every kind, each is told to the client and, about the client, to staff.
"""

from django.utils.translation import gettext_lazy as _

from maatwerk.timeline import kinds

DEMO_KINDS = {
    "contact.phone_call": {
        "label": _("Telefoongesprek"),
        "summary": _("Telefoongesprek met {staff_name} ({job_title}) over {topic}."),
        "staff_summary": _(
            "Telefoongesprek van {staff_name} ({job_title}) met {first_name} over {topic}."
        ),
    },
    "appointment.held": {
        "label": _("Gesprek"),
        "summary": _("Gesprek met {staff_name} ({job_title}) op werkplein {office}."),
        "staff_summary": _(
            "Gesprek van {first_name} met {staff_name} ({job_title}) op werkplein {office}."
        ),
    },
    "message.sent": {
        "label": _("Bericht van uw adviseur"),
        "staff_label": _("Bericht aan de cliënt"),
        "summary": _("Bericht van {staff_name} ({job_title}): {subject}"),
        "staff_summary": _(
            "{staff_name} ({job_title}) stuurde {first_name} een bericht: {subject}"
        ),
    },
    "message.received": {
        "label": _("Uw bericht"),
        "staff_label": _("Bericht van de cliënt"),
        "summary": _("U stuurde een bericht: {subject}"),
        "staff_summary": _("{first_name} stuurde een bericht: {subject}"),
    },
    "workshop.attended": {
        "label": _("Workshop"),
        "summary": _("U deed mee aan de workshop '{workshop}' op werkplein {office}."),
        "staff_summary": _(
            "{first_name} deed mee aan de workshop '{workshop}' op werkplein {office}."
        ),
    },
    "training.started": {
        "label": _("Online training"),
        "summary": _("U bent begonnen met de online training '{training}'."),
        "staff_summary": _("{first_name} is begonnen met de online training '{training}'."),
    },
    "application.reported": {
        "label": _("Sollicitatie"),
        "summary": _("U heeft gesolliciteerd als {vacancy}."),
        "staff_summary": _("{first_name} heeft gesolliciteerd als {vacancy}."),
    },
    "cv.updated": {
        "label": _("Cv"),
        "summary": _("U heeft uw cv bijgewerkt in Mijn omgeving."),
        "staff_summary": _("{first_name} heeft het cv bijgewerkt in Mijn omgeving."),
    },
}

for _code, _definition in DEMO_KINDS.items():
    try:
        kinds.get(_code)
    except LookupError:
        kinds.register(_code, **_definition)
