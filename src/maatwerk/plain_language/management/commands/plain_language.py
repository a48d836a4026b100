"""maatwerk plain-language check FILE — is this Dutch text plain language (B1)?

Exit codes: 0 meets B1, 1 does not meet B1, 2 the file is missing or unreadable.
FILE may be `-` for standard input; `--format json` prints `Report.as_dict()`.

maatwerk plain-language pages — the same check on every client-facing template and every client
text built in code (see `maatwerk.plain_language.pages`); exit code 1 when one does not meet B1.
"""

import bisect
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maatwerk.plain_language import check
from maatwerk.plain_language.pages import (
    client_facing_templates,
    code_texts,
    template_source,
    template_text,
)

MAX_BYTES = 1_000_000  # a text this size is not a client letter; refuse rather than hang


class Command(BaseCommand):
    help = "Controleer of een Nederlandse tekst voldoet aan taalniveau B1 (begrijpelijke taal)."
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{check,pages}")
        checking = sub.add_parser(
            "check", help="Controleer een tekstbestand, HTML of een brief-sjabloon."
        )
        checking.add_argument(
            "file", metavar="FILE", help="Het bestand, of - voor standaardinvoer."
        )
        checking.add_argument("--format", choices=["text", "json"], default="text")
        checking.add_argument(
            "--language", choices=["nl", "en"], default=None, help="Taal van het rapport."
        )
        pages = sub.add_parser("pages", help="Controleer alle pagina's die cliënten zien.")
        pages.add_argument(
            "--language", choices=["nl", "en"], default=None, help="Taal van het rapport."
        )

    def handle(self, *args, action, language, **options):
        with translation.override(language or translation.get_language() or "nl"):
            if action == "pages":
                self._pages()
            else:
                self._check(options["file"], options["format"])

    def _pages(self):
        failing = 0
        texts = {
            name: template_text(template_source(name) or "") for name in client_facing_templates()
        }
        texts |= code_texts()
        for name, text in texts.items():
            report = check(text)
            if report.words == 0:
                continue
            verdict = _("voldoet") if report.meets_b1 else _("voldoet niet")
            self.stdout.write(f"{name}: {verdict}")
            if not report.meets_b1:
                failing += 1
                for reason in report.reasons[1:]:
                    self.stdout.write(f"  - {reason}")
                for finding in report.findings:
                    self.stdout.write(f"    „{_short(finding.text)}” — {finding.message}")
        if failing:
            raise CommandError(
                ngettext(
                    "%(count)d pagina voldoet niet aan taalniveau B1.",
                    "%(count)d pagina's voldoen niet aan taalniveau B1.",
                    failing,
                )
                % {"count": failing},
                returncode=1,
            )

    def _check(self, file: str, format: str):
        text = self._read(file)
        report = check(text)
        if format == "json":
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render(report, text))
        if not report.meets_b1:
            raise CommandError(_("De tekst voldoet niet aan taalniveau B1."), returncode=1)

    def _read(self, name: str) -> str:
        try:
            if name == "-":
                data = sys.stdin.buffer.read(MAX_BYTES + 1)
            else:
                with Path(name).open("rb") as handle:
                    data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise CommandError(
                _("Bestand niet gevonden: %(name)s") % {"name": name}, returncode=2
            ) from None
        except OSError as exc:
            raise CommandError(
                _("Kan het bestand niet lezen: %(name)s (%(error)s)")
                % {"name": name, "error": exc.strerror},
                returncode=2,
            ) from None
        if len(data) > MAX_BYTES:
            raise CommandError(
                _("Het bestand is te groot om te controleren (meer dan 1 MB)."), returncode=2
            )
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError(
                _("Het bestand is geen tekst in UTF-8: %(name)s") % {"name": name}, returncode=2
            ) from None


def render(report, text: str) -> str:
    """The report as plain Dutch text for a terminal."""

    line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]

    def line_of(finding) -> int:
        return bisect.bisect_right(line_starts, finding.start)

    def number(value) -> str:
        return "–" if value is None else number_format(value, 1)

    verdict = _("voldoet") if report.meets_b1 else _("voldoet niet")
    lines = [
        _("Taalniveau B1: %(verdict)s") % {"verdict": verdict},
        _("Woorden: %(words)d · zinnen: %(sentences)d · lettergrepen: %(syllables)d")
        % {"words": report.words, "sentences": report.sentences, "syllables": report.syllables},
        _("Gemiddelde zinslengte: %(average)s woorden")
        % {"average": number(report.average_sentence_words)},
        _("Flesch-Douma: %(fd)s · Brouwer: %(brouwer)s (alleen een hulpmiddel)")
        % {"fd": number(report.flesch_douma), "brouwer": number(report.brouwer)},
        "",
        _("Waarom:"),
        *(f"- {reason}" for reason in report.reasons),
    ]
    sections = [
        (_("Lange zinnen"), report.long_sentences),
        (_("Ambtelijke woorden"), report.officialese),
        (_("Moeilijke woorden"), report.hard_words),
        (_("Lijdende vorm"), report.passive_sentences),
    ]
    for title, findings in sections:
        if not findings:
            continue
        lines += ["", f"{title} ({len(findings)}):"]
        for finding in findings:
            entry = _("regel %(line)d: „%(text)s” — %(message)s") % {
                "line": line_of(finding),
                "text": _short(finding.text),
                "message": finding.message,
            }
            if finding.suggestion and finding.kind == "hard_word":
                entry += " " + _("(beter: %(suggestion)s)") % {"suggestion": finding.suggestion}
            lines.append(f"  {entry}")
    return "\n".join(lines)


def _short(text: str, limit: int = 90) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= limit else shown[: limit - 3] + "…"
