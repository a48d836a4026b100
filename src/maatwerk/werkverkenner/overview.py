"""The Werkverkenner's part of the adviser's summary (core.client_overview): the latest
outcome in words and what was decided about inviting the client."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from maatwerk.core.client_overview import Fact

from . import explain, queries, rules
from .models import TriageItem


def facts_for_staff(client) -> list[Fact]:
    score = queries.latest_score(client)
    url = reverse("werkverkenner:staff_start", args=[client.pk])
    if score is None:
        return [Fact("werkverkenner", _("Nog niet ingevuld"), url, permission=rules.TRIAGE)]
    value = _("Kans op werk binnen een jaar: %(band)s (uitkomst van %(day)s)") % {
        "band": explain.band_text(score.band),
        "day": formats.date_format(timezone.localtime(score.created_at), "j F Y"),
    }
    item = TriageItem.objects.filter(client=client).order_by("-created_at", "-pk").first()
    badge, tone = "", ""
    if item is not None and item.status == TriageItem.Status.OPEN:
        badge, tone = _("wacht op jouw besluit"), "warning"
    elif item is not None and item.status == TriageItem.Status.INVITE:
        badge, tone = _("uitgenodigd voor een gesprek"), "success"
    elif item is not None:
        badge, tone = _("niet uitgenodigd"), "neutral"
    return [Fact("werkverkenner", value, url, badge=badge, tone=tone, permission=rules.TRIAGE)]
