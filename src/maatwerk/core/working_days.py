"""Working days: weekends and a country's public holidays (the `holidays` package) skipped.

Each app that counts in working days says whose holidays count (its own setting), and uses
these functions, so every deadline in Maatwerk is counted the same way."""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, years=year).keys())


def is_working_day(day: date, country: str) -> bool:
    return day.weekday() < 5 and day not in _holidays(country, day.year)


def next_working_day(day: date, country: str) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, country):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int, country: str) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself does not count). With 0,
    the first working day on or after ``start``."""
    if days <= 0:
        return next_working_day(start, country)
    day = start
    while days > 0:
        day += timedelta(days=1)
        if is_working_day(day, country):
            days -= 1
    return day
