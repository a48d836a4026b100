"""Plain-language (B1) check for Dutch client-facing text.

    from maatwerk.plain_language import check, Report
    report = check(text)          # plain text, HTML or a letter template with {{ placeholders }}
    report.meets_b1               # bool, with report.reasons (Dutch, via gettext) saying why
    report.flesch_douma, report.brouwer, report.words, report.sentences, report.syllables
    report.long_sentences, report.hard_words, report.officialese, report.passive_sentences
    report.as_dict()              # JSON-serialisable, to store with a letter version

Each finding is a `Finding` (kind, text, start, end, sentence, message, suggestion, words):
start/end are offsets into the text exactly as given. Thresholds: `rules.Rules`, overridable via
settings.PLAIN_LANGUAGE or `check(text, rules=...)`. Measures and thresholds: ADR 0014.
The first check in a process loads the dictionaries (about a second); `warm_up()` does that
ahead, e.g. before a benchmark. After that a two-page letter takes a few tens of milliseconds.
"""

from .checker import check, warm_up
from .findings import Finding, Report
from .rules import Rules

__all__ = ["Finding", "Report", "Rules", "check", "warm_up"]
