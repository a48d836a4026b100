from datetime import date

from maatwerk.messaging.working_days import add_working_days, is_working_day


def test_weekend_is_skipped():
    friday = date(2026, 11, 20)
    assert add_working_days(friday, 1) == date(2026, 11, 23)
    assert add_working_days(friday, 2) == date(2026, 11, 24)


def test_dutch_public_holidays_are_skipped():
    # 2026: Christmas on Friday 25 and Boxing Day Saturday 26 December.
    assert not is_working_day(date(2026, 12, 25))
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)
    # King's Day 2027 is Tuesday 27 April.
    assert not is_working_day(date(2027, 4, 27))
    assert add_working_days(date(2027, 4, 26), 1) == date(2027, 4, 28)
    # Easter Monday 2027: 29 March.
    assert add_working_days(date(2027, 3, 26), 1) == date(2027, 3, 30)


def test_zero_days_is_the_next_working_day():
    assert add_working_days(date(2026, 11, 21), 0) == date(2026, 11, 23)
    assert add_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_received_on_a_holiday_counts_from_the_next_working_day():
    assert add_working_days(date(2026, 12, 25), 2) == date(2026, 12, 29)
