"""Every change is a new immutable version; a change without its history row cannot commit."""

import pytest
from django.db import IntegrityError, connection, transaction

from maatwerk.core.append_only import AppendOnlyError
from maatwerk.letters import actions
from maatwerk.letters.models import LetterTemplate, TemplateVersion
from maatwerk.letters.versioning import VersionNotRecorded, check_recorded, versioned

from .helpers import write

pytestmark = pytest.mark.django_db


def test_each_save_is_a_new_contiguous_version(editor, draft):
    template = draft.template
    second = actions.save_version(
        template=template,
        subject="Nieuw",
        body="Beste {{ client.first_name }}, hallo.",
        change_note="korter",
        by_user=editor.user,
    )
    third = actions.save_version(
        template=template,
        subject="Nieuwer",
        body="Hallo.",
        change_note="",
        by_user=editor.user,
        title="Andere naam",
    )
    template.refresh_from_db()
    assert [v.number for v in template.versions.order_by("number")] == [1, 2, 3]
    assert template.latest_number == 3 and template.title == "Andere naam"
    draft.refresh_from_db()
    assert draft.subject == "Welkom, {{ client.first_name }}"  # the first version is untouched
    assert second.change_note == "korter" and third.number == 3


def test_a_version_cannot_be_changed_or_deleted(draft):
    draft.subject = "Anders"
    with pytest.raises(AppendOnlyError):
        draft.save()
    with pytest.raises(AppendOnlyError):
        TemplateVersion.objects.filter(pk=draft.pk).update(subject="Anders")
    with pytest.raises(AppendOnlyError):
        draft.delete()


def test_the_database_refuses_an_update_too(draft):
    with pytest.raises(Exception), transaction.atomic(), connection.cursor() as cursor:  # noqa: B017
        cursor.execute(
            "UPDATE letters_templateversion SET subject = %s WHERE id = %s", ["Anders", draft.pk]
        )
    draft.refresh_from_db()
    assert draft.subject != "Anders"


def test_the_same_number_twice_is_refused(editor, draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        TemplateVersion.objects.create(
            template=draft.template, number=1, subject="x", body="y", created_by=editor
        )


def test_an_action_that_writes_no_version_fails_loudly_and_rolls_back(editor, draft):
    template = draft.template

    @versioned
    def sloppy_change():
        LetterTemplate.objects.filter(pk=template.pk).update(title="Stil veranderd")
        return None  # "forgot" the history row

    with pytest.raises(VersionNotRecorded):
        sloppy_change()
    template.refresh_from_db()
    assert template.title != "Stil veranderd"


def test_a_skipped_number_is_caught(editor, draft):
    template = draft.template

    @versioned
    def skipping_change():
        LetterTemplate.objects.filter(pk=template.pk).update(latest_number=3)
        return TemplateVersion.objects.create(
            template=template, number=3, subject="x", body="y", created_by=editor
        )

    with pytest.raises(VersionNotRecorded):
        skipping_change()
    assert list(template.versions.values_list("number", flat=True)) == [1]


def test_check_recorded_accepts_a_proper_version(draft):
    check_recorded(draft)


def test_two_templates_number_independently(editor, draft):
    other = write(editor)
    assert other.number == 1 and draft.number == 1
