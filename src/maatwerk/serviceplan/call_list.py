"""Sources for the adviser's call list ("whom to contact today").

Each app that knows of a contact that is due registers a source in its ``AppConfig.ready()``::

    call_list.register_source(my_app.queries.calls_due)

A source is called as ``source(staff, day)`` and returns ``CallItem``s for that staff member on
that day. The call list merges them and places each call in a window the client's preferences
allow; no app needs to know the others.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, time

from maatwerk.clients.models import Client
from maatwerk.organisation.models import StaffMember


@dataclass(frozen=True)
class CallItem:
    client: Client
    reason: str  # Dutch, for the adviser: why this contact is due
    url: str  # where the adviser handles it
    source: str  # which app put it on the list, e.g. "messaging"
    not_before: time | None = None  # a time the source already knows (an appointment, say)


Source = Callable[[StaffMember, date], Iterable[CallItem]]

_SOURCES: list[Source] = []


def register_source(source: Source) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def sources() -> list[Source]:
    return list(_SOURCES)
