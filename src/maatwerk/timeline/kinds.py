"""The registry of timeline event kinds. Each app registers its own kinds with a Dutch summary.

The summary is a ``str.format`` template over the event's ``data``; ``record_event`` checks that
every placeholder is present, so an event can never render half. The data holds Dutch source
text, dates and sentences with values (``maatwerk.core.source_text``), shown in the reader's
language when the event is rendered.

``visible_to_staff=False`` makes a kind client-only: an event that would give away an act the
client did anonymously, or when exactly they answered a survey (which, next to results, could
single out their answers), is never shown on a staff-facing timeline, in the client file or in
the API (docs/adr/0028-disclosure-control.md).
"""

import string
from dataclasses import dataclass

from django.utils.functional import Promise

from maatwerk.core.registry import Registry
from maatwerk.core.source_text import shown


@dataclass(frozen=True)
class EventKind:
    code: str
    label: Promise
    summary: Promise
    visible_to_client: bool = True
    visible_to_staff: bool = True

    @property
    def fields(self) -> set[str]:
        return {
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(str(self.summary))
            if name
        }

    def render(self, data: dict) -> str:
        return str(self.summary).format_map(shown(data))


registry: Registry[EventKind] = Registry("timeline kind")


def register(
    code: str,
    label: Promise,
    summary: Promise,
    *,
    visible_to_client: bool = True,
    visible_to_staff: bool = True,
):
    return registry.register(
        code, EventKind(code, label, summary, visible_to_client, visible_to_staff)
    )


def get(code: str) -> EventKind:
    return registry.get(code)


def all_kinds() -> list[EventKind]:
    return sorted(registry.values(), key=lambda kind: kind.code)


def client_only() -> list[str]:
    """The kinds staff never see on a timeline."""
    return sorted(kind.code for kind in registry.values() if not kind.visible_to_staff)
