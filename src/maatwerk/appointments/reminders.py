"""When a reminder goes out: the day before the appointment, at the start of a contact window
the client accepts on that day. Without windows at 10:00; when no window falls on the day before
(a Sunday, say), on the nearest earlier day that has one."""

from datetime import date, datetime, time, timedelta

from .builtin import zone
from .preferences import ClientWishes

DEFAULT_TIME = time(10, 0)
LOOK_BACK_DAYS = 7


def reminder_due_at(starts_at: datetime, wishes: ClientWishes) -> datetime:
    tz = zone()
    day_before: date = starts_at.astimezone(tz).date() - timedelta(days=1)
    if not wishes.windows:
        return datetime.combine(day_before, DEFAULT_TIME, tzinfo=tz)
    for back in range(LOOK_BACK_DAYS):
        day = day_before - timedelta(days=back)
        fitting = [w.starts for w in wishes.windows if w.applies(day.weekday())]
        if fitting:
            return datetime.combine(day, min(fitting), tzinfo=tz)
    return datetime.combine(day_before, DEFAULT_TIME, tzinfo=tz)
