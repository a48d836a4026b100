"""What goes on the adviser's call list ("whom to contact today"), from any app.

Each app that knows of a contact that is due registers a source in its ``AppConfig.ready()``::

    from maatwerk.core import call_list

    call_list.register_source(my_app.queries.calls_due)

A source is called as ``source(staff, day)`` and returns ``CallItem``s for that staff member on
that day. A source may also return calls for clients of the staff member's offices who have no
contact person (marked ``without_contact_person``): the list shows those to staff who see the
whole office (managers), so such a call is on the office's queue, not on nobody's list.

The list itself (every source merged, only the staff member's own clients, each call placed in
a window the client's preferences allow) is built by ``maatwerk.serviceplan.call_list``.
The interface lives in ``core`` so that a source needs no other capability: no app imports
another to be on the list.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from django.db.models import Model

from .registry import Registry, dotted_name


@dataclass(frozen=True)
class CallItem:
    client: Model  # a maatwerk.clients Client (core names no capability's models)
    reason: str  # Dutch, for the adviser: why this contact is due
    url: str  # where the adviser handles it
    source: str  # which app put it on the list, e.g. "messaging"
    not_before: time | None = None  # a time the source already knows (an appointment, say)
    # The client has no contact person now: the call is on the office's unassigned queue,
    # shown to the office's managers until the client is reassigned.
    without_contact_person: bool = False


# Called with a maatwerk.organisation StaffMember and a day.
Source = Callable[[Any, date], Iterable[CallItem]]

# Keyed by the source's dotted name, which is also how a failing source is reported.
registry: Registry[Source] = Registry("call-list source")


def register_source(source: Source) -> Source:
    return registry.register(dotted_name(source), source)


def unregister_source(source: Source) -> None:
    """For tests: take a source off again."""
    registry.unregister(dotted_name(source))


def sources() -> list[Source]:
    return registry.values()
