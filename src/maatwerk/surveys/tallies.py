"""Keeping ``Tally`` rows in step with the answer rows (see models.Tally)."""

from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import Count, F

from .models import Answer, Tally


def _key(answer: Answer) -> tuple:
    return (
        answer.question_id,
        answer.office_id or 0,
        answer.region_id or 0,
        answer.option_id or 0,
        -1 if answer.value is None else answer.value,
        answer.is_primary,
    )


def add(survey_id: int, answers: list[Answer]) -> None:
    """Count newly written answers; call inside the transaction that writes them."""
    for key, n in Counter(_key(a) for a in answers).items():
        question_id, office, region, option, value, primary = key
        fields = {
            "survey_id": survey_id,
            "question_id": question_id,
            "office_key": office,
            "region_key": region,
            "option_key": option,
            "value_key": value,
            "is_primary": primary,
        }
        if Tally.objects.filter(**fields).update(count=F("count") + n):
            continue
        try:
            with transaction.atomic():
                Tally.objects.create(**fields, count=n)
        except IntegrityError:
            # Another completion created the row a moment ago: add to it.
            Tally.objects.filter(**fields).update(count=F("count") + n)


def rebuild(survey_id: int) -> int:
    """Recount a survey's tallies from its answer rows (after a bulk load, or to check)."""
    with transaction.atomic():
        Tally.objects.filter(survey_id=survey_id).delete()
        grouped = (
            Answer.objects.filter(survey_id=survey_id)
            .values_list(
                "question_id", "office_id", "region_id", "option_id", "value", "is_primary"
            )
            .annotate(n=Count("*"))
            .order_by()
        )
        rows = [
            Tally(
                survey_id=survey_id,
                question_id=question_id,
                office_key=office or 0,
                region_key=region or 0,
                option_key=option or 0,
                value_key=-1 if value is None else value,
                is_primary=primary,
                count=n,
            )
            for question_id, office, region, option, value, primary, n in grouped
        ]
        Tally.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
