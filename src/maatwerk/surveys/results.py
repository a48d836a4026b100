"""Results of a survey: counts, percentages and means per question, from the released tallies
(a few small grouped queries; see models.Tally and tallies.py).

Disclosure control (``maatwerk.core.disclosure``, docs/adr/0028-disclosure-control.md): a figure
about fewer than ``VOICE_MIN_GROUP_SIZE`` respondents (default 10) is never shown, for the whole
survey and every filtered subgroup alike; an office or region is hidden too when the rest of its
region, or of the survey, would be fewer than that; and figures move only in steps of at least
that many new respondents. Practice accounts are never counted.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Sum

from maatwerk.core import disclosure

from . import logic
from .models import Answer, Question, Response, Survey, Tally


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


ALL = ("all",)


def places(cells: Counter) -> tuple[Counter, dict[tuple, list[tuple]]]:
    """The tree of groups a results page can show, from people per (office id, region id), 0
    for none: the whole survey (``ALL``), its regions ("region", id), and each office inside its
    region ("cell", office id, region id). People without a region or office count in the whole
    but are never shown alone."""
    counts: Counter = Counter()
    children: dict[tuple, list[tuple]] = {ALL: []}
    for (office_id, region_id), n in cells.items():
        counts[ALL] += n
        if not region_id:
            continue
        node = ("region", region_id)
        if node not in children:
            children[node] = []
            children[ALL].append(node)
        counts[node] += n
        if office_id:
            counts["cell", office_id, region_id] += n
            children[node].append(("cell", office_id, region_id))
    return counts, children


def _selected(cells: Counter, office, region, minimum) -> int | None:
    """The number of people the filter describes, or None when disclosure control hides it."""
    counts, children = places(cells)
    found = disclosure.visible(ALL, counts, children, minimum)
    if office is not None and region is not None:
        nodes = [("cell", office.pk, region.pk)]
    elif region is not None:
        nodes = [("region", region.pk)]
    elif office is not None:
        # An office that moved region is the sum of its cells; shown only if each one is.
        nodes = [
            ("cell", o, r) if r else None for (o, r), n in cells.items() if o == office.pk and n
        ]
    else:
        nodes = [ALL]
    if not nodes or any(node not in found for node in nodes):
        return None
    return sum(counts[node] for node in nodes)


def _respondent_cells(survey) -> Counter:
    """Completed responses per (office, region), each in steps of the minimum."""
    grouped = (
        Response.objects.filter(survey=survey, completed_at__isnull=False)
        .exclude(client__is_practice=True)
        .values_list("office_id", "region_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    cells: Counter = Counter()
    for office_id, region_id, n in grouped:
        cells[office_id or 0, region_id or 0] += n
    return Counter({cell: disclosure.step(n) for cell, n in cells.items()})


def _question_cells(survey) -> dict[int, Counter]:
    """Released respondents per question and (office, region)."""
    per_question: dict[int, Counter] = {}
    grouped = (
        Tally.objects.filter(survey=survey, is_primary=True)
        .values_list("question_id", "office_key", "region_key")
        .annotate(n=Sum("released_count"))
        .order_by()
    )
    for question_id, office_key, region_key, n in grouped:
        per_question.setdefault(question_id, Counter())[office_key, region_key] += n
    return per_question


def summarise(survey: Survey, *, office=None, region=None, with_texts=False) -> SurveyResult:
    minimum = disclosure.min_group_size()
    structure = logic.load(survey)
    total = _selected(_respondent_cells(survey), office, region, minimum)
    suppressed = total is None
    # (question, option, value, primary) → released count, summed over the tallies: a few rows
    # per question and office, however many answers there are.
    tallies = Tally.objects.filter(survey=survey)
    if office is not None:
        tallies = tallies.filter(office_key=office.pk)
    if region is not None:
        tallies = tallies.filter(region_key=region.pk)
    grouped = (
        tallies.values_list("question_id", "option_key", "value_key", "is_primary")
        .annotate(n=Sum("released_count"))
        .order_by()
    )
    per_question: dict[int, list[tuple]] = {}
    for question_id, option_key, value_key, primary, n in grouped:
        option_id = option_key or None
        value = None if value_key == -1 else value_key
        per_question.setdefault(question_id, []).append((option_id, value, primary, n))
    question_cells = _question_cells(survey)
    results = []
    for question in structure.questions:
        respondents = None
        if not suppressed:
            cells = question_cells.get(question.pk, Counter())
            respondents = _selected(cells, office, region, minimum)
        results.append(_question_result(question, per_question.get(question.pk, []), respondents))
    if with_texts and not suppressed:
        for result in results:
            if result.question.kind == Question.Kind.TEXT and not result.suppressed:
                result.texts = _texts(survey, result.question, office, region, result.respondents)
    return SurveyResult(survey, total or 0, suppressed, results, minimum)


def _texts(survey, question, office, region, released: int) -> list[str]:
    """The latest open answers among the released ones (a new answer waits for its release)."""
    rows = (
        Answer.objects.filter(survey=survey, question=question, is_primary=True)
        .exclude(response__client__is_practice=True)
        .exclude(text="")
    )
    if office is not None:
        rows = rows.filter(office=office)
    if region is not None:
        rows = rows.filter(region=region)
    texts = rows.order_by("pk").values_list("text", flat=True)[max(released - 20, 0) : released]
    return list(reversed(texts))


def _question_result(question, rows, respondents: int | None) -> QuestionResult:
    """``respondents`` is None when disclosure control hides the question for this filter."""
    suppressed = respondents is None
    result = QuestionResult(question, respondents or 0, suppressed)
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
