"""The registry of timeline event kinds. Each app registers its own kinds with a Dutch summary.

The summary is a ``str.format`` template over the event's ``data``; ``record_event`` checks that
every placeholder is present, so an event can never render half.
"""

import string
from dataclasses import dataclass

from django.utils.functional import Promise

from maatwerk.core.registry import Registry


@dataclass(frozen=True)
class EventKind:
    code: str
    label: Promise
    summary: Promise
    visible_to_client: bool = True

    @property
    def fields(self) -> set[str]:
        return {
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(str(self.summary))
            if name
        }

    def render(self, data: dict) -> str:
        return str(self.summary).format_map(data)


registry: Registry[EventKind] = Registry("timeline kind")


def register(code: str, label: Promise, summary: Promise, *, visible_to_client: bool = True):
    return registry.register(code, EventKind(code, label, summary, visible_to_client))


def get(code: str) -> EventKind:
    return registry.get(code)


def all_kinds() -> list[EventKind]:
    return sorted(registry.values(), key=lambda kind: kind.code)
