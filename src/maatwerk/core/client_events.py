"""What other apps do when something happens to a client in the foundation: the foundation
(``clients``) calls these hooks and imports no capability.

    from maatwerk.core import client_events

    client_events.on_registered(welcome)  # in AppConfig.ready()

A hook is called as ``hook(client, by_user)`` inside the registration's transaction: when it
raises, the registration is not saved (nothing half-written).
"""

from collections.abc import Callable
from typing import Any

from .registry import Registry, dotted_name

Hook = Callable[[Any, Any], None]

registered: Registry[Hook] = Registry("client-registered hook")


def on_registered(hook: Hook) -> Hook:
    return registered.register(dotted_name(hook), hook)


def client_registered(client, by_user) -> None:
    for hook in registered.values():
        hook(client, by_user)
