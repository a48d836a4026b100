"""Shared set-up for the service plan's tests."""

import datetime as dt

from maatwerk.serviceplan.models import ServiceType
from maatwerk.werkverkenner.models import ModelVersion, Questionnaire, Score, Submission


def service(code: str) -> ServiceType:
    return ServiceType.objects.get(code=code)


BASE, TALK, WORKSHOP, ONLINE, NETWORK = (
    "online-basis",
    "persoonlijk-gesprek",
    "workshop-solliciteren",
    "online-training",
    "netwerktraining",
)


def codes(version) -> set[str]:
    return {item.service.code for item in version.items.all()}


def give_band(client, band: str, probability: float = 0.3) -> Score:
    """A Werkverkenner score in a band, written directly: fitting a real model takes seconds and
    the plan only reads the band (through maatwerk.werkverkenner.queries.latest_score)."""
    version, _ = ModelVersion.objects.get_or_create(
        name="plan-test", defaults={"trained_by": "test", "directory": "plan-test"}
    )
    submission = Submission.objects.create(
        client=client,
        questionnaire=Questionnaire.objects.order_by("version").first(),
        submitted_at=dt.datetime(2026, 9, 2, tzinfo=dt.UTC),
    )
    return Score.objects.create(
        client=client,
        submission=submission,
        model_version=version,
        probability=probability,
        band=band,
        cause=Score.Cause.SUBMITTED,
    )
