"""The word lists shipped as data (`data/`), loaded once and cached, and officialese matching.

Officialese is matched on lower-cased words, phrase-aware: a pattern is a sequence of word
alternatives and gaps (see `data/officialese.json`); the longest match at a position wins and
matches never overlap.
"""

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

GAP = None  # in a compiled pattern: up to MAX_GAP other words
MAX_GAP = 6


def _data(name: str):
    return resources.files("maatwerk.plain_language").joinpath("data", name)


@dataclass(frozen=True)
class Abbreviation:
    full: str
    ends_sentence: bool


def _load_abbreviations() -> dict[str, Abbreviation]:
    raw = json.loads(_data("abbreviations.json").read_text(encoding="utf-8"))
    return {
        key: Abbreviation(value["full"], bool(value.get("ends")))
        for key, value in raw.items()
        if not key.startswith("_")
    }


ABBREVIATIONS = _load_abbreviations()


@cache
def plainer_words() -> dict[str, str]:
    raw = json.loads(_data("plainer_words.json").read_text(encoding="utf-8"))
    words = dict(raw["words"])
    for word, plain in list(words.items()):
        for form in inflections(word):
            words.setdefault(form, plain)
    return words


def inflections(word: str) -> set[str]:
    """Likely inflected forms of a noun, adjective or verb: -e, -en, -s, -t, -de, -te, with Dutch
    spelling for a long vowel (adequaat → adequate) and -ieel → -iële (essentieel → essentiële)."""
    stems = {word}
    if word.endswith("ieel"):
        stems.add(word[:-4] + "iël")
    elif len(word) > 3 and word[-3] == word[-2] and word[-2] in "aeou" and word[-1] not in _VOWELS:
        stems.add(word[:-2] + word[-1])
    forms = {word + ending for ending in ("s", "t", "de", "te")}
    forms |= {stem + ending for stem in stems for ending in ("e", "en")}
    return forms


@cache
def known_words() -> frozenset[str]:
    lines = _data("known_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


@cache
def passive_words() -> dict[str, frozenset[str]]:
    raw = json.loads(_data("passive.json").read_text(encoding="utf-8"))
    return {key: frozenset(value) for key, value in raw.items() if not key.startswith("_")}


# --- officialese -------------------------------------------------------------------------------

_NO_GE = ("be", "ge", "her", "ver", "ont", "er")
_VOWELS = "aeiouëï"


def verb_forms(infinitive: str) -> set[str]:
    """Weak conjugation of a Dutch verb, generously: a form that does not exist never matches."""
    forms = {infinitive, infinitive + "d", infinitive + "de"}
    if not infinitive.endswith("en"):
        return forms
    stem = infinitive[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        stem = stem[:-1]  # verstrekk → verstrek
    stems = {stem}
    if (
        len(stem) > 2
        and stem[-1] not in _VOWELS
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
    ):
        stems.add(stem[:-1] + stem[-2] + stem[-1])  # maken → maak
    stems |= {s[:-1] + {"v": "f", "z": "s"}[s[-1]] for s in list(stems) if s[-1] in "vz"}
    for s in stems:
        forms |= {s, s + "t", s + "te", s + "ten", s + "de", s + "den", s + "d"}
        prefix = "" if s.startswith(_NO_GE) else "ge"
        forms |= {prefix + s + "t", prefix + s + "d"}
    return forms


def _inflect(word: str, how: str | None) -> set[str]:
    if how == "verb":
        return verb_forms(word)
    if how == "noun":
        return {word, word + "en", word + "s"}
    if how == "adj":
        return {word} | {form for form in inflections(word) if form.endswith("e")}
    return {word}


@dataclass(frozen=True)
class Officialese:
    phrase: str
    plain: str
    pattern: tuple  # of frozenset[str] | GAP


def _compile_pattern(text: str) -> tuple:
    return tuple(
        GAP if part == "*" else frozenset(part.split("|")) for part in text.lower().split()
    )


@cache
def officialese_index() -> dict[str, list[Officialese]]:
    """Patterns by the words they can start with, longest first."""
    raw = json.loads(_data("officialese.json").read_text(encoding="utf-8"))
    index: dict[str, list[Officialese]] = {}

    def add(entry: dict, pattern: tuple) -> None:
        item = Officialese(entry["phrase"], entry["plain"], pattern)
        for first in pattern[0]:
            index.setdefault(first, []).append(item)

    for entry in raw["entries"]:
        words = entry["phrase"].lower().split()
        last_forms = _inflect(words[-1], entry.get("inflect")) | set(entry.get("forms", []))
        single_forms = {form for form in last_forms if " " not in form}
        add(entry, (*(frozenset([w]) for w in words[:-1]), frozenset(single_forms)))
        for form in last_forms - single_forms:
            add(entry, _compile_pattern(form))
        if entry.get("inflect") == "verb" and len(words) > 1:
            head = tuple(frozenset([w]) for w in words[:-1])
            add(entry, (*head, frozenset(["te"]), frozenset([words[-1]])))
            add(entry, (frozenset(single_forms), GAP, *head))
        for text in entry.get("patterns", []):
            add(entry, _compile_pattern(text))
    for items in index.values():
        items.sort(key=lambda item: -len(item.pattern))
    return index


def _match(pattern: tuple, words: list[str], at: int) -> list[int] | None:
    """The indices of the words the pattern matched from `at` (gaps excluded), or None."""
    if not pattern:
        return []
    part, rest = pattern[0], pattern[1:]
    if part is GAP:
        for skip in range(MAX_GAP + 1):
            matched = _match(rest, words, at + skip)
            if matched is not None:
                return matched
        return None
    if at < len(words) and words[at] in part:
        matched = _match(rest, words, at + 1)
        return None if matched is None else [at, *matched]
    return None


def find_officialese(words: list[str]) -> list[tuple[list[int], Officialese]]:
    """(matched word indices, entry) for the officialese in one sentence's lower-cased words.

    At each position the longest match wins. A contiguous match is skipped over; after a match
    with a gap ("dient u dit te") scanning goes on inside the gap, so "onverwijld" in
    "dient u dit onverwijld te melden" is found as well. No word is reported twice.
    """
    index = officialese_index()
    found = []
    used: set[int] = set()
    at = 0
    while at < len(words):
        best = None
        for item in index.get(words[at], ()):
            matched = _match(item.pattern, words, at)
            fits = matched is not None and not used.intersection(matched)
            if fits and (best is None or matched[-1] > best[0][-1]):
                best = (matched, item)
        if best:
            found.append(best)
            used.update(best[0])
            contiguous = best[0][-1] - best[0][0] + 1 == len(best[0])
            at = best[0][-1] + 1 if contiguous else at + 1
        else:
            at += 1
    return found
