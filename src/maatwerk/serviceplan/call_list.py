"""The adviser's call list ("whom to contact today"): every registered source merged.

Apps put calls on the list through ``maatwerk.core.call_list`` (``register_source``); this module
builds the list of one staff member for one day. It places each call in a window the client's
preferences allow; no app needs to know the others. A client whose windows do not fit the day is
listed at the next possible moment, never hidden.
"""

import logging
from dataclasses import dataclass
from datetime import date, time, timedelta

from maatwerk.clients.models import Client, ContactWindow
from maatwerk.core.call_list import CallItem
from maatwerk.core.call_list import registry as registered_sources
from maatwerk.organisation.models import OpeningHours, StaffMember

logger = logging.getLogger(__name__)

# How far ahead the list looks for a moment the client allows.
SEARCH_DAYS = 14
WORKING_DAYS = range(0, 5)


@dataclass(frozen=True)
class Window:
    """A span in which a client may be called: a weekday (None: every working day) and times."""

    weekday: int | None
    starts: time
    ends: time

    def on(self, day: date) -> bool:
        if self.weekday is None:
            return day.weekday() in WORKING_DAYS
        return day.weekday() == self.weekday


@dataclass(frozen=True)
class PlacedCall:
    item: CallItem
    day: date
    at: time
    fits_today: bool

    @property
    def sort_key(self):
        return (self.day, self.at, self.item.client.full_name, self.item.source)


def first_moment(
    windows: list[Window], day: date, not_before: time | None = None
) -> tuple[date, time] | None:
    """The first moment on or after ``day`` (from ``not_before`` on that day) that a window
    allows, within SEARCH_DAYS; None when there is none."""
    for offset in range(SEARCH_DAYS + 1):
        candidate = day + timedelta(days=offset)
        earliest = not_before if offset == 0 and not_before is not None else time.min
        starts = [
            max(window.starts, earliest)
            for window in windows
            if window.on(candidate) and max(window.starts, earliest) < window.ends
        ]
        if starts:
            return candidate, min(starts)
    return None


def windows_of(clients: list[Client]) -> dict[int, list[Window]]:
    """Each client's contact windows; without any, the opening hours of the client's office."""
    by_client: dict[int, list[Window]] = {client.pk: [] for client in clients}
    rows = ContactWindow.objects.filter(preference__client__in=clients).values_list(
        "preference__client_id", "weekday", "starts", "ends"
    )
    for client_id, weekday, starts, ends in rows:
        by_client[client_id].append(Window(weekday, starts, ends))
    offices = {client.office_id for client in clients if not by_client[client.pk]}
    hours: dict[int, list[Window]] = {office: [] for office in offices}
    for office_id, weekday, opens, closes in OpeningHours.objects.filter(
        office__in=offices
    ).values_list("office_id", "weekday", "opens", "closes"):
        hours[office_id].append(Window(weekday, opens, closes))
    for client in clients:
        if not by_client[client.pk]:
            by_client[client.pk] = hours.get(client.office_id, [])
    return by_client


@dataclass
class CallList:
    staff: StaffMember
    day: date
    calls: list[PlacedCall]
    unplaced: list[CallItem]
    failed_sources: list[str]

    @property
    def today(self) -> list[PlacedCall]:
        return [call for call in self.calls if call.fits_today]

    @property
    def later(self) -> list[PlacedCall]:
        return [call for call in self.calls if not call.fits_today]


def build(staff: StaffMember, day: date, *, viewer=None) -> CallList:
    """The call list of one staff member for one day: every source merged, only the staff
    member's own clients (and, marked, calls a source puts on the office's unassigned queue for
    clients without a contact person), each call at the first moment the client allows, sorted
    by time.

    A ``viewer`` (a user) other than the staff member, such as their manager, sees only the
    clients of the offices the viewer works at."""
    from maatwerk.access.rules import visible_clients
    from maatwerk.clients.queries import without_contact_person

    from .queries import own_clients

    clients = own_clients(staff)
    unassigned = without_contact_person(staff.offices.all())
    if viewer is not None and viewer.pk != staff.user_id:
        visible = visible_clients(viewer, scope="office").values("pk")
        clients = clients.filter(pk__in=visible)
        unassigned = unassigned.filter(pk__in=visible)
    own = set(clients.values_list("pk", flat=True))
    # Calls of the office's unassigned queue: only for clients that really have no contact
    # person now (a reassigned client's calls follow the new one, on their own list).
    nobodys = set(unassigned.values_list("pk", flat=True))
    items: list[CallItem] = []
    failed: list[str] = []
    for name, source in registered_sources.items():
        try:
            found = list(source(staff, day))
        except Exception:  # one broken source must not take the whole day view down
            logger.exception("Call-list source %s failed", name)
            failed.append(name)
            continue
        items.extend(
            item
            for item in found
            if item.client.pk in own or (item.without_contact_person and item.client.pk in nobodys)
        )
    windows = windows_of(list({item.client.pk: item.client for item in items}.values()))
    calls, unplaced = [], []
    for item in items:
        moment = first_moment(windows.get(item.client.pk, []), day, item.not_before)
        if moment is None:
            unplaced.append(item)
        else:
            calls.append(PlacedCall(item, moment[0], moment[1], moment[0] == day))
    calls.sort(key=lambda call: call.sort_key)
    unplaced.sort(key=lambda item: (item.client.full_name, item.source))
    return CallList(staff, day, calls, unplaced, failed)
