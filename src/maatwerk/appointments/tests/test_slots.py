"""Slot generation in plain Python: opening hours, availability, absences, existing
appointments, the lead time, preferred staff and the change to winter time."""

import datetime as dt
from zoneinfo import ZoneInfo

from maatwerk.appointments.slots import Agenda, Block, free_slots, quarters, within_opening_hours

AMS = ZoneInfo("Europe/Amsterdam")
UTC = dt.UTC
MON = dt.date(2026, 11, 30)
LONG_AGO = dt.datetime(2000, 1, 1, tzinfo=UTC)
HOUR = dt.timedelta(hours=1)
HALF = dt.timedelta(minutes=30)


def office_hours(opens=dt.time(8, 30), closes=dt.time(17), days=range(5)):
    return [Block(d, opens, closes) for d in days]


def local(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=AMS)


def starts(slots):
    return [s.starts_at.astimezone(AMS).strftime("%a %H:%M") for s in slots]


def run(agenda, first=MON, last=MON, duration=HALF, not_before=LONG_AGO, prefer=()):
    return free_slots(
        agenda,
        first_day=first,
        last_day=last,
        duration=duration,
        zone=AMS,
        not_before=not_before,
        prefer=prefer,
    )


def test_slots_are_where_opening_hours_and_availability_meet():
    agenda = Agenda(
        opening=office_hours(dt.time(9), dt.time(12)),
        availability={1: [Block(0, dt.time(10), dt.time(13))]},
    )
    assert starts(run(agenda)) == ["Mon 10:00", "Mon 10:15", "Mon 10:30", "Mon 10:45", "Mon 11:00",
                                   "Mon 11:15", "Mon 11:30"]  # fmt: skip


def test_a_slot_must_fit_whole_before_closing():
    agenda = Agenda(office_hours(dt.time(9), dt.time(10)), {1: [Block(0, dt.time(9), dt.time(17))]})
    assert starts(run(agenda, duration=dt.timedelta(minutes=45))) == ["Mon 09:00", "Mon 09:15"]


def test_no_slots_on_closed_days_or_without_availability():
    agenda = Agenda(office_hours(days=range(5)), {1: [Block(5, dt.time(9), dt.time(17))]})
    saturday = MON + dt.timedelta(days=5)
    assert run(agenda, MON, saturday) == []  # available on Saturday, but the office is closed
    assert run(Agenda(office_hours(), {}), MON, saturday) == []


def test_absences_and_appointments_take_time_away():
    busy = [(local(MON, 10), local(MON, 11)), (local(MON, 11, 30), local(MON, 11, 45))]
    agenda = Agenda(office_hours(), {1: [Block(0, dt.time(10), dt.time(12))]}, busy={1: busy})
    assert starts(run(agenda)) == ["Mon 11:00"]
    # 11:00–11:30 fits; 11:15 would overlap 11:30; 11:45–12:15 runs past the availability.


def test_availability_off_the_quarter_starts_on_the_next_quarter():
    agenda = Agenda(office_hours(), {1: [Block(0, dt.time(9, 10), dt.time(10))]})
    assert starts(run(agenda)) == ["Mon 09:15", "Mon 09:30"]


def test_nothing_before_not_before():
    agenda = Agenda(office_hours(), {1: [Block(0, dt.time(9), dt.time(11))]})
    assert starts(run(agenda, not_before=local(MON, 10)))[0] == "Mon 10:00"


def test_one_slot_per_time_with_the_preferred_staff_member_first():
    blocks = [Block(0, dt.time(9), dt.time(10))]
    agenda = Agenda(office_hours(), {1: blocks, 2: blocks, 3: blocks})
    slots = run(agenda, prefer=[3])
    assert len(slots) == 3  # 09:00, 09:15, 09:30
    assert all(s.staff_ids == (3, 1, 2) for s in slots)


def test_validity_period_of_availability():
    block = Block(0, dt.time(9), dt.time(10), valid_from=MON + dt.timedelta(days=7))
    agenda = Agenda(office_hours(), {1: [block]})
    assert run(agenda) == []
    assert len(run(agenda, MON + dt.timedelta(days=7), MON + dt.timedelta(days=7))) == 3


def test_winter_time_keeps_the_wall_clock_and_the_length():
    """Summer time ends on Sunday 25 October 2026: Friday 09:00 is 07:00 UTC, Monday 09:00 is
    08:00 UTC; both are 09:00 on the clock and 45 real minutes long."""
    friday, monday = dt.date(2026, 10, 23), dt.date(2026, 10, 26)
    agenda = Agenda(office_hours(), {1: [Block(d, dt.time(9), dt.time(10)) for d in range(5)]})
    slots = run(agenda, friday, monday, duration=dt.timedelta(minutes=45))
    assert starts(slots) == ["Fri 09:00", "Fri 09:15", "Mon 09:00", "Mon 09:15"]
    assert slots[0].starts_at.astimezone(UTC).hour == 7
    assert slots[2].starts_at.astimezone(UTC).hour == 8
    assert all(s.ends_at - s.starts_at == dt.timedelta(minutes=45) for s in slots)


def test_a_night_across_the_clock_change_counts_real_time():
    """An (unusual) Sunday night opening 01:00–04:00 is four real hours on 25 October."""
    sunday = dt.date(2026, 10, 25)
    agenda = Agenda([Block(6, dt.time(1), dt.time(4))], {1: [Block(6, dt.time(0), dt.time(5))]})
    slots = run(agenda, sunday, sunday, duration=HOUR)
    assert slots[0].starts_at == local(sunday, 1)
    assert slots[-1].ends_at == local(sunday, 4)
    assert len(slots) == 13  # four real hours minus one, in quarters
    assert len({s.starts_at for s in slots}) == len(slots)


def test_opening_hours_check_and_quarters():
    opening = office_hours()
    assert within_opening_hours(opening, local(MON, 9), local(MON, 9, 45), AMS)
    assert not within_opening_hours(opening, local(MON, 16, 45), local(MON, 17, 15), AMS)
    assert not within_opening_hours(opening, local(MON, 7), local(MON, 7, 30), AMS)
    assert len(quarters(local(MON, 9), local(MON, 9, 45))) == 3
