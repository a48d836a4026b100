from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

register(
    "letter.sent",
    _("Brief"),
    _("{staff_name} ({job_title}) stuurde u een brief per {channel}: {subject}"),
    staff_summary=_(
        "{staff_name} ({job_title}) stuurde {first_name} een brief per {channel}: {subject}"
    ),
)
