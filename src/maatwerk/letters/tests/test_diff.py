"""The version comparison stays quick whatever an editor pastes, and still shows small changes
line by line."""

import time

from maatwerk.letters.diff import lines


def _kinds(old, new):
    return [(row.kind, row.text) for row in lines(old, new)]


def test_a_small_change_is_shown_line_by_line():
    old = "Beste Jan,\nU krijgt geld.\nGroet,\nAnna"
    new = "Beste Jan,\nU krijgt meer geld.\nGroet,\nAnna"
    assert _kinds(old, new) == [
        ("same", "Beste Jan,"),
        ("removed", "U krijgt geld."),
        ("added", "U krijgt meer geld."),
        ("same", "Groet,"),
        ("same", "Anna"),
    ]


def test_repetitive_bodies_of_the_maximum_length_compare_quickly():
    old = "\n".join(f"a{n % 7}" for n in range(6600))  # about 20,000 characters, 6,600 lines
    new = "\n".join(f"a{n % 5}" for n in range(6600))
    started = time.perf_counter()
    rows = lines(old, new)
    assert time.perf_counter() - started < 1
    assert [row.text for row in rows if row.kind != "added"] == old.splitlines()
    assert [row.text for row in rows if row.kind != "removed"] == new.splitlines()


def test_common_start_and_end_stay_the_same_around_a_large_change():
    old = "Kop\n" + "\n".join(f"x{n % 3}" for n in range(2000)) + "\nSlot"
    new = "Kop\n" + "\n".join(f"y{n % 4}" for n in range(2000)) + "\nSlot"
    rows = lines(old, new)
    assert (rows[0].kind, rows[0].text) == ("same", "Kop")
    assert (rows[-1].kind, rows[-1].text) == ("same", "Slot")
