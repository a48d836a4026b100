"""One way to write a date on every screen, letter and timeline: "15 december 2026".

Templates use the ``long_date`` and ``long_datetime`` filters (built in, see
``core/templatetags/dates.py``); code that builds text uses these functions. Both follow the active
language's month names ("15 december 2026", "15 December 2026"). A date kept as data (on the
timeline, say) is stored as ISO text and only written out when it is shown, so a client who reads
in English sees an English date (docs/adr/0037-two-voices-on-the-timeline.md).
"""

import datetime as dt
import re

from django.utils import formats, timezone

# Day, month in words, year, in every language: "15 december 2026", "15 December 2026".
LONG_DATE = "j F Y"
# Dates that timeline events stored before ISO: "15-12-2026".
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def as_date(value) -> dt.date | None:
    """A date from a date, a datetime (in local time) or text (ISO, or the older dd-mm-yyyy)."""
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = _DAY_MONTH_YEAR.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def long_date(value) -> str:
    """ "15 december 2026"; text that is not a date comes back as it was."""
    day = as_date(value)
    if day is None:
        return "" if value is None else str(value)
    return formats.date_format(day, LONG_DATE)


def long_datetime(value: dt.datetime | None) -> str:
    """ "15 december 2026, 10:00" in local time."""
    if value is None:
        return ""
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{formats.date_format(moment, LONG_DATE)}, {formats.time_format(moment, 'H:i')}"
