"""The page list of `maatwerk screenshots` (the pictures themselves: `make screenshots`)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import get_resolver, reverse

from maatwerk.demo.logins import DEMO_USERNAMES
from maatwerk.demo.screenshots import KEY_SHOTS, PAGES, file_name


def url_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if hasattr(pattern, "url_patterns"):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern, inner)
        elif pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_every_demo_role_has_pages():
    assert set(PAGES) == set(DEMO_USERNAMES)


@pytest.mark.parametrize("role", list(PAGES))
def test_every_page_resolves(role):
    known = url_names()
    slugs = []
    for shot in PAGES[role]:
        if shot.via:
            # A detail page: reached by a link on an earlier page of the same role.
            assert shot.via in slugs, f"{role}-{shot.slug}: via {shot.via} comes first"
            assert shot.url_name in known, f"{role}-{shot.slug}: no URL named {shot.url_name}"
        else:
            assert shot.path() == reverse(shot.url_name) + (f"?{shot.query}" if shot.query else "")
        assert shot.slug not in slugs, f"{role}: {shot.slug} twice"
        slugs.append(shot.slug)


def test_git_keeps_exactly_the_key_pictures():
    ignore = Path(settings.PROJECT_DIR) / "docs" / "screenshots" / ".gitignore"
    kept = {line[1:] for line in ignore.read_text().splitlines() if line.startswith("!")}
    assert kept == {file_name(role, slug, "*") for role, slug in KEY_SHOTS}
    for role, slug in KEY_SHOTS:
        assert slug in {shot.slug for shot in PAGES[role]}
