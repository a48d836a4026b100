"""Results of a survey: counts, percentages and means per question, from the running tallies
(one small grouped query; see models.Tally).

The min-group rule: an aggregate that describes fewer than ``VOICE_MIN_GROUP_SIZE`` respondents
(default 10) is never shown, for the whole survey and for every filtered subgroup alike.
"""

from dataclasses import dataclass, field

from django.db.models import Sum

from . import logic
from .models import Answer, Question, Response, Survey, Tally
from .queries import min_group_size


@dataclass
class Line:
    label: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    question: Question
    respondents: int
    suppressed: bool
    lines: list[Line] = field(default_factory=list)
    mean: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class SurveyResult:
    survey: Survey
    respondents: int
    suppressed: bool
    questions: list[QuestionResult]
    min_group: int


def _answers(survey, office=None, region=None):
    rows = Answer.objects.filter(survey=survey)
    if office is not None:
        rows = rows.filter(office=office)
    if region is not None:
        rows = rows.filter(region=region)
    return rows


def summarise(survey: Survey, *, office=None, region=None, with_texts=False) -> SurveyResult:
    minimum = min_group_size()
    structure = logic.load(survey)
    responses = Response.objects.filter(survey=survey, completed_at__isnull=False)
    if office is not None:
        responses = responses.filter(office=office)
    if region is not None:
        responses = responses.filter(region=region)
    total = responses.count()
    # (question, option, value, primary) → count, summed over the running tallies: a few rows
    # per question and office, however many answers there are.
    tallies = Tally.objects.filter(survey=survey)
    if office is not None:
        tallies = tallies.filter(office_key=office.pk)
    if region is not None:
        tallies = tallies.filter(region_key=region.pk)
    grouped = (
        tallies.values_list("question_id", "option_key", "value_key", "is_primary")
        .annotate(n=Sum("count"))
        .order_by()
    )
    per_question: dict[int, list[tuple]] = {}
    for question_id, option_key, value_key, primary, n in grouped:
        option_id = option_key or None
        value = None if value_key == -1 else value_key
        per_question.setdefault(question_id, []).append((option_id, value, primary, n))
    results = [
        _question_result(q, per_question.get(q.pk, []), minimum, total < minimum)
        for q in structure.questions
    ]
    if with_texts and total >= minimum:
        for result in results:
            if result.question.kind == Question.Kind.TEXT and not result.suppressed:
                result.texts = list(
                    _answers(survey, office, region)
                    .filter(question=result.question)
                    .exclude(text="")
                    .order_by("-pk")
                    .values_list("text", flat=True)[:20]
                )
    return SurveyResult(survey, total, total < minimum, results, minimum)


def _question_result(question, rows, minimum, all_suppressed) -> QuestionResult:
    respondents = sum(n for _o, _v, primary, n in rows if primary)
    suppressed = all_suppressed or respondents < minimum
    result = QuestionResult(question, respondents, suppressed)
    if suppressed or question.kind == Question.Kind.TEXT:
        return result

    def percent(n):
        return round(100 * n / respondents, 1) if respondents else 0.0

    if question.has_options:
        counts: dict[int, int] = {}
        for option_id, _v, _p, n in rows:
            counts[option_id] = counts.get(option_id, 0) + n
        result.lines = [
            Line(logic.localised(o, "label"), counts.get(o.pk, 0), percent(counts.get(o.pk, 0)))
            for o in question.option_list
        ]
        return result
    counts = {}
    for _o, value, _p, n in rows:
        counts[value] = counts.get(value, 0) + n
    if question.kind == Question.Kind.YES_NO:
        from django.utils.translation import gettext as _

        result.lines = [
            Line(_("Ja"), counts.get(1, 0), percent(counts.get(1, 0))),
            Line(_("Nee"), counts.get(0, 0), percent(counts.get(0, 0))),
        ]
        return result
    low, high = logic.SCALES[question.kind]
    result.lines = [
        Line(str(v), counts.get(v, 0), percent(counts.get(v, 0))) for v in range(low, high + 1)
    ]
    weighted = sum(v * n for v, n in counts.items() if v is not None)
    result.mean = round(weighted / respondents, 2) if respondents else None
    return result
