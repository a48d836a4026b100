"""English comes from .po files; the compiled .mo must match and every string be translated."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
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
