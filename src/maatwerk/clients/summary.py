"""The top of the adviser's client file: one summary of what matters and what needs doing, and
the kind groups the file's timeline can be filtered on.

The clients app knows the contact person, the benefit and the preferences itself; what the
capabilities know (Werkverkenner, contacts, messages, feedback, follow-ups, plan) comes through
``core.client_overview``, so this app imports none of them (ADR 0038).
"""

from dataclasses import dataclass
from datetime import time
from functools import reduce
from operator import or_

from django import forms
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maatwerk.core import client_overview

from .models import Client, ContactAssignment, ContactPreference


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    url: str = ""
    badge: str = ""
    tone: str = ""


def _contact_person_row(client: Client) -> Row:
    current = (
        ContactAssignment.objects.filter(client=client, ended_at__isnull=True)
        .select_related("staff")
        .first()
    )
    if current is None:
        return Row(
            _("Vaste contactpersoon"),
            _("Geen: een vestigingsmanager wijst een nieuwe adviseur toe"),
            badge=_("geen contactpersoon"),
            tone="danger",
        )
    return Row(
        _("Vaste contactpersoon"),
        _("%(name)s, %(job)s (sinds %(day)s)")
        % {
            "name": current.staff.full_name,
            "job": current.staff.job_title,
            "day": formats.date_format(timezone.localtime(current.started_at), "j F Y"),
        },
    )


def _benefit_row(client: Client) -> Row:
    days_left = (client.benefit_expected_end - timezone.localdate()).days
    if days_left < 0:
        badge, tone = _("afgelopen"), "neutral"
    elif days_left <= 56:
        badge, tone = _("nog %(weeks)d weken") % {"weeks": days_left // 7}, "warning"
    else:
        badge, tone = "", ""
    return Row(
        _("Einde uitkering"),
        _("%(day)s (verwacht)")
        % {"day": formats.date_format(client.benefit_expected_end, "j F Y")},
        badge=badge,
        tone=tone,
    )


def preference_line(preference: ContactPreference | None) -> str:
    """The client's wishes in one line: "liever niet vóór 10:00 · telefoon"."""
    if preference is None:
        return _("Geen voorkeuren bekend")
    parts = []
    windows = list(preference.windows.all())
    if len(windows) == 1 and windows[0].weekday is None and windows[0].ends >= time(17):
        parts.append(_("liever niet vóór %(time)s") % {"time": f"{windows[0].starts:%H:%M}"})
    elif windows:
        parts.append(_("bereikbaar %(windows)s") % {"windows": "; ".join(map(str, windows))})
    parts.append(preference.get_channel_display())
    if preference.language_level != ContactPreference.LanguageLevel.B1:
        parts.append(preference.get_language_level_display())
    if preference.accessibility_needs:
        parts.append(preference.accessibility_needs)
    return " · ".join(parts)


def rows_for(client: Client, user) -> list[Row]:
    """The summary, top to bottom: who and until when, then what the capabilities know, then
    how the client wants to be contacted."""
    facts = client_overview.facts_for(client, user)
    # No contact on either side is worth saying too: the adviser should not have to wonder.
    missing = {
        "next_contact": _("Geen afspraak gepland"),
        "last_contact": _("Nog geen gesprek of antwoord vastgelegd"),
    }
    facts += [
        client_overview.Fact(key, text)
        for key, text in missing.items()
        if key not in {fact.key for fact in facts}
    ]
    order = list(client_overview.FACTS)
    facts = [
        Row(fact.label, fact.value, fact.url, fact.badge, fact.tone)
        for fact in sorted(facts, key=lambda fact: order.index(fact.key))
    ]
    preference = getattr(client, "preference", None)
    return [
        _contact_person_row(client),
        _benefit_row(client),
        *facts,
        Row(_("Voorkeuren"), preference_line(preference)),
    ]


# Timeline kind groups: (value in the address, label, kind codes). A code ending in "." stands
# for every kind that starts with it. A kind belongs to the first group that matches it; kinds
# no group names (a new app's) are under "Overig", so nothing ever drops out of the file.
KIND_GROUPS = (
    (
        "contact",
        gettext_lazy("Afspraken en gesprekken"),
        ("appointment.", "serviceplan.conversation_held", "contact.", "notification.called"),
    ),
    ("berichten", gettext_lazy("Berichten"), ("message.", "messaging.")),
    ("brieven", gettext_lazy("Brieven en meldingen"), ("letter.", "notification.")),
    ("plan", gettext_lazy("Dienstverleningsplan"), ("serviceplan.",)),
    ("werkverkenner", gettext_lazy("Werkverkenner"), ("werkverkenner.",)),
    ("reacties", gettext_lazy("Reacties en klachten"), ("feedback.", "compliment.")),
    (
        "dossier",
        gettext_lazy("Inschrijving, contactpersoon en voorkeuren"),
        ("client.", "contact_person.", "contact_preferences.", "practice."),
    ),
    ("notities", gettext_lazy("Notities"), ("note.",)),
    (
        "activiteiten",
        gettext_lazy("Solliciteren en leren"),
        ("application.", "cv.", "training.", "workshop."),
    ),
    ("panel", gettext_lazy("Klantpanel en vragenlijsten"), ("panel.", "survey.")),
)
OTHER = "overig"


def _matches(codes) -> Q:
    return reduce(
        or_,
        (Q(kind__startswith=code) if code.endswith(".") else Q(kind=code) for code in codes),
    )


def kind_filter(group: str) -> Q:
    """The events of one kind group (and of no group before it)."""
    earlier = Q(pk__in=[])
    for value, _label, codes in KIND_GROUPS:
        if value == group:
            return _matches(codes) & ~earlier
        earlier |= _matches(codes)
    if group == OTHER:
        return ~earlier
    raise LookupError(group)


class TimelineFilterForm(forms.Form):
    soort = forms.ChoiceField(
        label=gettext_lazy("Soort gebeurtenis"),
        required=False,
        choices=[("", gettext_lazy("Alles"))]
        + [(value, label) for value, label, _codes in KIND_GROUPS]
        + [(OTHER, gettext_lazy("Overig"))],
    )

    def group(self) -> str:
        """The chosen group, or "" for everything (also when the address holds nonsense)."""
        return self.cleaned_data["soort"] if self.is_valid() else ""
