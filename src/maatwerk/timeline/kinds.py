"""The registry of timeline event kinds. Each app registers its own kinds with a Dutch summary.

The summary is a ``str.format`` template over the event's ``data``; ``record_event`` checks that
every placeholder is present, so an event can never render half.
"""

import string
from dataclasses import dataclass

from django.utils.functional import Promise


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


_KINDS: dict[str, EventKind] = {}


def register(code: str, label: Promise, summary: Promise, *, visible_to_client: bool = True):
    if code in _KINDS:
        raise ValueError(f"Timeline kind {code!r} is registered twice.")
    kind = EventKind(code, label, summary, visible_to_client)
    _KINDS[code] = kind
    return kind


def get(code: str) -> EventKind:
    try:
        return _KINDS[code]
    except KeyError:
        raise LookupError(f"Unknown timeline kind {code!r}; register it first.") from None


def all_kinds() -> list[EventKind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.code)
