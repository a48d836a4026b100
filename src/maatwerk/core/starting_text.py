"""A reply to a client's message may start from an approved text (the letter book offers them).

Providers register from their own ``AppConfig.ready()``; each offers texts for a thread and the
staff member who answers::

    from maatwerk.core import starting_text

    def approved_texts(thread, staff) -> list[starting_text.StartingText]:
        return [starting_text.StartingText("brief-3", "Dank", "Beste ...")]

    starting_text.register(approved_texts)

The thread page lists every offered text as a link (``?begintekst=<key>``, no JavaScript needed);
the chosen one fills the reply box. The staff member can still edit it, and the reply is checked
and signed like any other. The interface lives in ``core`` so that a provider (letters) and the
reader (messaging) need not import each other.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .registry import Registry, dotted_name

PARAMETER = "begintekst"


@dataclass(frozen=True)
class StartingText:
    key: str
    title: str
    text: str


# Called with a maatwerk.messaging Thread and the StaffMember who answers.
Provider = Callable[[Any, Any], list[StartingText]]

registry: Registry[Provider] = Registry("starting-text provider")


def register(provider: Provider) -> Provider:
    return registry.register(dotted_name(provider), provider)


def unregister(provider: Provider) -> None:
    registry.unregister(dotted_name(provider))


def offered(thread, staff) -> list[StartingText]:
    return [option for provider in registry.values() for option in provider(thread, staff)]


def chosen(options: list[StartingText], key: str | None) -> str:
    """The text of the option with this key; empty for no key or an unknown one."""
    return next((option.text for option in options if key and option.key == key), "")
