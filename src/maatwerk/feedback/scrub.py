"""Take obvious personal data out of notes meant to be anonymous: e-mail addresses, phone
numbers and BSN-like numbers (nine digits, also written with dots or spaces). A safety net, not
a guarantee: names are not recognised, so the form still asks not to write them."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Dutch numbers: 06-12345678, 06 1234 5678, +31 6 12345678, 0031..., 020-1234567, 088 123 45 67.
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)31[\s-]?(?:\(0\))?[\s-]?|0)[1-9](?:[\s-]?\d){8}(?!\d)")
# Nine digits, possibly grouped as 123.456.789, 1234.56.789 or 123 456 789.
BSN = re.compile(r"(?<![\d.])\d(?:[.\s]?\d){8}(?![\d])")

REPLACEMENTS = [
    ("email", EMAIL, _("[e-mailadres weggehaald]")),
    ("phone", PHONE, _("[telefoonnummer weggehaald]")),
    ("bsn", BSN, _("[nummer weggehaald]")),
]
LABELS = {"email": _("e-mailadres"), "phone": _("telefoonnummer"), "bsn": _("BSN-achtig nummer")}


@dataclass(frozen=True)
class Scrubbed:
    text: str
    found: dict[str, int]

    @property
    def changed(self) -> bool:
        return bool(self.found)

    def describe(self) -> str:
        return ", ".join(f"{count}× {LABELS[kind]}" for kind, count in self.found.items())


def scrub(text: str) -> Scrubbed:
    found: dict[str, int] = {}
    for kind, pattern, replacement in REPLACEMENTS:
        text, count = pattern.subn(str(replacement), text)
        if count:
            found[kind] = count
    return Scrubbed(text, found)
