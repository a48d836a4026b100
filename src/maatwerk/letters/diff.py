"""A line diff of two versions, as rows the template escapes (no HTML is built here)."""

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    kind: str  # "same", "added" or "removed"
    text: str


def lines(old: str, new: str) -> list[Line]:
    before, after = old.splitlines(), new.splitlines()
    rows: list[Line] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(Line("same", text) for text in before[i1:i2])
            continue
        rows.extend(Line("removed", text) for text in before[i1:i2])
        rows.extend(Line("added", text) for text in after[j1:j2])
    return rows


def versions(old, new) -> dict:
    return {
        "subject": lines(old.subject, new.subject),
        "body": lines(old.body, new.body),
        "changed": old.subject != new.subject or old.body != new.body,
    }
