"""The result types of a plain-language check: `Finding` (one spot in the text) and `Report`."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Finding:
    """One spot in the checked text that an editor should look at.

    `start`/`end` are character offsets into the text exactly as it was given to `check()`
    (HTML, placeholders and all), so an editor can highlight `text[start:end]`. `sentence` is the
    0-based index of the sentence the spot is in. `suggestion` is a plainer alternative when one
    is known (else None). `message` says in Dutch (or the active language) what is wrong.
    """

    kind: str  # "long_sentence" | "hard_word" | "officialese" | "passive"
    text: str
    start: int
    end: int
    sentence: int
    message: str
    suggestion: str | None = None
    words: int | None = None  # word count, for long sentences

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Report:
    """What `check()` found. Scores are None when there is nothing to measure."""

    meets_b1: bool
    flesch_douma: float | None
    brouwer: float | None
    words: int
    sentences: int
    syllables: int
    average_sentence_words: float | None
    hard_word_share: float | None
    long_sentences: list[Finding] = field(default_factory=list)
    hard_words: list[Finding] = field(default_factory=list)
    officialese: list[Finding] = field(default_factory=list)
    passive_sentences: list[Finding] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    scores_count: bool = True  # False when the text is too short for the scores to count
    rules: dict = field(default_factory=dict)

    # Bumped whenever measuring changes, so a stored report says which rules produced it.
    VERSION = 1

    @property
    def findings(self) -> list[Finding]:
        """All findings in text order."""
        every = self.long_sentences + self.hard_words + self.officialese + self.passive_sentences
        return sorted(every, key=lambda finding: (finding.start, finding.kind))

    def as_dict(self) -> dict:
        """JSON-serialisable, for storing next to a letter version."""
        return {
            "version": self.VERSION,
            "meets_b1": self.meets_b1,
            "flesch_douma": self.flesch_douma,
            "brouwer": self.brouwer,
            "words": self.words,
            "sentences": self.sentences,
            "syllables": self.syllables,
            "average_sentence_words": self.average_sentence_words,
            "hard_word_share": self.hard_word_share,
            "scores_count": self.scores_count,
            "long_sentences": [finding.as_dict() for finding in self.long_sentences],
            "hard_words": [finding.as_dict() for finding in self.hard_words],
            "officialese": [finding.as_dict() for finding in self.officialese],
            "passive_sentences": [finding.as_dict() for finding in self.passive_sentences],
            "reasons": list(self.reasons),
            "rules": dict(self.rules),
        }
