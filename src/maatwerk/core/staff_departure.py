"""What happens when a staff member leaves service or leaves an office.

``organisation`` owns staff, but the work a staff member leaves behind (contact-person
assignments, follow-ups, threads) belongs to apps above it. ``organisation.actions`` calls
``run(departure)`` inside its own transaction; each app that holds such work registers a hook
here from its ``AppConfig.ready()``::

    staff_departure.registry.register("clients", end_contact_person_assignments)

A hook writes through its own app's actions and raises to undo the whole departure.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .registry import Registry


@dataclass(frozen=True)
class Departure:
    staff: Any  # organisation.StaffMember
    offices: tuple  # the offices left behind: all of them when the staff member leaves service
    by_user: Any  # who recorded it (an admin or manager), or None for the system
    out_of_service: bool


Hook = Callable[[Departure], None]

registry: Registry[Hook] = Registry("staff departure hook")


def run(departure: Departure) -> None:
    for hook in registry.values():
        hook(departure)
