"""Maatwerk's own client-facing pages must be plain Dutch (B1) by Maatwerk's own check.

Which templates are client-facing is found, not listed: see `maatwerk.plain_language.pages`
(every template a `@client_or_practice` or `mijn/...` view renders, what those include or
extend, the error pages, `<app>/mijn/...` templates and templates marked `{# client-facing #}`,
such as the e-mails to clients). Texts built in code (e-mail subjects, the panel invitation)
come from each app's `client_texts.py`. A new client page is checked the day
it is added. Each template is checked on its own, as the Dutch text a client can see in it.

KNOWN_FAILURES lists the pages that do not meet B1 yet, each with why. They are expected to
fail (strict): once a page is fixed, its test fails until it is taken off the list.
"""

import json
from pathlib import Path

import pytest
from django.utils import translation

from maatwerk.plain_language import check
from maatwerk.plain_language.pages import (
    client_facing_templates,
    code_texts,
    template_source,
    template_text,
    unmarked_mail_templates,
)

KNOWN_FAILURES: dict[str, str] = {}

TEMPLATES = client_facing_templates()
CODE_TEXTS = code_texts()
QUESTIONNAIRES = sorted(Path(__file__).parents[1].glob("src/maatwerk/*/data/questionnaire_*.json"))


def _explain(report) -> str:
    lines = [*report.reasons]
    lines += [
        f"  {finding.kind}: {' '.join(finding.text.split())[:80]!r} — {finding.message}"
        for finding in report.findings
    ]
    return "\n".join(lines)


def _check_nl(text: str):
    with translation.override("nl"):
        return check(text)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[name]))
        if name in KNOWN_FAILURES
        else name
        for name in TEMPLATES
    ],
)
def test_client_page_meets_b1(name):
    report = _check_nl(template_text(template_source(name)))
    assert report.words == 0 or report.meets_b1, f"{name} does not meet B1:\n{_explain(report)}"


@pytest.mark.parametrize("name", sorted(CODE_TEXTS))
def test_client_text_built_in_code_meets_b1(name):
    with translation.override("nl"):
        text = code_texts()[name]  # again, in Dutch: the lazy texts follow the language
    report = _check_nl(text)
    assert report.meets_b1, f"{name} does not meet B1:\n{_explain(report)}"


def test_every_mail_template_says_who_reads_it():
    assert not unmarked_mail_templates(), "add {# client-facing #} or {# staff-facing #}"


def test_client_mails_and_panel_invitations_are_checked():
    assert {
        "appointments/email/booked.txt",
        "appointments/email/reminder.txt",
        "messaging/email/reply.txt",
        "messaging/email/reply_subject.txt",
        "letters/email.txt",
        "letters/email.html",
    } <= set(TEMPLATES)
    assert "feedback/mail/compliment.txt" not in TEMPLATES  # to the employee, not the client
    assert {"panel: invitation e-mail", "panel: reminder e-mail"} <= set(CODE_TEXTS)


def test_known_failures_are_client_pages():
    # A stale entry (renamed or deleted template) must not hide anything.
    assert set(KNOWN_FAILURES) <= set(TEMPLATES)


def test_client_pages_are_found_and_staff_pages_are_not():
    assert {
        "portal/home.html",
        "werkverkenner/start.html",
        "werkverkenner/result.html",
        "404.html",
    } <= set(TEMPLATES)
    assert "base.html" in TEMPLATES  # extended by every client page
    assert not {
        "clients/caseload.html",
        "clients/client_file.html",
        "werkverkenner/worklist.html",
    } & set(TEMPLATES)


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda path: path.name)
def test_questionnaire_texts_meet_b1(path):
    """Werkverkenner questions, help texts, explanations and answers, per question."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for question in data["questions"]:
        parts = [
            question.get(key, "")
            for key in ("text", "help_text", "explain_helps", "explain_harder")
        ]
        parts += [option[1] for option in question.get("options", [])]
        report = _check_nl("\n\n".join(part for part in parts if part))
        assert report.meets_b1, f"{path.name} {question['code']}:\n{_explain(report)}"
