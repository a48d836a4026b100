"""The thresholds of the B1 verdict. Defaults here; override any of them in settings (conf.py):

    PLAIN_LANGUAGE = {"MAX_AVERAGE_SENTENCE_WORDS": 12, "KNOWN_WORDS": ["sollicitatiecode"]}

See docs/adr/0014-plain-language.md for why these values.
"""

from dataclasses import asdict, dataclass, field, fields, replace

from .conf import app_settings


@dataclass(frozen=True)
class Rules:
    # Scores (hints): only applied when the text has at least min_words_for_scores words.
    min_flesch_douma: float | None = 60.0
    min_brouwer: float | None = None
    min_words_for_scores: int = 60
    # Sentences.
    max_average_sentence_words: float = 15.0
    max_sentence_words: int = 25
    long_sentence_words: int = 20  # reported from here on; a verdict reason above max_...
    # Words.
    max_officialese: int = 0
    max_hard_word_share: float = 0.05
    rare_zipf: float = 2.5  # wordfreq Zipf frequency below this is rare (3 = once per million)
    long_word_syllables: int = 8
    long_word_letters: int = 21
    known_words: frozenset[str] = field(default_factory=frozenset)
    # Passive: a share of sentences; None = reported only.
    max_passive_share: float | None = 0.34

    def as_dict(self) -> dict:
        data = asdict(self)
        data["known_words"] = sorted(self.known_words)
        return data


def rule_names() -> set[str]:
    return {f.name for f in fields(Rules)}


def from_settings(**overrides) -> Rules:
    """Rules from settings.PLAIN_LANGUAGE (upper- or lower-case keys), then `overrides`."""
    given = {**app_settings.PLAIN_LANGUAGE, **overrides}
    names = rule_names()
    unknown = sorted(key for key in given if key.lower() not in names)
    if unknown:
        raise ValueError(f"Unknown PLAIN_LANGUAGE setting(s): {', '.join(unknown)}")
    configured = {key.lower(): value for key, value in given.items()}
    if "known_words" in configured:
        configured["known_words"] = frozenset(word.lower() for word in configured["known_words"])
    return replace(Rules(), **configured)
