from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "client.registered",
    _("Inschrijving"),
    _("U bent ingeschreven bij werkplein {office}."),
)
register(
    "contact_person.assigned",
    _("Vaste contactpersoon"),
    _("{staff_name} ({job_title}) is uw vaste contactpersoon."),
)
register(
    "contact_person.changed",
    _("Nieuwe contactpersoon"),
    _("U heeft een nieuwe vaste contactpersoon: {staff_name} ({job_title})."),
)
register(
    "note.added",
    _("Notitie"),
    _("Notitie: {text}"),
    visible_to_client=False,
)
register(
    "practice.started",
    _("Oefenaccount"),
    _("Dit oefenaccount is gestart. Het telt niet mee in cijfers en exports."),
)
register(
    "contact_person.ended",
    _("Vaste contactpersoon"),
    _("{staff_name} is niet meer uw vaste contactpersoon. Wij kiezen een nieuwe adviseur voor u."),
)


register(
    "contact_preferences.changed",
    _("Contactvoorkeuren"),
    _("De contactvoorkeuren zijn aangepast: {summary}."),
)
