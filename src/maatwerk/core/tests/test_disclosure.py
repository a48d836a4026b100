"""Disclosure control: whatever the groups and counts, no shown figure, no difference between
shown figures and no difference between two moments describes 1 to k - 1 people."""

from collections import Counter
from itertools import chain, combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.core import disclosure

K = 5


def _small(n: int) -> bool:
    return 0 < n < K


@st.composite
def trees(draw):
    """A root with up to four groups, each with up to three subgroups, and people in leaves
    (and some in no subgroup at all)."""
    counts, children = Counter(), {"all": []}
    for g in range(draw(st.integers(0, 4))):
        group = f"g{g}"
        children["all"].append(group)
        children[group] = []
        for s in range(draw(st.integers(0, 3))):
            leaf = f"{group}.{s}"
            children[group].append(leaf)
            counts[leaf] = draw(st.integers(0, 15))
            counts[group] += counts[leaf]
        counts[group] += draw(st.integers(0, 3))  # people in no subgroup
        counts["all"] += counts[group]
    counts["all"] += draw(st.integers(0, 3))
    return counts, children


def _below(node, children):
    yield node
    for kid in children.get(node, ()):
        yield from _below(kid, children)


@settings(max_examples=300, deadline=None)
@given(trees())
def test_no_shown_figure_or_difference_is_a_small_group(tree):
    counts, children = tree
    shown = disclosure.visible("all", counts, children, K)
    for node in shown:
        assert counts[node] >= K
        kids = [kid for kid in children.get(node, ()) if kid in shown]
        # Any set of shown subgroups: the rest of the group is nobody or at least K.
        for chosen in chain.from_iterable(combinations(kids, r) for r in range(len(kids) + 1)):
            assert not _small(counts[node] - sum(counts[kid] for kid in chosen))
    # Any two shown figures, one inside the other: their difference is not a small group.
    for outer in shown:
        for inner in _below(outer, children):
            if inner in shown:
                assert not _small(counts[outer] - counts[inner])
    # A hidden group hides everything below it.
    for node in set(counts) - shown:
        assert not (set(_below(node, children)) - {node}) & shown


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2)), max_size=60))
def test_released_figures_move_in_steps_of_at_least_k(arrivals):
    """People arrive one by one in cells (office, question answered); each cell is released as
    ``tallies`` does. Any released figure, and any sum over cells, between any two moments."""
    running, released, history = Counter(), Counter(), []
    for cell in arrivals:
        running[cell] += 1
        released[cell] = disclosure.release(running[cell], released[cell], K)
        history.append(dict(released))
    for cell in {cell for cell, _q in arrivals}:
        for earlier, later in combinations(history, 2):
            gap = later.get(cell, 0) - earlier.get(cell, 0)
            assert gap >= 0 and not _small(gap)
            assert not _small(later.get(cell, 0))
    for earlier, later in combinations(history, 2):
        gap = sum(later.values()) - sum(earlier.values())
        assert not _small(gap)


@pytest.mark.parametrize(("count", "stepped"), [(0, 0), (4, 0), (5, 5), (9, 5), (12, 10)])
def test_counts_in_steps(count, stepped):
    assert disclosure.step(count, K) == stepped


def test_a_group_next_to_a_small_one_is_hidden_too():
    """The reported attack in numbers: an office of 12 and one of 1 in a region of 13."""
    counts = {"region": 13, "big": 12, "lonely": 1}
    assert disclosure.visible("region", counts, {"region": ["big", "lonely"]}, 10) == {"region"}
    total_shown, parts = disclosure.visible_parts(25, {"a": 12, "b": 13}, 10)
    assert total_shown and parts == {"a", "b"}


def test_subgroups_cannot_count_more_than_their_group():
    with pytest.raises(ValueError, match="count more people"):
        disclosure.visible("all", {"all": 3, "a": 5}, {"all": ["a"]}, 1)
