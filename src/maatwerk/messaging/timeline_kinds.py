from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "messaging.client_message",
    _("Bericht"),
    _("U stuurde een bericht: {subject}"),
    staff_summary=_("{first_name} stuurde een bericht: {subject}"),
)
register(
    "messaging.staff_reply",
    _("Antwoord op uw bericht"),
    _("{staff_name} ({job_title}) beantwoordde uw bericht: {subject}"),
    staff_label=_("Antwoord op een bericht"),
    staff_summary=_(
        "{staff_name} ({job_title}) beantwoordde het bericht van {first_name}: {subject}"
    ),
)
register(
    "messaging.taken",
    _("Bericht opgepakt"),
    staff_summary=_("{staff_name} ({job_title}) pakte het bericht '{subject}' op."),
    visible_to_client=False,
)
register(
    "messaging.handed_over",
    _("Bericht overgedragen"),
    _("Uw bericht '{subject}' wordt nu beantwoord door {staff_name} ({job_title})."),
    staff_summary=_(
        "Het bericht '{subject}' van {first_name} wordt nu beantwoord door "
        "{staff_name} ({job_title})."
    ),
)
register(
    "messaging.follow_up_created",
    _("Vervolgtaak"),
    staff_summary=_(
        "{first_name} gebruikt geen digitale kanalen: {task} over het antwoord op '{subject}', "
        "uiterlijk {due:date}."
    ),
    visible_to_client=False,
)
register(
    "messaging.follow_up_done",
    _("Vervolgtaak afgerond"),
    staff_summary=_("Vervolgtaak ({task}) over het antwoord op '{subject}' is gedaan."),
    visible_to_client=False,
)
register(
    "messaging.returned_to_office",
    _("Bericht terug naar de vestiging"),
    staff_summary=_(
        "'{subject}' staat weer bij de vestiging om op te pakken: {staff_name} is niet beschikbaar."
    ),
    visible_to_client=False,
)
