"""Reads other apps and several views use."""

from django.db.models import QuerySet
from django.utils import timezone

from maatwerk.core import disclosure

from .models import ContactQuestion, Response, Survey


def published_surveys() -> QuerySet[Survey]:
    """Client surveys that can be answered now (not interviews or after-contact questions)."""
    return Survey.objects.filter(status=Survey.Status.PUBLISHED, kind=Survey.Kind.SURVEY).order_by(
        "-published_at", "-pk"
    )


def respondent_client_ids(survey: Survey) -> set[int]:
    """Ids of the clients who completed this survey; practice accounts never count."""
    return set(
        Response.objects.filter(survey=survey, client__isnull=False, completed_at__isnull=False)
        .exclude(client__is_practice=True)
        .values_list("client_id", flat=True)
    )


def pending_contact_questions(client) -> QuerySet[ContactQuestion]:
    """Short questions after a contact the client can still answer."""
    return (
        ContactQuestion.objects.filter(
            client=client,
            answered_at__isnull=True,
            expires_at__gt=timezone.now(),
            survey__status=Survey.Status.PUBLISHED,
        )
        .select_related("survey", "staff", "event")
        .order_by("-created_at")
    )


def min_group_size() -> int:
    """The smallest group an aggregate may describe (``maatwerk.core.disclosure``)."""
    return disclosure.min_group_size()
