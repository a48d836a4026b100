"""Hard words: rare (wordfreq), long (syllables or letters), abbreviations, listed hard words."""

from functools import lru_cache

from wordfreq import zipf_frequency

from .lexicon import ABBREVIATIONS, known_words, plainer_words

_LINKS = ("s", "e", "en")  # Dutch linking sounds in compounds: werkgever-s-verklaring


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    return zipf_frequency(word, "nl")


@lru_cache(maxsize=20_000)
def common_compound(word: str, threshold: float, depth: int = 0) -> bool:
    """Whether a compound splits into common words (sollicitatie|brief, werkgever-s|verklaring).

    At most 3 parts. A part of 3 letters must be very common (bij|baan), so that rare words do
    not fall apart into scraps that happen to be listed (quasi|peri|odi|sch).
    """
    if depth > 1:
        return False
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        left_ok = _part(left, threshold) or any(
            left.endswith(link) and _part(left[: -len(link)], threshold) for link in _LINKS
        )
        if left_ok and (_part(right, threshold) or common_compound(right, threshold, depth + 1)):
            return True
    return False


def _part(part: str, threshold: float) -> bool:
    if len(part) < 3:
        return False
    return zipf(part) >= (max(threshold, 4.0) if len(part) == 3 else threshold)


def hard_word(
    text: str, syllables: int, *, first_in_sentence: bool, rules
) -> tuple[str, str | None] | None:
    """(reason code, suggestion) when a word is hard, else None.

    Reason codes: "listed" (a known hard word with a plainer one), "long", "rare".
    Names (a capital not at the start of a sentence), acronyms and known words are never rare.
    """
    lower = text.lower()
    listed = plainer_words().get(lower)
    if listed:
        return "listed", listed
    letters = sum(char.isalpha() for char in text)
    if syllables >= rules.long_word_syllables or letters >= rules.long_word_letters:
        return "long", None
    if text.isupper() or (text[0].isupper() and not first_in_sentence):
        return None
    if letters <= 3 or lower in known_words() or lower in rules.known_words:
        return None
    if all(_common(part, rules) for part in lower.replace("’", "'").split("-")):
        return None
    return "rare", None


def _common(part: str, rules) -> bool:
    return (
        len(part) <= 3
        or part in known_words()
        or part in rules.known_words
        or any(zipf(form) >= rules.rare_zipf for form in _related_forms(part))
        or common_compound(part, rules.rare_zipf)
    )


_ENDINGS = ("den", "ten", "en", "de", "te", "t", "e", "s")


def _related_forms(word: str) -> list[str]:
    """The word and forms of it that may be more frequent (annuleer → annuleren, aanvragen →
    aanvraag): an inflected form of a common word is not a rare word."""
    stems = [word]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stems.append(word[: -len(ending)])
    forms = []
    for stem in stems:
        forms += [stem, stem + "en", stem + "n"]
        if stem[-3] == stem[-2] and stem[-2] in "aeou" and stem[-1] not in "aeiou":
            forms.append(stem[:-2] + stem[-1] + "en")  # annuleer → annuleren, maak → maken
    return forms


def abbreviation_suggestion(text: str) -> str | None:
    known = ABBREVIATIONS.get(text.lower())
    return known.full if known else None
