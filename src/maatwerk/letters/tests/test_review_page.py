"""The version page as a council member or a jurist reads it: the letter filled in for a made-up
client first, the template code one click away, the comment box under the letter (ADR 0039)."""

import re

import pytest
from django.urls import reverse

from maatwerk.letters import actions
from maatwerk.letters.models import ReviewStep

from .helpers import to_reader_review

pytestmark = pytest.mark.django_db


def _split(html: str) -> tuple[str, str]:
    """(the page without its <details> code box, the code box)."""
    code = re.search(r'<details class="mw-code-toggle">.*?</details>', html, re.S).group(0)
    return html.replace(code, ""), code


def _invited(version, *, editor, jurist, reader):
    to_reader_review(version, editor=editor, jurist=jurist)
    actions.invite_readers(version=version, reader_ids=[reader.pk], by_user=editor.user)
    return version


def test_the_reader_sees_the_filled_in_letter_not_template_code(
    login, editor, jurist, reader, draft
):
    _invited(draft, editor=editor, jurist=jurist, reader=reader)
    page = login(reader.user).get(reverse("letters:version", args=[draft.pk])).text
    outside, code = _split(page)
    assert "Beste Fatima," in outside  # the made-up client
    assert "Voorbeeld" in outside and "verzonnen klant" in outside
    assert "{{" not in outside
    assert "{{ client.first_name }}" in code  # one click away


def test_the_comment_box_comes_after_the_letter(login, editor, jurist, reader, draft):
    _invited(draft, editor=editor, jurist=jurist, reader=reader)
    page = login(reader.user).get(reverse("letters:version", args=[draft.pk])).text
    assert page.index('class="mw-letter"') < page.index('name="text"')


def test_the_jurist_sees_the_letter_before_the_decision(login, editor, jurist, draft):
    actions.submit(version=draft, by_user=editor.user)
    page = login(jurist.user).get(reverse("letters:version", args=[draft.pk])).text
    assert page.index('class="mw-letter"') < page.index('name="decision"')
    assert "{{" not in _split(page)[0]


def test_a_later_version_links_to_the_comparison(login, editor, reader, draft):
    second = actions.save_version(
        template=draft.template,
        title=draft.template.title,
        purpose="",
        usable_as_reply=False,
        subject=draft.subject,
        body=draft.body + "\n\nTot ziens.",
        change_note="Groet erbij",
        by_user=editor.user,
    )
    web = login(reader.user)
    page = web.get(reverse("letters:version", args=[second.pk])).text
    link = reverse("letters:compare", args=[draft.template_id]) + "?van=1&amp;naar=2"
    assert link in page and "veranderd sinds versie 1" in page
    first = web.get(reverse("letters:version", args=[draft.pk])).text
    assert "veranderd sinds versie" not in first


def test_the_publish_reason_is_marked_required(login, editor, jurist, reader, draft):
    _invited(draft, editor=editor, jurist=jurist, reader=reader)
    page = login(editor.user).get(reverse("letters:version", args=[draft.pk])).text
    label = re.search(r'<label[^>]*for="id_skip_reason".*?</label>', page, re.S).group(0)
    assert "niet verplicht" not in label


@pytest.mark.parametrize("reason", ["", "   "])
def test_publishing_without_the_reason_is_refused_next_to_the_field(
    login, editor, jurist, reader, draft, reason
):
    _invited(draft, editor=editor, jurist=jurist, reader=reader)
    response = login(editor.user).post(
        reverse("letters:publish", args=[draft.pk]), {"skip_reason": reason}
    )
    assert response.status_code == 200
    assert 'id="id_skip_reason_error"' in response.text
    assert "Schrijf waarom je publiceert zonder reactie van een meelezer." in response.text
    draft.template.refresh_from_db()
    assert draft.template.published_version is None
    assert not draft.steps.filter(kind=ReviewStep.Kind.PUBLISHED).exists()


def test_with_a_reader_comment_no_reason_is_asked(login, editor, jurist, reader, draft):
    _invited(draft, editor=editor, jurist=jurist, reader=reader)
    actions.comment(version=draft, text="Duidelijk.", by_user=reader.user)
    web = login(editor.user)
    assert 'name="skip_reason"' not in web.get(reverse("letters:version", args=[draft.pk])).text
    assert web.post(reverse("letters:publish", args=[draft.pk]), {}).status_code == 302
    draft.template.refresh_from_db()
    assert draft.template.published_version == draft
