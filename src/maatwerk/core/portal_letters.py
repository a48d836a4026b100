"""Letters a client finds in "Mijn brieven" besides those from the letter book, from any app.

A source is called as ``source(client)`` and returns ``PortalLetter``s; the letters app lists
them together with its own. The interface lives in core so neither app imports the other.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .registry import Registry, dotted_name


@dataclass(frozen=True)
class PortalLetter:
    subject: str
    sent_at: datetime
    url: str
    sender_name: str


Source = Callable[[Any], Iterable[PortalLetter]]

registry: Registry[Source] = Registry("portal letter source")


def register_source(source: Source) -> Source:
    return registry.register(dotted_name(source), source)


def letters_for(client) -> list[PortalLetter]:
    return [letter for source in registry.values() for letter in source(client)]
