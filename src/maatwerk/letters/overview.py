"""The letters' part of the client's home page (core.client_overview): letters that came in
lately. Maatwerk does not record whether a letter was opened, so "new" means: sent in the last
two weeks."""

from datetime import timedelta

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maatwerk.core.client_overview import Link, NowItem

from . import queries

NEW_FOR = timedelta(days=14)
SHOWN = 3


def now_for_client(client) -> list[NowItem]:
    since = timezone.now() - NEW_FOR
    new = [letter for letter in queries.mine(client) if letter.sent_at >= since]
    if not new:
        return []
    lines = (
        ngettext(
            "U kreeg de afgelopen 2 weken %(count)d brief.",
            "U kreeg de afgelopen 2 weken %(count)d brieven.",
            len(new),
        )
        % {"count": len(new)},
    )
    links = tuple(
        Link(
            _("%(subject)s (%(day)s)")
            % {
                "subject": letter.subject,
                "day": formats.date_format(timezone.localtime(letter.sent_at), "j F Y"),
            },
            letter.url,
        )
        for letter in new[:SHOWN]
    )
    return [
        NowItem(
            "letters",
            _("Nieuwe brieven"),
            lines,
            links + (Link(_("Alle brieven"), reverse("letters:mine")),),
            badge=_("Nieuw"),
            tone="success",
        )
    ]


def home_texts() -> str:
    """The home page card's texts with example values, for the plain-language check."""
    return "\n".join(
        [
            _("Nieuwe brieven"),
            ngettext(
                "U kreeg de afgelopen 2 weken %(count)d brief.",
                "U kreeg de afgelopen 2 weken %(count)d brieven.",
                2,
            )
            % {"count": 2},
            _("Alle brieven"),
            _("Nieuw"),
        ]
    )
