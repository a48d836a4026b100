"""English comes from .po files; the compiled .mo must match and every string be translated.

The catalogues must also know every string in the code: a new Dutch string that nobody ran
`make messages` for would silently stay Dutch for an English reader.
"""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

# The project catalogue, plus one per app that keeps its own (src/maatwerk/<app>/locale).
SOURCE = Path(settings.LOCALE_PATHS[0]).parent
CATALOGUES = sorted(SOURCE.glob("**/locale/en/LC_MESSAGES/django.po"))


def test_the_project_catalogue_is_found():
    assert SOURCE / "locale" / "en" / "LC_MESSAGES" / "django.po" in CATALOGUES


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: str(po.relative_to(SOURCE)))
def test_every_string_has_an_english_translation(po):
    catalogue = polib.pofile(str(po))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"untranslated: {missing[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"


def _ids(po: Path) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(po)) if not entry.obsolete}


# What `make messages` reads: sources and catalogues, without tests, caches and static files.
NOT_SCANNED = shutil.ignore_patterns("tests", "__pycache__", "static", "*.mo", "*.pyc")


def test_every_catalogue_knows_every_string_in_the_code(tmp_path):
    """`make messages` run on a copy of the source: any msgid it adds is missing from the
    committed catalogue (run `make messages` and translate it)."""
    if not (shutil.which("xgettext") and shutil.which("msgmerge")):
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed: apt-get install gettext")
    copy = tmp_path / "maatwerk"
    shutil.copytree(SOURCE, copy, ignore=NOT_SCANNED)
    here = Path.cwd()
    # makemessages writes strings outside an app's own locale/ to settings.LOCALE_PATHS[0]: point
    # it at the copy, so the committed catalogue is never touched.
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        try:
            os.chdir(copy)
            call_command(
                "makemessages",
                locale=["en"],
                no_obsolete=True,
                ignore_patterns=["node_modules/*", "*/tests/*"],
                add_location="file",
                verbosity=0,
            )
        finally:
            os.chdir(here)
    missing = {}
    for po in CATALOGUES:
        new = _ids(copy / po.relative_to(SOURCE)) - _ids(po)
        if new:
            missing[str(po.relative_to(SOURCE))] = sorted(msgid for _context, msgid in new)
    assert not missing, (
        "Strings in the code that a catalogue lacks; run `make messages` (and `make messages "
        f"APP=<app>`), then translate them: {missing}"
    )


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: str(po.relative_to(SOURCE)))
def test_compiled_catalogue_matches_the_po_file(po):
    entries = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(po)).translated_entries()}
    mo = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(po.with_suffix(".mo")))}
    stale = [k for k, entry in entries.items() if k not in mo or mo[k].msgstr != entry.msgstr]
    assert not stale, f"run `make messages`: {len(stale)} entries differ, e.g. {stale[:3]}"


@pytest.mark.django_db
@override_settings(LANGUAGE_CODE="nl")
def test_the_english_switch_translates_the_portal(client, client_record):
    client.force_login(client_record.user)
    client.post(reverse("set_language"), {"language": "en", "next": "/mijn/"})
    response = client.get(reverse("portal:home"))
    assert 'lang="en"' in response.text
    assert "My adviser" in response.text
    with translation.override("nl"):
        client.post(reverse("set_language"), {"language": "nl", "next": "/mijn/"})
    assert "Mijn adviseur" in client.get(reverse("portal:home")).text
