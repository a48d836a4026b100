"""Free slots, computed in plain Python from what the database gave: opening hours, weekly
availability, absences and existing appointments. No queries here, so it is easy to test.

Opening hours and availability are wall-clock times (Europe/Amsterdam); each day they become
UTC datetimes, and all arithmetic after that is in real time. So the change to and from summer
time moves nothing: a Monday 09:00 slot is 09:00 on the clock in summer and in winter, and a
slot is always as long as its duration.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .models import QUARTER_MINUTES

STEP = timedelta(minutes=QUARTER_MINUTES)


@dataclass(frozen=True)
class Block:
    """A weekly recurring time on one weekday, optionally only within a period."""

    weekday: int
    starts: time
    ends: time
    valid_from: date | None = None
    valid_until: date | None = None

    def applies(self, day: date) -> bool:
        return (
            day.weekday() == self.weekday
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_until is None or day <= self.valid_until)
        )


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    staff_ids: tuple[int, ...]  # who is free then, best candidate first


@dataclass
class Agenda:
    """Everything slot generation needs for one office."""

    opening: list[Block]
    availability: dict[int, list[Block]]  # staff id → blocks at this office
    busy: dict[int, list[tuple[datetime, datetime]]] = field(default_factory=dict)


def aware(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A wall-clock time on a day, as UTC: all arithmetic below is in real time."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def _inside(blocks: Iterable[Block], day, start: datetime, end: datetime, zone) -> bool:
    return any(
        aware(day, b.starts, zone) <= start and end <= aware(day, b.ends, zone)
        for b in blocks
        if b.applies(day)
    )


def within_opening_hours(opening: list[Block], start: datetime, end: datetime, zone) -> bool:
    local = start.astimezone(zone)
    return _inside(opening, local.date(), start, end, zone)


def free_slots(
    agenda: Agenda,
    *,
    first_day: date,
    last_day: date,
    duration: timedelta,
    zone: ZoneInfo,
    not_before: datetime,
    prefer: Iterable[int] = (),
) -> list[Slot]:
    """Every start time in [first_day, last_day] at which at least one staff member is free for
    ``duration`` inside both the opening hours and their availability, starting after
    ``not_before``. Staff ids named in ``prefer`` (the client's contact person) come first.

    Per day and staff member: the availability blocks cut to the opening hours, minus what is
    busy, give free intervals; every quarter hour in them where the whole slot fits is a start.
    Linear in staff × blocks + slots, so an office with dozens of staff stays fast."""
    preferred = list(prefer)
    by_start: dict[datetime, set[int]] = defaultdict(set)
    day = first_day
    while day <= last_day:
        openings = [
            (aware(day, b.starts, zone), aware(day, b.ends, zone))
            for b in agenda.opening
            if b.applies(day)
        ]
        if openings:
            day_start = aware(day, time(0), zone)
            day_end = aware(day + timedelta(days=1), time(0), zone)
            for staff_id, blocks in agenda.availability.items():
                windows = [
                    (aware(day, b.starts, zone), aware(day, b.ends, zone))
                    for b in blocks
                    if b.applies(day)
                ]
                if not windows:
                    continue
                busy = sorted(
                    (s, e)
                    for s, e in agenda.busy.get(staff_id, ())
                    if s < day_end and e > day_start
                )
                for window_start, window_end in windows:
                    for open_start, open_end in openings:
                        low, high = max(window_start, open_start), min(window_end, open_end)
                        for free_start, free_end in _minus(low, high, busy):
                            at = max(_ceil_quarter(free_start), _ceil_quarter(not_before))
                            while at + duration <= free_end:
                                by_start[at].add(staff_id)
                                at += STEP
        day += timedelta(days=1)
    return [
        Slot(start, start + duration, tuple(sorted(ids, key=lambda s: (s not in preferred, s))))
        for start, ids in sorted(by_start.items())
    ]


def _minus(low: datetime, high: datetime, busy) -> list[tuple[datetime, datetime]]:
    """[low, high) without the (sorted) busy intervals."""
    free, at = [], low
    for start, end in busy:
        if end <= at or start >= high:
            continue
        if start > at:
            free.append((at, start))
        at = max(at, end)
    if at < high:
        free.append((at, high))
    return free


def _ceil_quarter(moment: datetime) -> datetime:
    """The first quarter hour at or after ``moment`` (every zone's offset is whole quarters)."""
    seconds = moment.timestamp()
    quarter = QUARTER_MINUTES * 60
    rounded = -(-seconds // quarter) * quarter
    return datetime.fromtimestamp(rounded, tz=UTC)


def quarters(start: datetime, end: datetime) -> list[datetime]:
    """The quarter hours [start, end) covers, in real (UTC) time."""
    out, at = [], start
    while at < end:
        out.append(at)
        at = at + STEP
    return out
