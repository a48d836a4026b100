"""The conversation cycle: first early, follow-ups spread to the expected end, edge cases."""

from datetime import date, timedelta

from maatwerk.serviceplan.cycle import Rule, plan_cycle, working_day

RULE = Rule(first_within_days=14, follow_ups=3, min_gap_days=21, end_margin_days=14)


def test_first_early_and_follow_ups_spread_to_the_end():
    start, end = date(2026, 9, 1), date(2027, 3, 1)
    dates = plan_cycle(start=start, end=end, today=start, rule=RULE)
    assert dates[0] == date(2026, 9, 15)
    assert len(dates) == 4
    assert dates == sorted(dates)
    assert all(b - a >= timedelta(days=21) for a, b in zip(dates, dates[1:], strict=False))
    assert end - timedelta(days=14 + 2) <= dates[-1] <= end - timedelta(days=14)
    assert all(day.weekday() < 5 for day in dates)


def test_more_follow_ups_with_a_rule_for_more_help():
    start, end = date(2026, 9, 1), date(2027, 3, 1)
    more = plan_cycle(start=start, end=end, today=start, rule=Rule(14, 5, 21, 14))
    fewer = plan_cycle(start=start, end=end, today=start, rule=Rule(28, 1, 28, 14))
    assert len(more) == 6 and len(fewer) == 2


def test_no_end_date_plans_only_the_first():
    start = date(2026, 9, 1)
    assert plan_cycle(start=start, end=None, today=start, rule=RULE) == [date(2026, 9, 15)]


def test_end_in_the_past_plans_one_conversation_now():
    today = date(2026, 11, 23)
    dates = plan_cycle(start=date(2025, 1, 6), end=date(2025, 8, 1), today=today, rule=RULE)
    assert dates == [today]


def test_late_plan_puts_the_first_conversation_today_not_in_the_past():
    today = date(2026, 11, 23)  # a Monday
    dates = plan_cycle(start=date(2026, 9, 1), end=date(2027, 6, 1), today=today, rule=RULE)
    assert dates[0] == today
    assert all(day >= today for day in dates)


def test_very_short_benefit_has_no_room_for_follow_ups():
    start = date(2026, 9, 1)
    dates = plan_cycle(start=start, end=start + timedelta(days=30), today=start, rule=RULE)
    assert dates == [date(2026, 9, 15)]


def test_fewer_follow_ups_when_they_do_not_fit_apart():
    start = date(2026, 9, 1)
    dates = plan_cycle(start=start, end=date(2026, 12, 1), today=start, rule=Rule(14, 10, 21, 14))
    assert 1 < len(dates) < 11
    assert all(b - a >= timedelta(days=21) for a, b in zip(dates, dates[1:], strict=False))


def test_after_held_conversations_only_remaining_follow_ups():
    start, end = date(2026, 9, 1), date(2027, 3, 1)
    held = [date(2026, 9, 15), date(2026, 10, 20)]
    dates = plan_cycle(start=start, end=end, today=date(2026, 10, 21), rule=RULE, held=held)
    assert len(dates) == 2  # 3 follow-ups, one already held
    assert dates[0] >= date(2026, 10, 20) + timedelta(days=21)


def test_weekend_moves_to_monday():
    assert working_day(date(2026, 11, 21)) == date(2026, 11, 23)
    assert working_day(date(2026, 11, 23)) == date(2026, 11, 23)
