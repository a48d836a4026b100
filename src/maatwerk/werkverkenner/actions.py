"""Every write of the Werkverkenner, each in one transaction with its timeline event and/or
audit row."""

import re
import shutil
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from maatwerk.access.rules import require, staff_of
from maatwerk.audit import actions as audit
from maatwerk.audit.values import actor_label_for
from maatwerk.core import source_text
from maatwerk.timeline.actions import Actor, record_event

from . import model_store, queries, rules, scoring, values
from .conf import app_settings
from .models import BatchRun, ModelVersion, Score, Submission, TriageItem
from .queries import current_questionnaire, open_item, questions_of

MIN_REASON_LENGTH = 10


def _actor(user, client) -> Actor:
    staff = staff_of(user)
    if staff is not None and not (client.is_practice and client.practice_owner_id == staff.pk):
        return Actor.of_staff(staff)
    return Actor.client()


def _together(submission) -> str | dict:
    staff = submission.filled_in_by
    if staff is None:
        return ""
    return source_text.text_value(
        gettext_noop(" samen met %(name)s (%(job_title)s)"),
        name=staff.full_name,
        job_title=staff.job_title,
    )


# --- answering ---------------------------------------------------------------------------------


def start(*, client, user) -> Submission:
    """The client's open submission, or a new one on the current questionnaire."""
    questionnaire = current_questionnaire()
    if questionnaire is None:
        raise ValidationError(_("Er is nog geen vragenlijst gepubliceerd."))
    staff = staff_of(user)
    filled_in_by = staff if staff is not None and not client.is_practice else None
    with transaction.atomic():
        existing = Submission.objects.select_for_update().filter(
            client=client, submitted_at__isnull=True
        )
        submission = existing.first()
        if submission is not None:
            if filled_in_by is not None and submission.filled_in_by_id is None:
                submission.filled_in_by = filled_in_by
                submission.save(update_fields=["filled_in_by"])
            return submission
        submission = Submission.objects.create(
            client=client, questionnaire=questionnaire, filled_in_by=filled_in_by
        )
        record_event(
            client,
            "werkverkenner.started",
            _actor(user, client),
            {"together": _together(submission)},
            about=submission,
        )
        audit.log("werkverkenner.started", user=user, client=client, about=submission)
    return submission


def save_page(*, submission: Submission, page: int, answers: dict, user) -> Submission:
    """Save one page's answers (already validated by the page form)."""
    if submission.submitted_at is not None:
        raise ValidationError(_("Deze Werkverkenner is al ingediend. Verander een antwoord."))
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        locked.answers = {**locked.answers, **answers}
        locked.pages_done = max(locked.pages_done, page)
        locked.updated_at = timezone.now()
        staff = staff_of(user)
        if staff is not None and not locked.client.is_practice and locked.filled_in_by is None:
            locked.filled_in_by = staff
        locked.save(update_fields=["answers", "pages_done", "updated_at", "filled_in_by"])
        audit.log(
            "werkverkenner.page_saved",
            user=user,
            client=locked.client,
            about=locked,
            data={"page": page, "questions": sorted(answers)},
        )
    return locked


def _outcome(submission: Submission, version: ModelVersion) -> scoring.Outcome:
    model = model_store.load(version)
    return scoring.score(model, questions_of(submission.questionnaire), submission.answers)


def _score_and_queue(submission, *, cause, version, user) -> Score | None:
    """Inside a transaction: a new Score with the active model, and an invitation when due."""
    client = submission.client
    score = None
    if version is not None:
        try:
            outcome = _outcome(submission, version)
        except model_store.ModelUnavailable as error:
            audit.log(
                "werkverkenner.score_failed",
                user=user,
                client=client,
                about=submission,
                data={"model_version": version.pk, "error": str(error)[:500]},
            )
        else:
            score = Score.objects.create(
                client=client,
                submission=submission,
                model_version=version,
                probability=outcome.probability,
                band=outcome.band,
                explanation=outcome.explanation,
                inputs=outcome.inputs,
                cause=cause,
            )
    if score is None:
        _queue(client, source=TriageItem.Source.NO_SCORE, submission=submission, user=user)
    elif score.probability <= app_settings.WERKVERKENNER_THRESHOLD:
        already = TriageItem.objects.filter(
            submission=submission, source=TriageItem.Source.SCORE
        ).exists()
        if not already:
            _queue(
                client,
                source=TriageItem.Source.SCORE,
                submission=submission,
                score=score,
                user=user,
            )
    return score


def _queue(client, *, source, user, submission=None, score=None) -> TriageItem | None:
    """Put an invitation on the work list; at most one open item per client."""
    if open_item(client) is not None:
        return None
    try:
        with transaction.atomic():
            item = TriageItem.objects.create(
                client=client, source=source, submission=submission, score=score
            )
    except IntegrityError:
        return None  # another request queued one at the same moment
    record_event(
        client,
        "werkverkenner.queued",
        Actor.system(),
        {"source": source_text.source(TriageItem.Source(source).label)},
        about=item,
    )
    audit.log(
        "werkverkenner.queued",
        user=user,
        client=client,
        about=item,
        data={"source": source, "score": score.pk if score else None},
    )
    return item


def submit(*, submission: Submission, user) -> Score | None:
    """Hand in the answers: score with the active model and queue an invitation when due."""
    from .queries import active_model

    missing = queries.missing_answers(submission)
    if missing:
        raise ValidationError(
            _("Beantwoord eerst alle vragen. Nog open: %(questions)s")
            % {"questions": ", ".join(q.text for q in missing)}
        )
    version = active_model()
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if locked.submitted_at is not None:
            raise ValidationError(_("Deze Werkverkenner is al ingediend."))
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["submitted_at"])
        score = _score_and_queue(locked, cause=Score.Cause.SUBMITTED, version=version, user=user)
        record_event(
            locked.client,
            "werkverkenner.submitted",
            _actor(user, locked.client),
            {"together": _together(locked)},
            about=locked,
        )
        audit.log(
            "werkverkenner.submitted",
            user=user,
            client=locked.client,
            about=locked,
            data={
                "model_version": version.pk if version else None,
                "score": score.pk if score else None,
                "band": score.band if score else None,
            },
        )
    return score


def correct(*, submission: Submission, answers: dict, user) -> Score | None:
    """Change answers after submitting: rescore (a new Score; the old one stays)."""
    from .queries import active_model

    if submission.submitted_at is None:
        raise ValidationError(_("Deze Werkverkenner is nog niet ingediend."))
    version = active_model()
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        changes = {
            code: {"van": locked.answers.get(code), "naar": value}
            for code, value in answers.items()
            if locked.answers.get(code) != value
        }
        if not changes:
            return None
        locked.answers = {**locked.answers, **answers}
        locked.updated_at = timezone.now()
        locked.save(update_fields=["answers", "updated_at"])
        score = _score_and_queue(locked, cause=Score.Cause.CORRECTED, version=version, user=user)
        record_event(locked.client, "werkverkenner.corrected", _actor(user, locked.client), {})
        audit.log(
            "werkverkenner.corrected",
            user=user,
            client=locked.client,
            about=locked,
            data={"changes": changes, "score": score.pk if score else None},
        )
    return score


def request_conversation(*, client, user) -> TriageItem | None:
    """'Ik wil een gesprek': an item on the adviser's work list (unless one is open)."""
    with transaction.atomic():
        item = _queue(client, source=TriageItem.Source.REQUEST, user=user)
        record_event(client, "werkverkenner.conversation_requested", _actor(user, client), {})
        audit.log("werkverkenner.conversation_requested", user=user, client=client)
    return item


# --- the adviser decides -----------------------------------------------------------------------


def decide(*, item: TriageItem, decision: str, reason: str, user) -> TriageItem:
    staff = staff_of(user)
    reason = (reason or "").strip()
    errors = {}
    if decision not in {TriageItem.Status.INVITE, TriageItem.Status.NO_INVITE}:
        errors["decision"] = _("Kies: uitnodigen of niet uitnodigen.")
    if len(reason) < MIN_REASON_LENGTH:
        errors["reason"] = _("Schrijf in minstens 10 tekens waarom je dit besluit.")
    if staff is None:
        errors["decision"] = _("Alleen een medewerker kan besluiten.")
    if errors:
        raise ValidationError(errors)
    require(rules.may_triage, user, item)
    with transaction.atomic():
        locked = TriageItem.objects.select_for_update().select_related("client").get(pk=item.pk)
        if locked.status != TriageItem.Status.OPEN:
            raise ValidationError(_("Over deze uitnodiging is al besloten."))
        advice = queries.advice_of(locked)
        locked.status = decision
        locked.reason = reason
        locked.decided_at = timezone.now()
        locked.decided_by = staff
        locked.overrides_advice = decision != advice
        locked.save()
        actor = Actor.of_staff(staff)
        who = {"staff_name": staff.full_name, "job_title": staff.job_title}
        kind = (
            "werkverkenner.invited"
            if decision == TriageItem.Status.INVITE
            else "werkverkenner.not_invited"
        )
        record_event(locked.client, kind, actor, who, about=locked)
        record_event(
            locked.client,
            "werkverkenner.decision_reason",
            actor,
            {
                "decision": source_text.source(TriageItem.Status(decision).label),
                "override": gettext_noop(" (wijkt af van de Werkverkenner)")
                if locked.overrides_advice
                else "",
                "reason": reason,
            },
            about=locked,
        )
        audit.log(
            "werkverkenner.override" if locked.overrides_advice else "werkverkenner.decided",
            user=user,
            client=locked.client,
            about=locked,
            reason=reason,
            data={"decision": decision, "advice": str(advice), "score": locked.score_id},
        )
    return locked


# --- model versions ----------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "model"


def register_model(
    *, source: Path, name: str, user=None, trained_by: str = "", synthetic=False, data=""
) -> ModelVersion:
    """Copy a fitted model directory under the model root and record it (not yet active)."""
    model = model_store.read_model(Path(source))
    api = model_store.profiler_api()
    if ModelVersion.objects.filter(name=name).exists():
        raise ValidationError({"name": _("Er is al een modelversie met deze naam.")})
    directory = f"{timezone.now():%Y%m%d-%H%M%S}-{_slug(name)}"
    target = model_store.model_root() / directory
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, target)
    card = dict(model.card)
    try:
        card_text = api.card_markdown(model)
    except Exception:  # noqa: BLE001 — the card text is a nicety, never a reason to fail
        card_text = ""
    try:
        with transaction.atomic():
            version = ModelVersion.objects.create(
                name=name,
                trained_by=trained_by or actor_label_for(user),
                directory=directory,
                card=_jsonable(card),
                card_text=card_text,
                metrics=values.metrics_from_card(card),
                feature_names=list(model.feature_names),
                synthetic=synthetic,
                data_description=data[:300],
            )
            audit.log(
                "werkverkenner.model_registered",
                user=user,
                about=version,
                data={"name": name, "synthetic": synthetic, "metrics": version.metrics},
            )
    except Exception:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return version


def _jsonable(value):
    import json

    return json.loads(json.dumps(value, default=str))


def check_compatible(version: ModelVersion) -> None:
    questionnaire = current_questionnaire()
    features = (
        set(questionnaire.questions.values_list("feature", flat=True)) if questionnaire else set()
    )
    missing = sorted(set(version.feature_names) - features)
    if missing:
        raise ValidationError(
            _("Dit model gebruikt kenmerken die niet in de vragenlijst staan: %(names)s")
            % {"names": ", ".join(missing)}
        )


def activate_model(*, version: ModelVersion, user) -> ModelVersion:
    """Make this version the one that scores; the previous one stays, inactive."""
    check_compatible(version)
    model_store.read_model(model_store.path_of(version))  # refuses tampered files
    with transaction.atomic():
        previous = ModelVersion.objects.select_for_update().filter(is_active=True).first()
        if previous is not None and previous.pk == version.pk:
            return version
        if previous is not None:
            ModelVersion.objects.filter(pk=previous.pk).update(is_active=False)
        ModelVersion.objects.filter(pk=version.pk).update(
            is_active=True, activated_at=timezone.now()
        )
        audit.log(
            "werkverkenner.model_activated",
            user=user,
            about=version,
            data={"name": version.name, "previous": previous.name if previous else None},
        )
    version.refresh_from_db()
    model_store.forget()
    return version


# --- batch scoring -----------------------------------------------------------------------------


def start_batch(*, user=None, label: str = "", chunk_size: int = 500) -> BatchRun:
    from .queries import active_model

    version = active_model()
    if version is None:
        raise ValidationError(_("Er is geen actief model. Activeer eerst een modelversie."))
    with transaction.atomic():
        run = BatchRun.objects.create(
            model_version=version,
            started_by=label or actor_label_for(user),
            total=_batch_clients().count(),
            chunk_size=chunk_size,
        )
        audit.log(
            "werkverkenner.batch_started",
            user=user,
            about=run,
            data={"model_version": version.pk, "total": run.total},
        )
    return run


def _batch_clients():
    from maatwerk.clients.models import Client

    return (
        Client.objects.real()
        .filter(werkverkenner_submissions__submitted_at__isnull=False)
        .distinct()
        .order_by("pk")
    )


def run_batch_chunk(run: BatchRun) -> bool:
    """Score the next chunk of clients; True when the run is finished. Each chunk commits
    with its progress, so an interrupted run continues after the last committed client."""
    from .queries import latest_submitted

    run.refresh_from_db()
    if run.status in {BatchRun.Status.DONE, BatchRun.Status.FAILED}:
        return True
    version = run.model_version
    try:
        model_store.load(version)
    except model_store.ModelUnavailable as error:
        BatchRun.objects.filter(pk=run.pk).update(
            status=BatchRun.Status.FAILED, error=str(error)[:2000], updated_at=timezone.now()
        )
        return True
    client_ids = list(
        _batch_clients()
        .filter(pk__gt=run.last_client_id)
        .values_list("pk", flat=True)[: run.chunk_size]
    )
    with transaction.atomic():
        locked = BatchRun.objects.select_for_update().get(pk=run.pk)
        if locked.last_client_id != run.last_client_id:
            return False  # another worker did this chunk
        scored = 0
        from maatwerk.clients.models import Client

        for client in Client.objects.filter(pk__in=client_ids).order_by("pk"):
            submission = latest_submitted(client)
            if submission is None:
                continue
            if Score.objects.filter(submission=submission, model_version=version).exists():
                continue
            if _score_and_queue(submission, cause=Score.Cause.BATCH, version=version, user=None):
                scored += 1
        locked.processed = locked.processed + len(client_ids)
        locked.total = max(locked.total, locked.processed)
        locked.scored += scored
        locked.last_client_id = client_ids[-1] if client_ids else locked.last_client_id
        locked.updated_at = timezone.now()
        finished = len(client_ids) < locked.chunk_size
        locked.status = BatchRun.Status.DONE if finished else BatchRun.Status.RUNNING
        if finished:
            locked.finished_at = timezone.now()
            audit.log(
                "werkverkenner.batch_finished",
                about=locked,
                data={"processed": locked.processed, "scored": locked.scored},
            )
        locked.save()
    run.refresh_from_db()
    return finished
