"""Disclosure control: figures about clients never reveal one person
(docs/adr/0028-disclosure-control.md).

Every page that shows counts or answers about a group of clients decides what it may show here:
survey results, the client panel's response figures, feedback overviews, and the insight and
council pages to come. The module is pure: it works on the counts and groups it is handed and
reads no model, so each app counts in its own queries and asks here what may be shown.

The rules, with ``k = min_group_size()``:

1. **Minimum group.** A figure about fewer than ``k`` people is not shown ("Te weinig
   reacties"); a group that is not shown hides its subgroups too.
2. **Complementary suppression.** Inside a shown group, the people in no shown subgroup (the
   hidden subgroups and those in no subgroup at all) must be none or at least ``k``; otherwise
   the smallest shown subgroups are hidden as well until they are. So no difference between a
   shown group and any of its shown subgroups, or any sum of them, describes 1 to ``k - 1``
   people.
3. **Steps over time.** A running figure is shown as of its last release, and released again
   only when at least ``k`` new people have come in since (``release``); a plain count can instead
   be rounded down to a multiple of ``k`` (``step``). Reading a figure before and after one known
   client takes part never shows that client's answers.
"""

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

from .conf import app_settings

K = TypeVar("K", bound=Hashable)


def min_group_size() -> int:
    """The smallest number of people a figure shown to staff or councils may describe."""
    return app_settings.VOICE_MIN_GROUP_SIZE


def _minimum(minimum: int | None) -> int:
    return min_group_size() if minimum is None else minimum


def shown(count: int, minimum: int | None = None) -> bool:
    return count >= _minimum(minimum)


def step(count: int, minimum: int | None = None) -> int:
    """A growing count, shown in steps of the minimum: 0, k, 2k, ... (rounded down)."""
    minimum = _minimum(minimum)
    return count - count % minimum


def release(running: int, released: int, minimum: int | None = None) -> int:
    """What a running count of people shows now, given what it showed last: the running count
    once at least the minimum has come in since the last release, else the last release."""
    return running if running - released >= _minimum(minimum) else released


def visible(
    root: K,
    counts: Mapping[K, int],
    children: Mapping[K, Iterable[K]],
    minimum: int | None = None,
) -> set[K]:
    """The groups of a tree that may be shown.

    ``counts`` gives the number of people per group; ``children`` the subgroups a page can show
    inside a group. Subgroups are disjoint and lie inside their group; people of a group in none
    of its subgroups (no office known, say) are part of the group but never shown alone.
    """
    minimum = _minimum(minimum)
    found: set[K] = set()
    todo = [root]
    while todo:
        group = todo.pop()
        size = counts.get(group, 0)
        if size < minimum:
            continue
        found.add(group)
        kids = list(children.get(group, ()))
        sizes = {kid: counts.get(kid, 0) for kid in kids}
        rest = size - sum(sizes.values())
        if rest < 0:
            raise ValueError(f"The subgroups of {group!r} count more people than it has.")
        hidden = rest + sum(n for n in sizes.values() if n < minimum)
        # Smallest first: hiding the fewest people closes the gap.
        candidates = sorted((kid for kid in kids if sizes[kid] >= minimum), key=sizes.get)
        while 0 < hidden < minimum and candidates:
            hidden += sizes[candidates.pop(0)]
        todo.extend(candidates)
    return found


def visible_parts(
    total: int, parts: Mapping[K, int], minimum: int | None = None
) -> tuple[bool, set[K]]:
    """One level: whether the total may be shown, and which of its parts."""
    root = object()
    found = visible(root, {root: total, **parts}, {root: list(parts)}, minimum)
    return root in found, found - {root}
