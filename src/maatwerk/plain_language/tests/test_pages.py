"""Finding client-facing templates and reading their text; `maatwerk plain-language pages`."""

import io
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from maatwerk.plain_language import check, pages


def test_template_text_keeps_what_a_reader_sees():
    source = (
        '{% extends "base.html" %}{% load i18n %}{# notitie #}'
        '{% block content %}<h1>{% translate "Welkom" %}</h1>'
        "<p>{% blocktranslate with name=client.first_name %}Dag {{ name }}."
        "{% endblocktranslate %}</p>"
        "{% blocktranslate count n=total %}Eén bericht.{% plural %}{{ n }} berichten."
        "{% endblocktranslate %}"
        "{% comment %}Niet voor cliënten.{% endcomment %}"
        "<p>{% trans 'Bel ons' as label %}</p>{% endblock %}"
    )
    text = pages.template_text(source)
    assert "Welkom" in text and "Dag {{ name }}." in text and "Eén bericht." in text
    assert "berichten" not in text  # the plural form is a second copy of the same sentence
    assert "Niet voor cliënten" not in text and "notitie" not in text
    assert "Bel ons" in text and "{%" not in text
    assert check(text).words == 7  # Welkom | Dag name | Eén bericht | Bel ons


def test_marked_templates_are_client_facing(tmp_path, settings):
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "welkom.txt").write_text("{# client-facing #}Beste {{ naam }}, welkom.")
    (tmp_path / "mail" / "intern.txt").write_text("Hoi collega.")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]}]
    found = pages.client_facing_templates()
    assert "mail/welkom.txt" in found
    assert "mail/intern.txt" not in found
    assert "portal/home.html" in found


def test_pages_command(monkeypatch):
    sources = {
        "a/goed.html": "<p>Wij helpen u graag.</p>",
        "a/fout.html": "<p>Indien u vragen heeft, bel ons.</p>",
        "a/leeg.html": "{% load i18n %}",
    }
    monkeypatch.setattr(
        "maatwerk.plain_language.management.commands.plain_language.client_facing_templates",
        lambda: sorted(sources),
    )
    monkeypatch.setattr(
        "maatwerk.plain_language.management.commands.plain_language.template_source", sources.get
    )
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("plain_language", "pages", stdout=out)
    assert raised.value.returncode == 1
    assert str(raised.value) == "1 pagina voldoet niet aan taalniveau B1."
    lines = out.getvalue().splitlines()
    assert lines[0] == "a/fout.html: voldoet niet"
    assert "„Indien” — Ambtelijk: schrijf liever „als”." in out.getvalue()
    assert "a/goed.html: voldoet" in lines
    assert not any(line.startswith("a/leeg.html") for line in lines)


def test_hostile_input_stays_fast():
    # Many unclosed placeholders, tags, comments and scripts must not make cleaning quadratic.
    text = "{{ a {% b {% comment %} <script <!-- c. " * 5_000
    started = time.perf_counter()
    check(text)
    assert time.perf_counter() - started < 5
