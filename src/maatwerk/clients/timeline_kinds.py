from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "client.registered",
    _("Inschrijving"),
    _("U bent ingeschreven bij werkplein {office}."),
    staff_summary=_("{first_name} is ingeschreven bij werkplein {office}."),
)
register(
    "contact_person.assigned",
    _("Vaste contactpersoon"),
    _("{staff_name} ({job_title}) is uw vaste contactpersoon."),
    staff_summary=_("{staff_name} ({job_title}) is de vaste contactpersoon van {first_name}."),
)
register(
    "contact_person.changed",
    _("Nieuwe contactpersoon"),
    _("U heeft een nieuwe vaste contactpersoon: {staff_name} ({job_title})."),
    staff_summary=_(
        "{first_name} heeft een nieuwe vaste contactpersoon: {staff_name} ({job_title})."
    ),
)
register(
    "note.added",
    _("Notitie"),
    staff_summary=_("Notitie: {text}"),
    visible_to_client=False,
)
register(
    "practice.started",
    _("Oefenaccount"),
    _("Dit oefenaccount is gestart. Het telt niet mee in cijfers en exports."),
    staff_summary=_("Dit oefenaccount is gestart. Het telt niet mee in cijfers en exports."),
)
register(
    "contact_person.ended",
    _("Vaste contactpersoon"),
    _("{staff_name} is niet meer uw vaste contactpersoon. Wij kiezen een nieuwe adviseur voor u."),
    staff_summary=_(
        "{staff_name} is niet meer de vaste contactpersoon van {first_name}. "
        "Er wordt een nieuwe adviseur gekozen."
    ),
)
# Changed by the client or by a staff member: {actor} says who ("U" / "Nicole", or the adviser).
register(
    "contact_preferences.changed",
    _("Contactvoorkeuren"),
    _("{actor} heeft uw contactvoorkeuren aangepast: {summary}."),
    staff_summary=_("{actor} heeft de contactvoorkeuren aangepast: {summary}."),
)
