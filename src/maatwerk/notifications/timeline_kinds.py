from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "notification.created",
    _("Bericht aan u"),
    _("Wij laten u dit weten per {channel}: {subject}."),
    staff_label=_("Bericht aan de cliënt"),
    staff_summary=_("{first_name} krijgt dit bericht per {channel}: {subject}."),
)
# A task for the adviser (the welcome when no welcome letter is published): staff only.
register(
    "notification.task_created",
    _("Taak voor de adviseur"),
    staff_summary=_("Taak voor de contactpersoon van {first_name}: {subject}."),
    visible_to_client=False,
)
register(
    "notification.delivered",
    _("Bericht verstuurd"),
    _("Verstuurd per {channel}: {subject}."),
    staff_summary=_("Aan {first_name} verstuurd per {channel}: {subject}."),
)
register(
    "notification.called",
    _("Gebeld"),
    _("{staff_name} ({job_title}) heeft u gebeld over: {subject}."),
    staff_summary=_("{staff_name} ({job_title}) heeft {first_name} gebeld over: {subject}."),
)
