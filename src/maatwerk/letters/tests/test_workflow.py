"""Approval: draft → legal review → reader review → published; who may do each step."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.letters import actions
from maatwerk.letters.models import ReviewStep, State
from maatwerk.letters.queries import state_of

from .helpers import publish, to_reader_review, write

pytestmark = pytest.mark.django_db


def kinds(version):
    return list(version.steps.order_by("seq").values_list("kind", "by_id"))


def test_the_whole_way_records_who_and_when(editor, jurist, reader, draft):
    assert state_of(draft) == State.DRAFT
    actions.submit(version=draft, by_user=editor.user)
    assert state_of(draft) == State.LEGAL_REVIEW
    actions.legal_decision(version=draft, approve=True, comment="In orde.", by_user=jurist.user)
    assert state_of(draft) == State.READER_REVIEW
    actions.invite_readers(version=draft, reader_ids=[reader.pk], by_user=editor.user)
    actions.comment(version=draft, text="Helder.", by_user=reader.user)
    actions.publish(version=draft, by_user=editor.user)
    draft.template.refresh_from_db()
    assert state_of(draft) == State.PUBLISHED
    assert draft.template.published_version == draft
    assert kinds(draft) == [
        ("created", editor.pk),
        ("submitted", editor.pk),
        ("legal_approved", jurist.pk),
        ("published", editor.pk),
    ]
    assert all(step.at for step in draft.steps.all())
    assert draft.comments.get().reader == reader


def test_publishing_a_new_version_supersedes_the_old(editor, jurist, reader, draft):
    publish(draft, editor=editor, jurist=jurist, reader=reader)
    second = actions.save_version(
        template=draft.template,
        subject="Welkom",
        body="Hallo {{ client.first_name }}.",
        change_note="korter",
        by_user=editor.user,
    )
    draft.template.refresh_from_db()
    assert draft.template.published_version == draft  # still sendable while v2 is reviewed
    publish(second, editor=editor, jurist=jurist, reader=reader)
    draft.template.refresh_from_db()
    assert draft.template.published_version == second
    assert state_of(draft) == State.SUPERSEDED


def test_legal_reject_needs_a_reason_and_returns_to_draft(editor, jurist, draft):
    actions.submit(version=draft, by_user=editor.user)
    with pytest.raises(ValidationError) as caught:
        actions.legal_decision(version=draft, approve=False, comment=" ", by_user=jurist.user)
    assert "comment" in caught.value.message_dict
    actions.legal_decision(
        version=draft, approve=False, comment="Noem de termijn.", by_user=jurist.user
    )
    assert state_of(draft) == State.DRAFT
    assert draft.steps.get(kind="rejected").comment == "Noem de termijn."
    actions.submit(version=draft, by_user=editor.user)  # may be handed in again
    assert state_of(draft) == State.LEGAL_REVIEW


@pytest.mark.parametrize(
    "who, step",
    [
        ("jurist", "submit"),
        ("reader", "submit"),
        ("adviser", "submit"),
        ("editor", "legal"),
        ("reader", "legal"),
        ("adviser", "legal"),
        ("jurist", "publish"),
        ("reader", "publish"),
        ("jurist", "invite"),
        ("editor", "comment"),
        ("jurist", "comment"),
    ],
)
def test_only_the_right_role_may_take_a_step(editor, jurist, reader, adviser, who, step):
    version = write(editor)
    if step in {"legal"}:
        actions.submit(version=version, by_user=editor.user)
    if step in {"publish", "invite", "comment"}:
        to_reader_review(version, editor=editor, jurist=jurist)
        actions.invite_readers(version=version, reader_ids=[reader.pk], by_user=editor.user)
    user = {"editor": editor, "jurist": jurist, "reader": reader, "adviser": adviser}[who].user
    run = {
        "submit": lambda: actions.submit(version=version, by_user=user),
        "legal": lambda: actions.legal_decision(
            version=version, approve=True, comment="", by_user=user
        ),
        "publish": lambda: actions.publish(version=version, by_user=user),
        "invite": lambda: actions.invite_readers(
            version=version, reader_ids=[reader.pk], by_user=user
        ),
        "comment": lambda: actions.comment(version=version, text="Hm.", by_user=user),
    }[step]
    before = version.steps.count()
    with pytest.raises(PermissionDenied):
        run()
    assert version.steps.count() == before


def test_editing_is_not_a_way_in_for_others(jurist, adviser, draft):
    for user in (jurist.user, adviser.user):
        with pytest.raises(PermissionDenied):
            actions.save_version(
                template=draft.template, subject="x", body="y", change_note="", by_user=user
            )
    assert draft.template.versions.count() == 1


def test_steps_out_of_order_are_refused(editor, jurist, reader, draft):
    with pytest.raises(ValidationError):
        actions.legal_decision(version=draft, approve=True, comment="", by_user=jurist.user)
    with pytest.raises(ValidationError):
        actions.publish(version=draft, by_user=editor.user)
    actions.submit(version=draft, by_user=editor.user)
    with pytest.raises(ValidationError):
        actions.submit(version=draft, by_user=editor.user)


def test_a_council_member_comments_only_when_invited(editor, jurist, reader, office, draft):
    to_reader_review(draft, editor=editor, jurist=jurist)
    uninvited = factories.make_staff("Lid cliëntenraad", offices=[office], first_name="Ada")
    actions.invite_readers(version=draft, reader_ids=[reader.pk], by_user=editor.user)
    with pytest.raises(PermissionDenied):
        actions.comment(version=draft, text="Ik ook.", by_user=uninvited.user)
    with pytest.raises(ValidationError):  # only council members can be invited
        actions.invite_readers(version=draft, reader_ids=[jurist.pk], by_user=editor.user)
    assert draft.comments.count() == 0


def test_publishing_needs_an_invited_reader(editor, jurist, draft):
    to_reader_review(draft, editor=editor, jurist=jurist)
    with pytest.raises(ValidationError):
        actions.publish(version=draft, by_user=editor.user)


def test_an_invitation_alone_is_no_reading(editor, jurist, reader, draft):
    to_reader_review(draft, editor=editor, jurist=jurist)
    actions.invite_readers(version=draft, reader_ids=[reader.pk], by_user=editor.user)
    with pytest.raises(ValidationError) as caught:
        actions.publish(version=draft, by_user=editor.user, skip_reason="Geen tijd.")
    assert "Nog geen meelezer heeft gereageerd" in caught.value.message_dict["skip_reason"][0]
    assert state_of(draft) == State.READER_REVIEW
    assert not AuditEntry.objects.filter(action="letters.published").exists()


def test_a_reader_verdict_opens_publishing(editor, jurist, reader, draft):
    to_reader_review(draft, editor=editor, jurist=jurist)
    actions.invite_readers(version=draft, reader_ids=[reader.pk], by_user=editor.user)
    actions.comment(version=draft, text="Helder en vriendelijk.", by_user=reader.user)
    step = actions.publish(version=draft, by_user=editor.user)
    assert state_of(draft) == State.PUBLISHED
    assert step.comment == ""
    entry = AuditEntry.objects.get(action="letters.published")
    assert entry.reason == "" and entry.data["readers_skipped"] is False


def test_publishing_without_a_verdict_keeps_and_audits_the_reason(editor, jurist, reader, draft):
    to_reader_review(draft, editor=editor, jurist=jurist)
    actions.invite_readers(version=draft, reader_ids=[reader.pk], by_user=editor.user)
    reason = "De raad vergadert pas over twee maanden; de wet gaat morgen in."
    step = actions.publish(version=draft, by_user=editor.user, skip_reason=f"  {reason} ")
    assert state_of(draft) == State.PUBLISHED
    assert step.comment == reason
    entry = AuditEntry.objects.get(action="letters.published")
    assert entry.reason == reason and entry.data["readers_skipped"] is True


def test_below_b1_needs_a_written_justification(editor, jurist, reader):
    hard = (
        "Indien u niet tijdig de door ons verzochte gegevens verstrekt, zijn wij genoodzaakt "
        "om de uitkering, welke u ontvangt op grond van de Werkloosheidswet, met onmiddellijke "
        "ingang op te schorten, hetgeen wij uiteraard zouden betreuren in verband met uw situatie."
    )
    version = write(editor, body=hard)
    assert version.meets_b1 is False
    to_reader_review(version, editor=editor, jurist=jurist)
    actions.invite_readers(version=version, reader_ids=[reader.pk], by_user=editor.user)
    actions.comment(version=version, text="Te moeilijk.", by_user=reader.user)
    with pytest.raises(ValidationError) as caught:
        actions.publish(version=version, by_user=editor.user, justification="Moet.")
    assert "justification" in caught.value.message_dict
    actions.publish(
        version=version,
        by_user=editor.user,
        justification="Wettelijke tekst die de jurist letterlijk voorschrijft.",
    )
    step = version.steps.get(kind=ReviewStep.Kind.PUBLISHED)
    assert step.justification.startswith("Wettelijke tekst")


def test_only_the_latest_version_moves_on(editor, jurist, draft):
    actions.submit(version=draft, by_user=editor.user)
    actions.save_version(
        template=draft.template, subject="x", body="Hallo.", change_note="", by_user=editor.user
    )
    with pytest.raises(ValidationError) as caught:
        actions.legal_decision(version=draft, approve=True, comment="", by_user=jurist.user)
    assert "nieuwere versie" in caught.value.messages[0]


def test_nobody_approves_their_own_text_legally(office, editor):
    both = factories.make_staff("Briefredacteur", offices=[office], first_name="Dubbel")
    both.roles.add(factories.role("Juridisch controleur"))
    version = write(both)
    actions.submit(version=version, by_user=both.user)
    with pytest.raises(ValidationError):
        actions.legal_decision(version=version, approve=True, comment="", by_user=both.user)


def test_the_editor_can_send_back_after_reader_comments(editor, jurist, reader, draft):
    to_reader_review(draft, editor=editor, jurist=jurist)
    with pytest.raises(ValidationError):
        actions.send_back(version=draft, comment="", by_user=editor.user)
    actions.send_back(version=draft, comment="Lezers vinden het te lang.", by_user=editor.user)
    assert state_of(draft) == State.DRAFT
