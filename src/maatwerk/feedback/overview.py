"""The feedback app's part of the adviser's summary (core.client_overview): the client's
feedback and complaints that still wait for an answer. Only the owner and managers may open an
item, so the summary names who has it instead of linking to it."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maatwerk.core.client_overview import Fact

from . import queries
from .models import FeedbackItem


def facts_for_staff(client) -> list[Fact]:
    waiting = list(
        queries.open_items(FeedbackItem.objects.filter(client=client))
        .select_related("owner")
        .order_by("deadline", "pk")
    )
    if not waiting:
        return [Fact("feedback", _("Geen reacties die op antwoord wachten"))]
    first = waiting[0]
    value = ngettext(
        "%(count)d reactie wacht op antwoord",
        "%(count)d reacties wachten op antwoord",
        len(waiting),
    ) % {"count": len(waiting)}
    if first.deadline:
        value += ", " + _("uiterlijk %(day)s") % {
            "day": formats.date_format(first.deadline, "j F Y")
        }
    if first.owner:
        value += " " + _("(bij %(name)s)") % {"name": first.owner.full_name}
    late = first.deadline is not None and first.deadline < timezone.localdate()
    return [
        Fact(
            "feedback",
            value,
            badge=_("te laat") if late else "",
            tone="danger" if late else "",
        )
    ]
