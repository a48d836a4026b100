"""From answers to a probability, a band and an explanation.

The rule for skipped questions (health questions may be skipped, without penalty): a skipped
question is scored with *every* possible answer, and the lowest probability counts. A lower
probability means more help (an invitation at 50% or below), so skipping can never lower the
chance of getting help: the result is as if the least favourable answer had been given.
"""

import itertools
from dataclasses import dataclass

BAND_EDGES = [(0.25, "0-25"), (0.5, "25-50"), (0.75, "50-75")]
MAX_COMBINATIONS = 1024


@dataclass(frozen=True)
class Outcome:
    probability: float
    band: str
    explanation: list[dict]
    inputs: dict


def band_of(probability: float) -> str:
    try:
        from maatwerk.profiler import service

        return service.band(probability)
    except ImportError:
        for edge, band in BAND_EDGES:
            if probability <= edge:
                return band
        return "75-100"


def _candidate_values(question) -> list[float]:
    if question.kind == "number":
        return [float(question.min_value), float(question.max_value)]
    return [float(o.value) for o in question.options.all()]


def value_of(question, answer) -> float | None:
    """The model value of one stored answer, or None when it was skipped."""
    if answer is None:
        return None
    if question.kind == "number":
        return float(answer)
    for option in question.options.all():
        if option.code == answer:
            return float(option.value)
    raise ValueError(f"Unknown option {answer!r} for question {question.code!r}.")


def candidate_rows(questions, answers: dict) -> tuple[list[dict], list[str]]:
    """All feature rows the answers stand for, and the features that were skipped."""
    base: dict[str, float] = {}
    skipped = []
    for question in questions:
        value = value_of(question, answers.get(question.code))
        if value is None:
            skipped.append(question)
        else:
            base[question.feature] = value
    choices = [_candidate_values(q) for q in skipped]
    combinations = 1
    for values in choices:
        combinations *= len(values)
    if combinations > MAX_COMBINATIONS:
        raise ValueError("Too many skipped questions to score every possible answer.")
    rows = []
    for combo in itertools.product(*choices):
        row = dict(base)
        row.update({q.feature: v for q, v in zip(skipped, combo, strict=True)})
        rows.append(row)
    return rows, [q.feature for q in skipped]


def score(model, questions, answers: dict) -> Outcome:
    questions = list(questions)
    rows, skipped = candidate_rows(questions, answers)
    features = list(model.feature_names)
    model_rows = [{f: row[f] for f in features} for row in rows]
    probabilities = [float(p) for p in model.predict(model_rows)]
    index = min(range(len(probabilities)), key=probabilities.__getitem__)
    chosen = model_rows[index]
    probability = min(max(probabilities[index], 0.0), 1.0)
    explanation = [
        {
            "feature": c.feature,
            "value": float(c.value),
            "effect": float(c.effect),
            "skipped": c.feature in skipped,
        }
        for c in model.explain(chosen)
    ]
    inputs = {"answers": dict(answers), "features": chosen, "skipped": skipped}
    return Outcome(probability, band_of(probability), explanation, inputs)
