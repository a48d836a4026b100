"""Timeline kinds that give demo timelines some variety.

Their codes are the ones a real contact or appointment app would likely use. This module is
imported last (the demo app is last in INSTALLED_APPS), so when such an app registers one of them
first, its definition wins and ``check_kinds`` makes sure the demo still fills every placeholder.
"""

from django.utils.translation import gettext_lazy as _

from maatwerk.timeline import kinds

# code -> (label, summary, visible to the client)
DEMO_KINDS = {
    "contact.phone_call": (
        _("Telefoongesprek"),
        _("Telefoongesprek met {staff_name} ({job_title}) over {topic}."),
        True,
    ),
    "appointment.held": (
        _("Gesprek"),
        _("Gesprek met {staff_name} ({job_title}) op werkplein {office}."),
        True,
    ),
    "message.sent": (
        _("Bericht van uw adviseur"),
        _("Bericht van {staff_name} ({job_title}): {subject}"),
        True,
    ),
    "message.received": (
        _("Uw bericht"),
        _("U stuurde een bericht: {subject}"),
        True,
    ),
    "workshop.attended": (
        _("Workshop"),
        _("U deed mee aan de workshop '{workshop}' op werkplein {office}."),
        True,
    ),
    "training.started": (
        _("Online training"),
        _("U bent begonnen met de online training '{training}'."),
        True,
    ),
    "application.reported": (
        _("Sollicitatie"),
        _("U heeft gesolliciteerd als {vacancy}."),
        True,
    ),
    "cv.updated": (
        _("Cv"),
        _("U heeft uw cv bijgewerkt in Mijn omgeving."),
        True,
    ),
}

for _code, (_label, _summary, _visible) in DEMO_KINDS.items():
    try:
        kinds.get(_code)
    except LookupError:
        kinds.register(_code, _label, _summary, visible_to_client=_visible)
