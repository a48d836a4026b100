"""Booked things that no longer suit a client's contact preferences, for the adviser.

The clients app shows them on the client file ("Afspraken die niet meer passen") without
knowing the apps that book them: an app registers a source, a callable ``(client) -> list of
Clash``, from its ``AppConfig.ready()`` (the appointments app registers its upcoming
appointments)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from maatwerk.core.registry import Registry, dotted_name


@dataclass(frozen=True)
class Clash:
    description: str  # "Gesprek op het werkplein, maandag 2 november 2026 om 09:00"
    reasons: tuple[str, ...]  # why it does not suit the client now (Dutch, for staff)
    url: str = ""  # where staff can move or cancel it


Source = Callable[[object], Iterable[Clash]]

registry: Registry[Source] = Registry("preference clash source")


def register_source(source: Source) -> Source:
    return registry.register(dotted_name(source), source)


def clashes_for(client) -> list[Clash]:
    return [clash for source in registry.values() for clash in source(client)]
