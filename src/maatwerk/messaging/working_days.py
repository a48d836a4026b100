"""Working days: weekends and the country's public holidays (the `holidays` package) skipped."""

from datetime import date, timedelta
from functools import lru_cache

import holidays

from .conf import setting


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, years=year).keys())


def is_working_day(day: date, country: str | None = None) -> bool:
    country = country or setting("MESSAGING_HOLIDAY_COUNTRY")
    return day.weekday() < 5 and day not in _holidays(country, day.year)


def add_working_days(start: date, days: int, country: str | None = None) -> date:
    """The date `days` working days after `start` (`start` itself does not count). With 0, the
    first working day on or after `start`."""
    day = start
    if days <= 0:
        while not is_working_day(day, country):
            day += timedelta(days=1)
        return day
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day, country):
            counted += 1
    return day


def reply_due(received: date) -> date:
    return add_working_days(received, setting("MESSAGING_RESPONSE_WORKING_DAYS"))
