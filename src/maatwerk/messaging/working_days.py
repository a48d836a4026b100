"""Messaging's working days: the project's rules (maatwerk.core.working_days) with the holidays
of ``MESSAGING_HOLIDAY_COUNTRY``."""

from datetime import date

from maatwerk.core import working_days

from .conf import app_settings


def is_working_day(day: date, country: str | None = None) -> bool:
    return working_days.is_working_day(day, country or app_settings.MESSAGING_HOLIDAY_COUNTRY)


def add_working_days(start: date, days: int, country: str | None = None) -> date:
    """The date `days` working days after `start` (`start` itself does not count). With 0, the
    first working day on or after `start`."""
    country = country or app_settings.MESSAGING_HOLIDAY_COUNTRY
    return working_days.add_working_days(start, days, country)


def reply_due(received: date) -> date:
    return add_working_days(received, app_settings.MESSAGING_RESPONSE_WORKING_DAYS)
