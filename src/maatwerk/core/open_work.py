"""What is still open for a client, counted by the capabilities that own it.

The office manager's list of clients without a contact person shows, per client, their open
messages, follow-ups, appointments and plan items. ``clients`` owns that page but must not import
the capabilities, so each capability registers a source here from its ``AppConfig.ready()``::

    open_work.registry.register("messaging", open_work_for_client)

A source takes a client and returns ``OpenWork`` items; items with a count of 0 are left out.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .registry import Registry


@dataclass(frozen=True)
class OpenWork:
    label: str
    count: int
    url: str = ""


Source = Callable[[Any], list[OpenWork]]

registry: Registry[Source] = Registry("open-work source")


def open_work_for(client) -> list[OpenWork]:
    """Every registered source's open items for ``client``, in registration order."""
    return [item for source in registry.values() for item in source(client) if item.count]
