"""The Werkverkenner through its pages and real actions."""

import itertools
import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.timeline.models import TimelineEvent
from maatwerk.werkverkenner import actions, model_store, scoring
from maatwerk.werkverkenner.demo import fill_in
from maatwerk.werkverkenner.models import (
    Question,
    Questionnaire,
    Score,
    Submission,
    TriageItem,
)
from maatwerk.werkverkenner.queries import current_questionnaire, questions_of

from .helpers import DOING_WELL, NEEDS_HELP, by_page, post_data

pytestmark = pytest.mark.django_db


def test_default_questionnaire_is_installed():
    questionnaire = current_questionnaire()
    assert questionnaire.version == 1 and questionnaire.published
    questions = list(questionnaire.questions.all())
    assert 15 <= len(questions) <= 20
    health = [q for q in questions if q.is_health]
    assert health and all(q.optional for q in health)
    assert {q.code for q in questions if q.from_records} >= {"leeftijd", "werkervaring"}
    assert set(NEEDS_HELP) == {q.code for q in questions}


def test_health_questions_must_be_optional():
    question = Question.objects.filter(is_health=True).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(optional=False)


def _fill_pages(web, answers, url_name="werkverkenner:page", args=()):
    """Post every page of the questionnaire as a browser would."""
    questionnaire = current_questionnaire()
    pages = sorted(set(questionnaire.questions.values_list("page", flat=True)))
    for page in pages:
        codes = questionnaire.questions.filter(page=page).values_list("code", flat=True)
        data = post_data({code: answers[code] for code in codes})
        response = web.post(reverse(url_name, args=[*args, page]), data)
        assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_client_fills_in_skipping_health_and_sees_band_and_factors(
    login, client_record, active_version
):
    web = login(client_record.user)
    assert "vrijwillig" in web.get(reverse("werkverkenner:start")).text
    response = web.post(reverse("werkverkenner:begin"))
    assert response.url == reverse("werkverkenner:page", args=[1])
    page_one = web.get(response.url).text
    assert "Hoe oud bent u?" in page_one
    _fill_pages(web, NEEDS_HELP)
    check = web.get(reverse("werkverkenner:check"))
    assert "Overgeslagen" in check.text
    response = web.post(reverse("werkverkenner:check"))
    assert response.url == reverse("werkverkenner:result")
    result = web.get(response.url).text
    score = Score.objects.get(client=client_record)
    assert score.model_version == active_version
    assert score.cause == Score.Cause.SUBMITTED
    assert "0 tot 25%" in result or "25 tot 50%" in result
    assert f"{round(score.probability * 100)}%" not in result  # never a bare percentage
    assert "Wat u zelf kunt veranderen" in result
    assert "Wat u niet kunt veranderen" in result
    assert "van de 10 keer" in result
    assert "uitkering, uw plichten of maatregelen" in result
    assert "Ik wil een gesprek" not in result  # already on the list: invitation queued
    assert "verzonnen (synthetische) gegevens" in result
    assert score.inputs["skipped"] == ["gezondheid_beperking", "uren_mogelijk"]
    kinds = set(TimelineEvent.objects.filter(client=client_record).values_list("kind", flat=True))
    assert {"werkverkenner.started", "werkverkenner.submitted", "werkverkenner.queued"} <= kinds


def test_stop_and_continue_later(login, client_record, active_version):
    web = login(client_record.user)
    web.post(reverse("werkverkenner:begin"))
    codes = current_questionnaire().questions.filter(page=1).values_list("code", flat=True)
    data = post_data({code: DOING_WELL[code] for code in codes}) | {"stoppen": "1"}
    response = web.post(reverse("werkverkenner:page", args=[1]), data)
    assert response.url == reverse("werkverkenner:start")
    submission = Submission.objects.get(client=client_record)
    assert submission.answers["sector"] == "zorg" and submission.pages_done == 1
    assert "Verdergaan waar ik gebleven was" in web.get(reverse("werkverkenner:start")).text
    response = web.post(reverse("werkverkenner:begin"))
    assert response.url == reverse("werkverkenner:page", args=[2])
    assert Submission.objects.filter(client=client_record).count() == 1


def test_skipping_health_never_lowers_the_chance_of_help(client_record, active_version):
    """The skipped score equals the lowest score over every possible health answer."""
    model = model_store.load(active_version)
    questions = list(questions_of(current_questionnaire()))
    health = [q for q in questions if q.is_health]
    for base in (NEEDS_HELP, DOING_WELL):
        skipped = scoring.score(model, questions, {**base, **{q.code: None for q in health}})
        explicit = []
        for combo in itertools.product(*[[o.code for o in q.options.all()] for q in health]):
            answers = {**base, **{q.code: c for q, c in zip(health, combo, strict=True)}}
            explicit.append(scoring.score(model, questions, answers).probability)
        assert skipped.probability == pytest.approx(min(explicit))
        assert all(skipped.probability <= p + 1e-12 for p in explicit)


def test_out_of_range_and_forged_answers_get_a_dutch_error(login, client_record, active_version):
    web = login(client_record.user)
    web.post(reverse("werkverkenner:begin"))
    page_one = {c: DOING_WELL[c] for c in ("leeftijd", "sector", "opleiding", "eerdere-uitkering")}
    for bad, message in [
        ({"werkervaring": "51"}, "Vul een getal in van 0 tot 50."),
        ({"werkervaring": "-1"}, "Vul een getal in van 0 tot 50."),
        ({"werkervaring": "veel"}, "Vul een getal in van 0 tot 50."),
        ({"werkervaring": "1e308"}, "Vul een getal in van 0 tot 50."),
        ({"werkervaring": "3", "sector": "maan"}, "Kies een van de antwoorden hieronder."),
        ({"werkervaring": "3", "leeftijd": "overslaan"}, "Kies een van de antwoorden hieronder."),
    ]:
        response = web.post(reverse("werkverkenner:page", args=[1]), page_one | bad)
        assert response.status_code == 200
        assert message in response.text
    assert Submission.objects.get(client=client_record).answers == {}
    assert web.get(reverse("werkverkenner:page", args=[99])).status_code == 404


def test_submit_refuses_when_questions_are_missing(login, client_record, active_version):
    web = login(client_record.user)
    web.post(reverse("werkverkenner:begin"))
    response = web.post(reverse("werkverkenner:check"), follow=True)
    assert "Beantwoord eerst alle vragen" in response.text
    assert not Score.objects.exists()


def test_correction_rescores_and_keeps_the_old_score(login, client_record, active_version):
    fill_in(client_record, dict(DOING_WELL), user=client_record.user)
    web = login(client_record.user)
    first = Score.objects.get(client=client_record)
    codes = current_questionnaire().questions.filter(page=2).values_list("code", flat=True)
    changed = {code: NEEDS_HELP[code] for code in codes}
    response = web.post(reverse("werkverkenner:page", args=[2]), post_data(changed))
    assert response.url == reverse("werkverkenner:result")
    scores = list(Score.objects.filter(client=client_record).order_by("pk"))
    assert len(scores) == 2 and scores[0] == first
    assert scores[1].cause == Score.Cause.CORRECTED
    assert scores[1].probability < first.probability
    assert scores[0].inputs["answers"]["verwachting"] == "groot"
    assert scores[1].inputs["answers"]["verwachting"] == "heel-klein"
    entry = AuditEntry.objects.get(action="werkverkenner.corrected")
    assert entry.data["changes"]["verwachting"] == {"van": "groot", "naar": "heel-klein"}
    assert TimelineEvent.objects.filter(client=client_record, kind="werkverkenner.corrected")


def test_threshold_invitation(active_version, adviser):
    low = factories.make_client(contact_person=adviser)
    high = factories.make_client(contact_person=adviser)
    low_score = fill_in(low, dict(NEEDS_HELP))
    high_score = fill_in(high, dict(DOING_WELL))
    assert low_score.probability <= 0.5 < high_score.probability
    item = TriageItem.objects.get(client=low)
    assert item.source == TriageItem.Source.SCORE and item.score == low_score
    assert not TriageItem.objects.filter(client=high).exists()


def test_one_open_triage_item_per_client(client_record, active_version):
    fill_in(client_record, dict(NEEDS_HELP))
    assert actions.request_conversation(client=client_record, user=client_record.user) is None
    assert TriageItem.objects.filter(client=client_record).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        TriageItem.objects.create(client=client_record, source=TriageItem.Source.REQUEST)


def test_client_asks_for_a_conversation(login, client_record, active_version):
    web = login(client_record.user)
    response = web.post(reverse("werkverkenner:request"), follow=True)
    assert "Uw adviseur neemt contact met u op" in response.text
    item = TriageItem.objects.get(client=client_record)
    assert item.source == TriageItem.Source.REQUEST
    assert TimelineEvent.objects.get(
        client=client_record, kind="werkverkenner.conversation_requested"
    ).visible_to_client


def test_adviser_decides_with_a_mandatory_reason(login, client_record, adviser, active_version):
    fill_in(client_record, dict(NEEDS_HELP))
    item = TriageItem.objects.get(client=client_record)
    web = login(adviser.user)
    worklist = web.get(reverse("werkverkenner:worklist")).text
    assert client_record.full_name in worklist
    page = web.get(reverse("werkverkenner:item", args=[item.pk])).text
    assert "Overgeslagen" in page
    # An adviser reads a band name and a plain range, and effects in words: no bare percentage,
    # no log-odds, no model name (that stays on the model pages).
    assert (
        "kleine kans (0 tot 25%)" in page.lower() or "redelijke kans (25 tot 50%)" in page.lower()
    )
    score = Score.objects.get(client=client_record)
    assert f"{round(score.probability * 100)}%" not in page
    assert "verlaagt de kans" in page or "verhoogt de kans" in page
    assert not re.search(r"\(\w[\w-]*, -?\d+,\d\d\)", page)
    assert score.model_version.name not in page and "model:" not in page
    response = web.post(reverse("werkverkenner:item", args=[item.pk]), {"decision": "invite"})
    assert response.status_code == 200
    assert "Schrijf waarom je dit besluit." in response.text
    response = web.post(
        reverse("werkverkenner:item", args=[item.pk]), {"decision": "invite", "reason": "kort"}
    )
    assert "minstens 10 tekens" in response.text
    item.refresh_from_db()
    assert item.status == TriageItem.Status.OPEN
    response = web.post(
        reverse("werkverkenner:item", args=[item.pk]),
        {"decision": "invite", "reason": "Weinig sollicitaties, wil graag hulp."},
    )
    assert response.url == reverse("werkverkenner:worklist")
    item.refresh_from_db()
    assert item.status == TriageItem.Status.INVITE and item.decided_by == adviser
    assert not item.overrides_advice
    invited = TimelineEvent.objects.get(client=client_record, kind="werkverkenner.invited")
    assert invited.visible_to_client and invited.actor_staff == adviser
    assert "nodigt u uit" in invited.summary
    reason = TimelineEvent.objects.get(client=client_record, kind="werkverkenner.decision_reason")
    assert not reason.visible_to_client and "Weinig sollicitaties" in reason.summary
    assert AuditEntry.objects.get(action="werkverkenner.decided").reason.startswith("Weinig")
    assert client_record.full_name not in web.get(reverse("werkverkenner:worklist")).text


def test_not_inviting_against_the_advice_is_an_override(client_record, adviser, active_version):
    fill_in(client_record, dict(NEEDS_HELP))
    item = TriageItem.objects.get(client=client_record)
    actions.decide(
        item=item, decision="no_invite", reason="Heeft al een baan gevonden.", user=adviser.user
    )
    item.refresh_from_db()
    assert item.overrides_advice
    assert AuditEntry.objects.filter(action="werkverkenner.override").exists()
    reason = TimelineEvent.objects.get(client=client_record, kind="werkverkenner.decision_reason")
    assert "wijkt af" in reason.summary
    with pytest.raises(Exception, match="al besloten"):
        actions.decide(
            item=item, decision="invite", reason="Toch maar wel doen.", user=adviser.user
        )


def test_someone_elses_client_is_refused(login, client_record, other_adviser, active_version):
    fill_in(client_record, dict(NEEDS_HELP))
    item = TriageItem.objects.get(client=client_record)
    web = login(other_adviser.user)
    assert client_record.full_name not in web.get(reverse("werkverkenner:worklist")).text
    assert web.get(reverse("werkverkenner:item", args=[item.pk])).status_code == 403
    response = web.post(
        reverse("werkverkenner:item", args=[item.pk]),
        {"decision": "invite", "reason": "Ik probeer het toch."},
    )
    assert response.status_code == 403
    response = web.get(reverse("werkverkenner:staff_start", args=[client_record.pk]))
    assert response.url == reverse("clients:access_reason", args=[client_record.pk])
    item.refresh_from_db()
    assert item.status == TriageItem.Status.OPEN


def test_adviser_fills_in_with_a_client(login, adviser, active_version):
    offline = factories.make_client(contact_person=adviser, uses_digital_channels=False)
    web = login(adviser.user)
    assert "samen met" in web.get(reverse("werkverkenner:staff_start", args=[offline.pk])).text
    response = web.post(reverse("werkverkenner:staff_begin", args=[offline.pk]))
    assert response.url == reverse("werkverkenner:staff_page", args=[offline.pk, 1])
    _fill_pages(web, NEEDS_HELP, "werkverkenner:staff_page", args=[offline.pk])
    response = web.post(reverse("werkverkenner:staff_check", args=[offline.pk]))
    assert response.url == reverse("werkverkenner:staff_result", args=[offline.pk])
    assert "Kans op werk binnen een jaar" in web.get(response.url).text
    submission = Submission.objects.get(client=offline)
    assert submission.filled_in_by == adviser
    event = TimelineEvent.objects.get(client=offline, kind="werkverkenner.submitted")
    assert event.actor_staff == adviser and "samen met" in event.summary


def test_tampered_model_is_refused_and_nothing_breaks(login, client_record, active_version):
    directory = model_store.path_of(active_version)
    victim = next(p for p in sorted(directory.rglob("*")) if p.is_file() and p.suffix == ".json")
    victim.write_text(victim.read_text().replace("0", "1", 1))
    model_store.forget()
    with pytest.raises(model_store.ModelUnavailable, match="veranderd of beschadigd"):
        actions.activate_model(version=active_version, user=None)
    score = fill_in(client_record, dict(DOING_WELL))
    assert score is None
    item = TriageItem.objects.get(client=client_record)
    assert item.source == TriageItem.Source.NO_SCORE  # no score: the adviser looks anyway
    assert AuditEntry.objects.filter(action="werkverkenner.score_failed").exists()
    result = login(client_record.user).get(reverse("werkverkenner:result"))
    assert result.status_code == 200 and "kunnen wij nu niet berekenen" in result.text


def test_without_an_active_model_answers_are_kept(client_record):
    assert fill_in(client_record, dict(DOING_WELL)) is None
    assert Submission.objects.get(client=client_record).submitted_at is not None
    assert TriageItem.objects.get(client=client_record).source == TriageItem.Source.NO_SCORE


def test_every_score_records_its_version(client_record, active_version):
    fill_in(client_record, dict(NEEDS_HELP))
    assert Score.objects.get().model_version_id == active_version.pk
    assert Questionnaire.objects.count() == 1


def test_page_answers_are_the_stored_codes(client_record, active_version):
    submission = actions.start(client=client_record, user=client_record.user)
    for page, answers in by_page(submission, NEEDS_HELP).items():
        actions.save_page(submission=submission, page=page, answers=answers, user=None)
    submission.refresh_from_db()
    assert submission.answers == NEEDS_HELP


def test_the_result_page_names_the_configured_threshold(
    login, client_record, active_version, settings
):
    settings.WERKVERKENNER_THRESHOLD = 0.4
    web = login(client_record.user)
    web.post(reverse("werkverkenner:begin"))
    _fill_pages(web, DOING_WELL)
    web.post(reverse("werkverkenner:check"))
    result = web.get(reverse("werkverkenner:result")).text
    assert "Is uw kans 40% of lager" in result
    assert "50% of lager" not in result
