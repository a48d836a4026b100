"""A seam for the letter book: a staff reply may start from an approved text.

Providers register from their own ``AppConfig.ready()``; each offers texts for a thread and the
staff member who answers::

    starting_text.register(lambda thread, staff: [StartingText("brief-3", "Dank", "Beste ...")])

The thread page lists every offered text as a link (``?begintekst=<key>``, no JavaScript needed);
the chosen one fills the reply box. The staff member can still edit it, and the reply is checked
and signed like any other.
"""

from collections.abc import Callable
from dataclasses import dataclass

PARAMETER = "begintekst"


@dataclass(frozen=True)
class StartingText:
    key: str
    title: str
    text: str


Provider = Callable[..., list[StartingText]]

_PROVIDERS: list[Provider] = []


def register(provider: Provider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def unregister(provider: Provider) -> None:
    if provider in _PROVIDERS:
        _PROVIDERS.remove(provider)


def offered(thread, staff) -> list[StartingText]:
    return [option for provider in _PROVIDERS for option in provider(thread, staff)]


def chosen(options: list[StartingText], key: str | None) -> str:
    """The text of the option with this key; empty for no key or an unknown one."""
    return next((option.text for option in options if key and option.key == key), "")
