"""Preparing a client's text for the classifier: HTML out, whitespace tidied, length capped, and
the language checked, so that a text in another language is marked instead of given a theme."""

import html
import re
from dataclasses import dataclass

# Longer texts are cut: the opening of a long text carries its themes, and a cap keeps one pasted
# document from slowing a whole batch down.
MAX_CHARS = 2000

# Below this many letters a language guess is noise ("Top!", "ok"): such a text counts as Dutch.
MIN_LETTERS_FOR_LANGUAGE = 20

# Languages clients of a Dutch employment service write in besides Dutch. Restricting the
# detector to plausible languages keeps short Dutch sentences from being read as Afrikaans or
# Frisian.
CANDIDATE_LANGUAGES = [
    "nl", "en", "de", "fr", "es", "it", "pt", "pl", "ro", "bg", "tr", "ar", "uk", "ru",
]  # fmt: skip

DUTCH = "nl"
OTHER_LANGUAGE = "andere taal"
EMPTY = "leeg"

_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Prepared:
    text: str  # what the classifier reads
    language: str  # DUTCH, OTHER_LANGUAGE or EMPTY


def clean(raw) -> str:
    """Plain text: no tags, entities decoded, one space between words, at most MAX_CHARS."""
    if raw is None:
        return ""
    text = str(raw)
    if "<" in text:
        text = _TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", text))
    text = _SPACE.sub(" ", html.unescape(text)).strip()
    if len(text) > MAX_CHARS:
        cut = text.rfind(" ", 0, MAX_CHARS)
        text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
    return text


_identifier = None


def _language_identifier():
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(CANDIDATE_LANGUAGES)
        _identifier = identifier
    return _identifier


def language_of(text: str) -> str:
    if not text:
        return EMPTY
    if len(_LETTER.findall(text)) < MIN_LETTERS_FOR_LANGUAGE:
        return DUTCH
    language, confidence = _language_identifier().classify(text)
    # Only a confident other language counts: Dutch with English loan words stays Dutch.
    return DUTCH if language == DUTCH or confidence < 0.9 else OTHER_LANGUAGE


def prepare(raw) -> Prepared:
    text = clean(raw)
    return Prepared(text, language_of(text))
