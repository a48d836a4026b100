"""The registry of timeline event kinds. Each app registers its own kinds, told in two voices.

The client reads about themselves ("U heeft de Werkverkenner ingevuld"); staff read about the
client ("Nicole heeft de Werkverkenner ingevuld"). So a kind has a client summary and a staff
summary, and ``register`` refuses a kind without the ones its audiences need: both, unless the
kind is client-only (``visible_to_staff=False``: only the client summary) or staff-only
(``visible_to_client=False``: only the staff summary). A voice a kind does not speak shows its
label only, never the other voice's words (docs/adr/0037-two-voices-on-the-timeline.md).

A summary is a ``str.format`` template over the event's ``data``, plus names filled in when it is
shown and never stored (``SHOWN_NAMES``): ``{first_name}``, the client's first name, and
``{actor}``, who did it ("U" or the client's first name, or the staff member's name).
``{field:date}`` writes a date in the data (stored as ISO) as "15 december 2026" in the reader's
language. ``record_event`` checks that every placeholder is present, so an event never renders
half. The data holds Dutch source
text, dates and sentences with values (``maatwerk.core.source_text``), shown in the reader's
language when the event is rendered.

``visible_to_staff=False`` makes a kind client-only: an event that would give away an act the
client did anonymously, or when exactly they answered a survey (which, next to results, could
single out their answers), is never shown on a staff-facing timeline, in the client file or in
the API (docs/adr/0028-disclosure-control.md).
"""

import string
from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise

from maatwerk.core.dates import long_date
from maatwerk.core.registry import Registry
from maatwerk.core.source_text import shown


class Voice(StrEnum):
    CLIENT = "client"
    STAFF = "staff"


# Filled in when an event is shown, never stored in its data.
SHOWN_NAMES = frozenset({"first_name", "actor"})


class _SummaryFormatter(string.Formatter):
    def format_field(self, value, format_spec):
        if format_spec == "date":
            return long_date(value)
        return super().format_field(value, format_spec)


_formatter = _SummaryFormatter()


def _placeholders(template: Promise | str | None) -> set[str]:
    if template is None:
        return set()
    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(str(template))
        if name
    }


@dataclass(frozen=True)
class EventKind:
    code: str
    label: Promise
    summary: Promise | None = None  # the client's voice
    staff_summary: Promise | None = None
    visible_to_client: bool = True
    visible_to_staff: bool = True
    staff_label: Promise | None = None  # when the label speaks to the client ("Uw plan")

    def __post_init__(self):
        if self.visible_to_client and not self.summary:
            raise ValueError(f"Timeline kind {self.code!r} is shown to the client: give a summary.")
        if self.visible_to_staff and not self.staff_summary:
            raise ValueError(
                f"Timeline kind {self.code!r} is shown to staff: give a staff_summary that speaks "
                "about the client ('{first_name} heeft …'), or make it visible_to_staff=False."
            )
        if not (self.visible_to_client or self.visible_to_staff):
            raise ValueError(f"Timeline kind {self.code!r} is shown to nobody.")

    @property
    def fields(self) -> set[str]:
        """What the event's data must hold: every placeholder of both voices but the shown names."""
        return (_placeholders(self.summary) | _placeholders(self.staff_summary)) - SHOWN_NAMES

    def uses_actor(self) -> bool:
        return "actor" in _placeholders(self.summary) | _placeholders(self.staff_summary)

    def speaks(self, voice: Voice) -> bool:
        return bool(self.summary if voice == Voice.CLIENT else self.staff_summary)

    def label_in(self, voice: Voice) -> str:
        if voice == Voice.STAFF and self.staff_label:
            return str(self.staff_label)
        return str(self.label)

    def render(self, data: dict, voice: Voice = Voice.CLIENT, **shown_names: str) -> str:
        """The summary in ``voice``; ``shown_names`` fills ``first_name`` and ``actor``. Stored
        values are shown in the reader's language first (core.source_text)."""
        template = self.summary if voice == Voice.CLIENT else self.staff_summary
        if not template:
            return self.label_in(voice)
        return _formatter.vformat(str(template), (), {**shown(data), **shown_names})


registry: Registry[EventKind] = Registry("timeline kind")


def register(
    code: str,
    label: Promise,
    summary: Promise | None = None,
    *,
    staff_summary: Promise | None = None,
    staff_label: Promise | None = None,
    visible_to_client: bool = True,
    visible_to_staff: bool = True,
):
    """Add a kind: ``summary`` speaks to the client, ``staff_summary`` to staff about the client.
    Raises ValueError when an audience that sees the kind has no summary of its own."""
    return registry.register(
        code,
        EventKind(
            code,
            label,
            summary,
            staff_summary,
            visible_to_client,
            visible_to_staff,
            staff_label,
        ),
    )


def get(code: str) -> EventKind:
    return registry.get(code)


def all_kinds() -> list[EventKind]:
    return sorted(registry.values(), key=lambda kind: kind.code)


def client_only() -> list[str]:
    """The kinds staff never see on a timeline."""
    return sorted(kind.code for kind in registry.values() if not kind.visible_to_staff)
