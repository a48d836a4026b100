"""Panel members without an e-mail address: sampled like everyone, invited by a letter with a
personal code through the notification service, and answering on paper (typed in by staff) or
at an office tablet. A refused code writes nothing; a paper answer counts like an online one."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from maatwerk.audit.models import AuditEntry
from maatwerk.core.kiosk import MAX_UNLOCK_TRIES
from maatwerk.notifications.models import Notification
from maatwerk.panel import actions, paper, queries, tasks
from maatwerk.panel.models import PAPER_CODE_ALPHABET, Invitation, PaperCode
from maatwerk.surveys.models import Response
from maatwerk.surveys.tests.helpers import build_survey
from maatwerk.timeline.models import TimelineEvent

from .helpers import make_members, make_plan

pytestmark = pytest.mark.django_db

BORN = dt.date(1980, 5, 17)


@pytest.fixture
def survey(researcher):
    return build_survey(researcher.user, title="Uw ervaring met het werkplein")


def _answers(survey):
    """The survey's first-page answers, keyed by the codes the survey gave its questions."""
    codes = {q.kind: q.code for q in survey.questions.filter(page__order=1)}
    return {codes["scale5"]: 4, codes["single"]: "telefoon", codes["yes_no"]: "nee"}


def _sent(researcher, adviser, survey, *, with_email=2, without_email=1, **options):
    make_members(with_email, adviser=adviser)
    paper_members = make_members(without_email, adviser=adviser, email="", first_name="Piet")
    plan = make_plan(researcher, survey, target=with_email + without_email, **options)
    plan = actions.confirm_plan(plan=plan, user=researcher.user)
    tasks.run_invitations(plan.pk)
    plan.refresh_from_db()
    return plan, paper_members


@pytest.fixture
def sent(researcher, adviser, survey, no_worker):
    return _sent(researcher, adviser, survey)


def _code_of(client) -> PaperCode:
    return PaperCode.objects.get(invitation__client=client)


def test_a_member_without_email_gets_a_letter_with_a_code(sent, researcher):
    plan, (member,) = sent
    code = _code_of(member)
    assert len(code.code) == 8 and set(code.code) <= set(PAPER_CODE_ALPHABET)
    assert code.invitation.status == Invitation.Status.SENT
    letter = Notification.objects.get(client=member, kind="panel.invitation")
    assert letter.kind == "panel.invitation"
    assert letter.channel == Notification.Channel.LETTER
    assert paper.printed(code.code) in letter.text
    assert "Hoe tevreden bent u?" in letter.text  # the questions are printed with it
    # In the staff print queue and in the member's "Mijn brieven".
    from maatwerk.notifications import queries as notification_queries

    assert letter in notification_queries.print_queue(member.__class__.objects.all())
    assert letter.subject in [
        item.subject for item in notification_queries.letters_for_portal(member)
    ]
    # Members with e-mail got e-mails, not letters.
    assert plan.outbox.count() == 2
    assert Notification.objects.filter(kind="panel.invitation").count() == 1


def test_dispatch_run_again_makes_no_second_letter_or_code(sent):
    plan, (member,) = sent
    tasks.run_invitations(plan.pk)
    assert PaperCode.objects.count() == 1
    assert Notification.objects.filter(client=member, kind="panel.invitation").count() == 1


def test_codes_are_unique_and_one_per_invitation(sent, researcher, adviser):
    plan, (member,) = sent
    code = _code_of(member)
    other = make_members(1, adviser=adviser, email="")[0]
    invitation = Invitation.objects.create(plan=plan, client=other, stratum="all")
    with pytest.raises(IntegrityError), transaction.atomic():
        PaperCode.objects.create(invitation=invitation, code=code.code)
    with pytest.raises(IntegrityError), transaction.atomic():
        PaperCode.objects.create(invitation=code.invitation, code="ACDEFGHJ")
    with pytest.raises(IntegrityError), transaction.atomic():
        PaperCode.objects.create(invitation=invitation, code="ACD")


def test_staff_enter_paper_answers_marked_as_entered_on_paper(sent, researcher, survey):
    plan, (member,) = sent
    code = _code_of(member)
    actions.answer_with_code(
        plan=plan,
        code=code.code.lower()[:4] + "-" + code.code[4:],  # as typed: lower case, a dash
        born=BORN,
        answers=_answers(survey),
        by_user=researcher.user,
        via="paper",
    )
    code.refresh_from_db()
    assert code.used_at is not None
    assert (code.used_via, code.used_by) == ("paper", researcher)
    response = Response.objects.get(client=member, survey=survey)
    assert response.completed_at is not None
    assert (response.entered_via, response.entered_by) == ("paper", researcher)
    assert Invitation.objects.get(pk=code.invitation_id).answered_at is not None
    event = TimelineEvent.objects.get(kind="panel.answered_on_paper", client=member)
    assert event.data == {"survey": survey.title}
    assert AuditEntry.objects.filter(action="panel.paper_code_used").count() == 1


def _refused(plan, researcher, survey, code, born=BORN, via="paper"):
    with pytest.raises(ValidationError) as refused:
        actions.answer_with_code(
            plan=plan,
            code=code,
            born=born,
            answers=_answers(survey),
            by_user=researcher.user,
            via=via,
        )
    return refused.value.message_dict


def _nothing_written(member=None):
    assert not Response.objects.filter(completed_at__isnull=False).exists()
    assert not PaperCode.objects.filter(used_at__isnull=False).exists()
    assert not AuditEntry.objects.filter(action="panel.paper_code_used").exists()


def test_a_code_used_twice_is_refused(sent, researcher, survey):
    plan, (member,) = sent
    code = _code_of(member).code
    actions.answer_with_code(
        plan=plan,
        code=code,
        born=BORN,
        answers=_answers(survey),
        by_user=researcher.user,
        via="paper",
    )
    errors = _refused(plan, researcher, survey, code, via="tablet")
    assert errors == {paper.CODE: ["Deze code is al gebruikt. De antwoorden zijn al binnen."]}
    assert Response.objects.filter(client=member).count() == 1
    assert AuditEntry.objects.filter(action="panel.paper_code_used").count() == 1


def test_an_unknown_code_is_refused_and_writes_nothing(sent, researcher, survey):
    plan, _members = sent
    for typed in ("ACDEFGHJ", "abc", "00000000", ""):
        errors = _refused(plan, researcher, survey, typed)
        assert "kennen we niet" in errors[paper.CODE][0]
    _nothing_written()


def test_a_code_of_another_member_is_refused(sent, researcher, survey):
    plan, (member,) = sent
    errors = _refused(plan, researcher, survey, _code_of(member).code, born=dt.date(1990, 1, 2))
    assert "hoort bij een ander panellid" in errors[paper.BORN][0]
    _nothing_written()


def test_a_code_of_another_panel_round_is_refused(sent, researcher, adviser, survey, no_worker):
    plan, (member,) = sent
    other_survey = build_survey(researcher.user, title="Tweede ronde")
    other_plan = make_plan(
        researcher,
        other_survey,
        target=1,
        rules_exception=True,
        exception_reason="Tweede ronde voor de test, direct erna.",
    )
    errors = _refused(
        actions.confirm_plan(plan=other_plan, user=researcher.user),
        researcher,
        other_survey,
        _code_of(member).code,
    )
    assert "hoort bij een ander panelonderzoek" in errors[paper.CODE][0]
    _nothing_written()


def test_a_closed_round_is_refused(sent, researcher, survey):
    plan, (member,) = sent
    plan.expires_at = timezone.now() - dt.timedelta(minutes=1)
    plan.save(update_fields=["expires_at"])
    errors = _refused(plan, researcher, survey, _code_of(member).code)
    assert "gesloten" in errors[paper.CODE][0]
    _nothing_written()


def test_missing_answers_write_nothing(sent, researcher, survey):
    plan, (member,) = sent
    with pytest.raises(ValidationError):
        actions.answer_with_code(
            plan=plan,
            code=_code_of(member).code,
            born=BORN,
            answers={},
            by_user=researcher.user,
            via="paper",
        )
    _nothing_written()
    assert not Response.objects.exists()


def test_a_paper_answer_counts_like_an_online_one(researcher, adviser, survey, no_worker):
    """Response rates go through disclosure control the same way for both channels."""
    plan, paper_members = _sent(
        researcher, adviser, survey, with_email=0, without_email=12, strata=()
    )
    for member in paper_members[:10]:
        actions.answer_with_code(
            plan=plan,
            code=_code_of(member).code,
            born=BORN,
            answers=_answers(survey),
            by_user=researcher.user,
            via="paper",
        )
    _rows, total = queries.response_rates(plan)
    assert total["invited"] == 12
    assert total["answered"] == 10 and total["rate"] == 83
    # One answer fewer would be below the disclosure step: shown in steps like any response.
    from maatwerk.core import disclosure

    assert total["answered"] == disclosure.step(10)


# --- pages -------------------------------------------------------------------------------------


def _form(survey, code, born="17-05-1980"):
    typed = {name: str(value) for name, value in _answers(survey).items()}
    return {paper.CODE: code, paper.BORN: born} | typed


def test_staff_page_takes_paper_answers_and_refuses_a_second_use(sent, researcher, survey, login):
    plan, (member,) = sent
    code = _code_of(member).code
    browser = login(researcher.user)
    url = reverse("panel:paper_answers", args=[plan.pk])
    assert browser.get(url).status_code == 200
    response = browser.post(url, _form(survey, code))
    assert response.status_code == 302
    again = browser.post(url, _form(survey, code))
    assert again.status_code == 200
    assert "Deze code is al gebruikt" in again.content.decode()
    assert Response.objects.filter(client=member).count() == 1


def test_staff_page_shows_a_bad_date_next_to_the_field(sent, researcher, survey, login):
    plan, (member,) = sent
    browser = login(researcher.user)
    url = reverse("panel:paper_answers", args=[plan.pk])
    page = browser.post(url, _form(survey, _code_of(member).code, born="31-02-1980"))
    assert page.status_code == 200
    assert "dag-maand-jaar" in page.content.decode()
    _nothing_written()


def test_the_tablet_keeps_the_member_on_the_questions_until_staff_leave(
    sent, researcher, survey, login
):
    plan, (member,) = sent
    researcher.user.set_password("Tablet-terug-2026")
    researcher.user.save()
    browser = login(researcher.user)
    assert browser.post(reverse("panel:kiosk_open", args=[plan.pk])).status_code == 302
    page = browser.get(reverse("panel:kiosk"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Hoofdmenu" not in html and "Uitloggen" not in html
    # Any other page, log-out included, leads back to the tablet.
    for url in (reverse("panel:plans"), reverse("core:home"), reverse("accounts:logout")):
        assert browser.get(url)["Location"] == reverse("panel:kiosk")
    assert browser.post(reverse("accounts:logout"))["Location"] == reverse("panel:kiosk")
    done = browser.post(reverse("panel:kiosk"), _form(survey, _code_of(member).code))
    assert done.status_code == 200 and "Dank u wel" in done.content.decode()
    response = Response.objects.get(client=member)
    assert response.entered_via == "tablet"
    assert TimelineEvent.objects.filter(kind="panel.answered_at_tablet").count() == 1
    # Leaving needs the password of the staff member who opened it.
    leave = reverse("panel:kiosk_leave")
    wrong = browser.post(leave, {"password": "niet-het-wachtwoord"})
    assert wrong.status_code == 200 and "klopt niet" in wrong.content.decode()
    assert browser.get(reverse("panel:plans"))["Location"] == reverse("panel:kiosk")
    left = browser.post(leave, {"password": "Tablet-terug-2026"})
    assert left["Location"] == reverse("panel:plan", args=[plan.pk])
    assert browser.get(reverse("panel:plans")).status_code == 200


def test_guessing_the_password_logs_the_panel_tablet_out(sent, researcher, login):
    """The panel tablet shares the interview tablet's lock (core.kiosk): five wrong tries."""
    plan, _members = sent
    browser = login(researcher.user)
    browser.post(reverse("panel:kiosk_open", args=[plan.pk]))
    leave = reverse("panel:kiosk_leave")
    for _ in range(MAX_UNLOCK_TRIES - 1):
        assert browser.post(leave, {"password": "raden"}).status_code == 200
    assert browser.post(leave, {"password": "raden"})["Location"] == reverse("accounts:login")
    assert browser.get(reverse("panel:plans"))["Location"].startswith(reverse("accounts:login"))


def test_the_plan_page_shows_the_letters_and_the_sample_without_empty_groups(
    sent, researcher, login
):
    plan, _members = sent
    page = login(researcher.user).get(reverse("panel:plan", args=[plan.pk]))
    html = page.content.decode()
    assert "1 lid kreeg een brief met een persoonlijke code" in html
    assert reverse("panel:paper_answers", args=[plan.pk]) in html


def test_sample_table_leaves_out_groups_without_invitations():
    report = {
        "strata": [
            {"key": "a", "label": "A", "members": 5, "planned": 2},
            {"key": "b", "label": "B", "members": 1, "planned": 0},
            {"key": "c", "label": "C", "members": 2, "planned": 0},
        ]
    }
    table = queries.sample_table(report)
    assert [s["key"] for s in table["shown"]] == ["a"]
    assert (table["hidden_groups"], table["hidden_members"]) == (2, 3)


def test_the_new_plan_form_starts_with_region_only(researcher, login):
    page = login(researcher.user).get(reverse("panel:new"))
    html = page.content.decode()
    assert 'value="region" id="id_strata_0" checked' in html
    assert 'value="age" id="id_strata_1" checked' not in html
    assert 'value="duration" id="id_strata_2" checked' not in html


def test_the_letter_is_in_the_members_language(researcher, adviser, survey, no_worker):
    make_members(1, adviser=adviser, email="", preference={"preferred_language": "en"})
    plan = make_plan(researcher, survey, target=1)
    tasks.run_invitations(actions.confirm_plan(plan=plan, user=researcher.user).pk)
    letter = Notification.objects.get(kind="panel.invitation")
    assert letter.subject.startswith("Client panel invitation: survey about ")
