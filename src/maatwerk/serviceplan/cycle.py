"""The conversation cycle: when the personal conversations of a plan are due.

Pure date arithmetic over a rule (``CycleRule``: data per Werkverkenner band), so the edge cases
(no end date, an end in the past, a very short benefit) are easy to test.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from maatwerk.core import working_days


@dataclass(frozen=True)
class Rule:
    first_within_days: int = 21
    follow_ups: int = 2
    min_gap_days: int = 21
    end_margin_days: int = 14


def working_day(day: date, country: str = "NL") -> date:
    """The day itself, or the first working day after it: weekends and the country's public
    holidays skipped (``maatwerk.core.working_days``)."""
    return working_days.next_working_day(day, country)


def plan_cycle(
    *,
    start: date,
    end: date | None,
    today: date,
    rule: Rule,
    held: list[date] | tuple = (),
    country: str = "NL",
) -> list[date]:
    """Due dates of the conversations still to hold, from today on.

    Without earlier conversations the first is due ``first_within_days`` after the benefit start
    (today when that has passed). Follow-ups are spread evenly up to ``end_margin_days`` before
    the expected end, at least ``min_gap_days`` apart, as many as fit, each on a working day
    (no weekend or public holiday of ``country``). No end date, or an end
    that has passed: no follow-ups (only the first, if it was not held yet).
    """
    dates: list[date] = []
    if held:
        anchor = max(held)
        follow_ups = max(rule.follow_ups - (len(held) - 1), 0)
    else:
        anchor = max(start + timedelta(days=rule.first_within_days), today)
        dates.append(working_day(anchor, country))
        follow_ups = rule.follow_ups
    if end is None or follow_ups == 0:
        return dates
    last = end - timedelta(days=rule.end_margin_days)
    gap = timedelta(days=rule.min_gap_days)
    earliest = max(anchor + gap, today)
    if last < earliest:
        return dates
    span_days = (last - anchor).days
    fits = 1 + (last - earliest).days // rule.min_gap_days
    count = min(follow_ups, fits)
    step = span_days / count
    previous = dates[-1] if dates else anchor
    for number in range(1, count + 1):
        due = anchor + timedelta(days=round(step * number))
        due = working_day(max(due, previous + gap, today), country)
        if due > end:
            break
        dates.append(due)
        previous = due
    return dates
