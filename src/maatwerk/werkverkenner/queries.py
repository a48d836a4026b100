from django.db.models import QuerySet

from .conf import app_settings
from .models import ModelVersion, Questionnaire, Score, Submission, TriageItem


def current_questionnaire() -> Questionnaire | None:
    return Questionnaire.objects.filter(published=True).order_by("-version").first()


def questions_of(questionnaire: Questionnaire):
    return questionnaire.questions.prefetch_related("options").order_by("order")


def active_model() -> ModelVersion | None:
    return ModelVersion.objects.filter(is_active=True).first()


def open_submission(client) -> Submission | None:
    return Submission.objects.filter(client=client, submitted_at__isnull=True).first()


def latest_submitted(client) -> Submission | None:
    return (
        Submission.objects.filter(client=client, submitted_at__isnull=False)
        .order_by("-submitted_at", "-pk")
        .first()
    )


def latest_score(client) -> Score | None:
    return (
        Score.objects.filter(client=client)
        .select_related("model_version")
        .order_by("-created_at", "-pk")
        .first()
    )


def open_item(client) -> TriageItem | None:
    return TriageItem.objects.filter(client=client, status=TriageItem.Status.OPEN).first()


def work_list(clients: QuerySet) -> QuerySet[TriageItem]:
    return (
        TriageItem.objects.filter(status=TriageItem.Status.OPEN, client__in=clients)
        .select_related("client", "score", "score__model_version")
        .order_by("created_at", "pk")
    )


def missing_answers(submission: Submission) -> list:
    return [
        q
        for q in questions_of(submission.questionnaire)
        if not q.optional and q.code not in submission.answers
    ]


def advice_of(item: TriageItem) -> str:
    """What the Werkverkenner advises for an item: invite, unless a newer score is above 50%."""
    if item.source == TriageItem.Source.REQUEST:
        return TriageItem.Status.INVITE
    latest = latest_score(item.client)
    if latest is not None and latest.probability > app_settings.WERKVERKENNER_THRESHOLD:
        return TriageItem.Status.NO_INVITE
    return TriageItem.Status.INVITE
