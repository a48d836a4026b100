"""Turning text into sentences and words, Dutch-aware.

Everything here keeps character offsets into the text *as given*: HTML tags, entities and
template tags are overwritten with characters of the same length instead of being removed, so a
`Finding` can point back at the editor's own text.

- HTML: `<script>`/`<style>` and their content, and comments, become spaces. Block tags (`<p>`,
  `<li>`, `<h2>`, `<br>`, ...) become a paragraph break (a sentence ends there); inline tags
  (`<strong>`, `<a>`, ...) become spaces. Entities (`&amp;`, `&nbsp;`) become their character.
- Template placeholders `{{ ... }}` become one neutral word (see `PLACEHOLDER`): it counts as one
  word of two syllables and is never rare, long or officialese. `{% ... %}` tags and `{# ... #}`
  comments become spaces; the text of `{% comment %}` blocks is ignored.
- Sentences end at `.`, `!`, `?` followed by a space and a word that does not start in lower case,
  at a blank line, at a block tag, at a line ending in `:`, at every list line (`-`, `*`, `•`,
  `1.`, `a)`) and after a salutation or closing line ("Beste Jan,", "Met vriendelijke groet,").
  A full stop after a known abbreviation (`bijv.`, `o.a.`, `mevr.`) or an initial
  (`J. de Vries`) does not end a sentence; after `enz.` or `etc.` it does when a capital follows.
- Words: letters with inner hyphens and apostrophes (`e-mail`, `zo'n`), numbers (`1.500`,
  `€ 12,50`, `9.00`, `3e`, `030-1234567`), abbreviations with their dots, placeholders, and
  links (`www.werk.nl`, `info@maatwerk.nl`), which count like a placeholder.
"""

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import ABBREVIATIONS

PLACEHOLDER = "\ue000"  # a private-use character; a run of them is one neutral word

_BLOCK_TAGS = (
    "address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|fieldset|figcaption|"
    "figure|footer|form|h[1-6]|header|hr|legend|li|main|nav|ol|option|p|pre|section|summary|"
    "table|td|th|tr|ul|label|button|select|textarea|title|dialog"
)
_COMMENT_OPEN = re.compile(r"\{%\s*comment\b")
_COMMENT_CLOSE = re.compile(r"\{%\s*endcomment\s*%\}")
# Bounded, so an unclosed "{{" or "{%" cannot make cleaning quadratic.
_PLACEHOLDER = re.compile(r"\{\{.{0,300}?\}\}", re.S)
_TEMPLATE_TAG = re.compile(r"\{%.{0,300}?%\}|\{#.{0,300}?#\}", re.S)
_RAW_OPEN = re.compile(r"<(script|style)\b|<!--", re.I)
_COMMENT_END = re.compile("-->")
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS})\b[^<>]*>", re.I)
_ANY_TAG = re.compile(r"</?[a-zA-Z][^<>]*>|<![^<>]*>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def _blank(match: re.Match) -> str:
    """Same length, newlines kept (so line-based rules still see lines), the rest spaces."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _blank_between(text: str, opening: re.Pattern, closing_for) -> str:
    """Blank every span from `opening` to its closing pattern (or to the end when unclosed).

    One forward scan instead of a lazy `open.*?close` regex, which is quadratic when many
    openings are never closed.
    """
    parts = []
    position = 0
    while (match := opening.search(text, position)) is not None:
        close = closing_for(match).search(text, match.end())
        end = close.end() if close else len(text)
        parts.append(text[position : match.start()])
        parts.append(re.sub(r"[^\n]", " ", text[match.start() : end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _raw_close(match: re.Match) -> re.Pattern:
    if match.group(0) == "<!--":
        return _COMMENT_END
    return re.compile(rf"</{match.group(1)}\s*>", re.I)


def _paragraph_break(match: re.Match) -> str:
    return "\n\n" + " " * (len(match.group(0)) - 2)


def _placeholder(match: re.Match) -> str:
    return PLACEHOLDER * len(match.group(0))


def _entity(match: re.Match) -> str:
    char = html.unescape(match.group(0))
    if len(char) != 1 or char == "\xa0":
        char = " "
    return char + " " * (len(match.group(0)) - 1)


def clean(text: str) -> str:
    """The measurable text, exactly as long as `text` (see the module docstring)."""
    text = text.replace("\r", " ")
    if "comment" in text:
        text = _blank_between(text, _COMMENT_OPEN, lambda match: _COMMENT_CLOSE)
    text = _PLACEHOLDER.sub(_placeholder, text)
    text = _TEMPLATE_TAG.sub(_blank, text)
    if "<" in text:
        text = _blank_between(text, _RAW_OPEN, _raw_close)
        text = _BLOCK_TAG.sub(_paragraph_break, text)
        text = _ANY_TAG.sub(_blank, text)
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return text.replace("\xa0", " ").replace("\t", " ")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "word" | "number" | "abbreviation" | "placeholder" | "link"


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]


_LETTERS = r"[^\W\d_]"
_TOKEN = re.compile(
    rf"(?P<placeholder>{PLACEHOLDER}+)"
    r"|(?P<link>(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|net|eu|be)\b(?:/[^\s<>\"]*[^\s<>\".,;:!?)])?)"
    rf"|(?P<dotted>(?:{_LETTERS}{{1,4}}\.){{2,}})"
    r"|(?P<number>[€$]?\s?\d+(?:[.,:/-]\d+)*(?:,-)?(?:e|de|ste)?(?!\w))"
    rf"|(?P<word>['’]s(?!\w)|{_LETTERS}+(?:[-'’]{_LETTERS}+)*)"
)
_BULLET = re.compile(r"[ \t]*(?:[-*•–·▪]|\d{1,2}[.)]|[a-z][)])[ \t]+\S")
# A salutation or closing on its own line ("Beste Jan,", "Met vriendelijke groet,") is a unit of
# its own even without a blank line after it.
_GREETING = re.compile(
    r"[ \t]*(?:beste|geachte|hallo|dag|hoi|lieve|met vriendelijke groet(?:en)?"
    r"|(?:vriendelijke |hartelijke )?groet(?:en)?)\b[^\n]*,[ \t]*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_NEXT_START = re.compile(r"\s+(\S)")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph-like spans: split at blank lines, list lines, lines ending in ':' and '#'."""
    blocks: list[tuple[int, int]] = []
    start = 0
    position = 0
    for line in text.splitlines(keepends=True):
        line_start, line_end = position, position + len(line)
        position = line_end
        stripped = line.strip()
        if not stripped:
            if start < line_start:
                blocks.append((start, line_start))
            start = line_end
            continue
        bullet = _BULLET.match(line)
        if bullet or stripped.startswith("#"):
            if start < line_start:
                blocks.append((start, line_start))
            # The marker ("-", "1.", "a)") is not a word and its full stop ends nothing.
            start = line_start + (bullet.end() - 1 if bullet else line.index("#") + 1)
        if stripped.endswith(":") or bullet or stripped.startswith("#") or _GREETING.match(line):
            # A list line, a heading or a lead-in to a list is a unit of its own.
            blocks.append((start, line_end))
            start = line_end
    if start < len(text):
        blocks.append((start, len(text)))
    return [(s, e) for s, e in blocks if text[s:e].strip()]


def _ends_sentence(text: str, block_start: int, dot_start: int, after: int, block_end: int) -> bool:
    """Whether the punctuation at dot_start..after ends a sentence."""
    following = _NEXT_START.match(text, after, block_end)
    if following is None:
        return True
    next_char = following.group(1)
    if next_char.islower():
        return False
    if text[dot_start] != "." or text[dot_start:after].startswith(".."):
        return True
    # Abbreviations are short: looking back a little keeps this linear on huge texts.
    window = text[max(block_start, dot_start - 24) : dot_start]
    word = re.search(rf"(?:{_LETTERS}+\.)*{_LETTERS}+$", window)
    if word is None:
        return True
    candidate = word.group(0).lower() + "."
    if candidate in ABBREVIATIONS:
        return ABBREVIATIONS[candidate].ends_sentence and next_char.isupper()
    # An initial ("J. de Vries") does not end a sentence.
    return not (len(word.group(0)) == 1 and word.group(0).isupper())


def tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    found = []
    for match in _TOKEN.finditer(text, start, end):
        kind = match.lastgroup
        if kind == "dotted":
            kind = "abbreviation"
        elif kind == "word":
            after = match.end()
            if (
                after < end
                and text[after] == "."
                and (match.group(0).lower() + ".") in ABBREVIATIONS
            ):
                found.append(
                    Token(text[match.start() : after + 1], match.start(), after + 1, "abbreviation")
                )
                continue
        found.append(Token(match.group(0).strip(), match.start(), match.end(), kind))
    return tuple(found)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split(cleaned: str) -> list[Sentence]:
    """The sentences of a cleaned text, each with its words. Sentences without words are dropped."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(cleaned):
        start = block_start
        for match in _SENTENCE_END.finditer(cleaned, block_start, block_end):
            if _ends_sentence(cleaned, block_start, match.start(), match.end(), block_end):
                _add(sentences, cleaned, start, match.end())
                start = match.end()
        _add(sentences, cleaned, start, block_end)
    return sentences


def _add(sentences: list[Sentence], cleaned: str, start: int, end: int) -> None:
    start, end = _trim(cleaned, start, end)
    if start >= end:
        return
    found = tokens(cleaned, start, end)
    if found:
        sentences.append(Sentence(len(sentences), start, end, found))


@lru_cache(maxsize=256)
def analyse(text: str) -> tuple[str, tuple[Sentence, ...]]:
    cleaned = clean(text)
    return cleaned, tuple(split(cleaned))
