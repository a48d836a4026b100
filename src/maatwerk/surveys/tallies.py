"""Keeping ``Tally`` rows in step with the answer rows (see models.Tally), and releasing them.

Results read ``released_count``, not ``count``: a (survey, office, region, question) is released
again only once at least ``VOICE_MIN_GROUP_SIZE`` new respondents answered it since its last
release, so results move in steps of at least that many people and reading them before and after
one client completes never shows that client's answers (docs/adr/0028-disclosure-control.md).
Practice accounts are never counted.
"""

from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Sum

from maatwerk.core import disclosure

from .models import Answer, Response, Tally


def _key(answer: Answer) -> tuple:
    return (
        answer.question_id,
        answer.office_id or 0,
        answer.region_id or 0,
        answer.option_id or 0,
        -1 if answer.value is None else answer.value,
        answer.is_primary,
    )


def _is_practice(answers: list[Answer]) -> bool:
    response_ids = {a.response_id for a in answers}
    return Response.objects.filter(pk__in=response_ids, client__is_practice=True).exists()


def add(survey_id: int, answers: list[Answer]) -> None:
    """Count newly written answers; call inside the transaction that writes them."""
    if not answers or _is_practice(answers):
        return
    cells = {(a.office_id or 0, a.region_id or 0) for a in answers}
    question_ids = sorted({a.question_id for a in answers})
    for office, region in sorted(cells):
        # Lock the cell's existing rows in one order (by pk) before counting: a release decides
        # on the rows it holds, and two completions never lock each other crosswise.
        list(
            Tally.objects.select_for_update()
            .filter(
                survey_id=survey_id,
                office_key=office,
                region_key=region,
                question_id__in=question_ids,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    for key, n in sorted(Counter(_key(a) for a in answers).items()):
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
    for office, region in sorted(cells):
        _release(survey_id, office, region, question_ids)


def _release(survey_id: int, office: int, region: int, question_ids) -> None:
    rows = Tally.objects.filter(
        survey_id=survey_id, office_key=office, region_key=region, question_id__in=question_ids
    )
    respondents = (
        rows.filter(is_primary=True)
        .values_list("question_id")
        .annotate(running=Sum("count"), released=Sum("released_count"))
        .order_by()
    )
    due = [
        question_id
        for question_id, running, released in respondents
        if disclosure.release(running, released) != released
    ]
    if due:
        rows.filter(question_id__in=due).update(released_count=F("count"))


def rebuild(survey_id: int) -> int:
    """Recount a survey's tallies from its answer rows (after a bulk load, or to check).

    What was released stays released; a (cell, question) is released again only when the
    recount has at least the minimum of new respondents for it."""
    with transaction.atomic():
        tallies = Tally.objects.filter(survey_id=survey_id)
        before = {
            (q, o, r, opt, v, p): released
            for q, o, r, opt, v, p, released in tallies.values_list(
                "question_id",
                "office_key",
                "region_key",
                "option_key",
                "value_key",
                "is_primary",
                "released_count",
            )
        }
        tallies.delete()
        grouped = (
            Answer.objects.filter(survey_id=survey_id)
            .exclude(response__client__is_practice=True)
            .values_list(
                "question_id", "office_id", "region_id", "option_id", "value", "is_primary"
            )
            .annotate(n=Count("*"))
            .order_by()
        )
        counts = {
            (q, o or 0, r or 0, opt or 0, -1 if v is None else v, p): n
            for q, o, r, opt, v, p, n in grouped
        }
        running, released = Counter(), Counter()
        for (q, o, r, _opt, _v, primary), n in counts.items():
            if primary:
                running[q, o, r] += n
        for (q, o, r, _opt, _v, primary), n in before.items():
            if primary:
                released[q, o, r] += n
        due = {
            group
            for group in running
            if disclosure.release(running[group], released[group]) != released[group]
        }
        rows = [
            Tally(
                survey_id=survey_id,
                question_id=key[0],
                office_key=key[1],
                region_key=key[2],
                option_key=key[3],
                value_key=key[4],
                is_primary=key[5],
                count=n,
                released_count=n if key[:3] in due else min(before.get(key, 0), n),
            )
            for key, n in counts.items()
        ]
        Tally.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
