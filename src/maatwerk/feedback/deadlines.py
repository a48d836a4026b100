"""Answer deadlines: a term per kind of input, counted in working days or in weeks.

The terms are a setting (``FEEDBACK_ANSWER_TERMS``, defaults in ``conf.py``): a complaint six
weeks, as the law requires (Awb 9:11), feedback and suggestions ten working days. Working days
skip weekends and the public holidays of ``FEEDBACK_HOLIDAY_COUNTRY`` (the ``holidays``
package). A term in weeks that ends on a weekend or holiday moves to the next working day, as
the Algemene termijnenwet does for legal terms.
"""

from datetime import date, timedelta

from maatwerk.core import working_days

from .conf import ANSWER_TERMS, app_settings


def terms() -> dict[str, tuple[str, int]]:
    return {**ANSWER_TERMS, **app_settings.FEEDBACK_ANSWER_TERMS}


def _country() -> str:
    return app_settings.FEEDBACK_HOLIDAY_COUNTRY


def is_working_day(day: date) -> bool:
    return working_days.is_working_day(day, _country())


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself does not count)."""
    return working_days.add_working_days(start, days, _country())


def next_working_day(day: date) -> date:
    return working_days.next_working_day(day, _country())


def answer_deadline(kind: str, received: date) -> date:
    unit, amount = terms()[kind]
    if unit == "working_days":
        return add_working_days(received, amount)
    if unit == "weeks":
        return next_working_day(received + timedelta(weeks=amount))
    if unit == "days":
        return next_working_day(received + timedelta(days=amount))
    raise ValueError(f"Unknown term unit {unit!r} for {kind!r}.")
