import datetime as dt

from maatwerk.feedback.deadlines import add_working_days, answer_deadline, is_working_day


def test_weekends_and_dutch_holidays_are_no_working_days():
    assert is_working_day(dt.date(2026, 11, 23))  # a Monday
    assert not is_working_day(dt.date(2026, 11, 21))  # Saturday
    assert not is_working_day(dt.date(2026, 4, 27))  # King's Day (Monday)
    assert not is_working_day(dt.date(2026, 12, 25))  # Christmas


def test_feedback_gets_ten_working_days():
    # Monday 23 November 2026: ten working days later is Monday 7 December.
    assert answer_deadline("feedback", dt.date(2026, 11, 23)) == dt.date(2026, 12, 7)
    assert answer_deadline("suggestion", dt.date(2026, 11, 23)) == dt.date(2026, 12, 7)


def test_working_days_skip_holidays():
    # Friday 17 April 2026 + 10 working days: King's Day (27 April) does not count.
    assert add_working_days(dt.date(2026, 4, 17), 10) == dt.date(2026, 5, 4)
    # Over Christmas: 24 Dec (Thu) + 1 working day skips 25, 26, 27 December.
    assert add_working_days(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 28)


def test_a_complaint_gets_six_weeks_moved_off_weekends_and_holidays():
    assert answer_deadline("complaint", dt.date(2026, 11, 23)) == dt.date(2027, 1, 4)
    # Six weeks after Saturday 14 November is Saturday 26 December (a holiday too): Monday 28th.
    assert answer_deadline("complaint", dt.date(2026, 11, 14)) == dt.date(2026, 12, 28)


def test_terms_are_a_setting(settings):
    settings.FEEDBACK_ANSWER_TERMS = {"feedback": ("working_days", 5)}
    assert answer_deadline("feedback", dt.date(2026, 11, 23)) == dt.date(2026, 11, 30)
    assert answer_deadline("complaint", dt.date(2026, 11, 23)) == dt.date(2027, 1, 4)


def test_a_wrong_term_is_a_system_check_error(settings):
    from maatwerk.core.conf import check_app_settings

    assert check_app_settings() == []
    settings.FEEDBACK_ANSWER_TERMS = {"complaint": ("maanden", 2)}
    assert [(e.id, e.obj) for e in check_app_settings()] == [
        ("feedback.E100", "FEEDBACK_ANSWER_TERMS")
    ]
    settings.FEEDBACK_ANSWER_TERMS = {"feedback": ("weeks", 0)}
    assert check_app_settings()
    # The Dutch codes stored before the English ones are no kinds any more: caught at start-up.
    settings.FEEDBACK_ANSWER_TERMS = {"klacht": ("weeks", 6)}
    [error] = check_app_settings()
    assert "feedback, suggestion, complaint" in error.msg and "'klacht'" in error.msg


def test_every_kind_has_a_default_term():
    from maatwerk.feedback.conf import ANSWER_TERMS
    from maatwerk.feedback.models import FeedbackItem

    assert set(ANSWER_TERMS) == set(FeedbackItem.Kind.values)
