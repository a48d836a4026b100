"""Synthetic (made-up) historical cases for the demo model.

There is no public data set of Dutch Werkverkenner answers with outcomes, so the demo model is
trained on cases drawn from the questionnaire's own feature space with a hand-written, seeded
"truth" below. The model card and the admin page say so plainly. Never use this for real clients.
"""

import math
import random

# Effect of one step of each feature on the log-odds of work within a year (made up, plausible).
WEIGHTS = {
    "leeftijdsgroep": -0.35,
    "jaren_werk": 0.02,
    "sector_kansen": 1.2,
    "opleidingsniveau": 0.3,
    "eerdere_uitkering": -0.4,
    "eigen_verwachting": 0.35,
    "zoekintentie": 0.4,
    "sollicitaties_4w": 0.06,
    "netwerk_zoeken": 0.2,
    "zoekvertrouwen": 0.2,
    "gezondheid_beperking": -0.6,
    "uren_mogelijk": 0.25,
    "ander_beroep": 0.2,
    "reistijd": 0.15,
    "steun": 0.2,
    "zorgtaken": -0.25,
}
INTERCEPT = -2.6
# Sensitive attributes, only for the fairness report: never model inputs.
SENSITIVE = ("geslacht_vrouw", "migratieachtergrond")
ID_COLUMN = "id"
LABEL_COLUMN = "werk_binnen_jaar"
SYNTHETIC_NOTE = "getraind op verzonnen (synthetische) gegevens"


def feature_space(questionnaire) -> dict[str, tuple[str, list[float]]]:
    """feature → ("choice", option values) or ("number", [min, max]) for a questionnaire."""
    space = {}
    for question in questionnaire.questions.prefetch_related("options"):
        if question.kind == "number":
            space[question.feature] = ("number", [question.min_value, question.max_value])
        else:
            space[question.feature] = ("choice", [o.value for o in question.options.all()])
    return space


def space_from_data(data: dict) -> dict[str, tuple[str, list[float]]]:
    """The same feature space, read from a questionnaire's JSON description."""
    space = {}
    for item in data["questions"]:
        if item["kind"] == "number":
            space[item["feature"]] = ("number", [item["min"], item["max"]])
        else:
            space[item["feature"]] = ("choice", [value for _c, _l, value in item["options"]])
    return space


def cases(space: dict, *, rows: int = 3000, seed: int = 1) -> list[dict]:
    """Made-up historical cases: one dict per person, with id, features, label and two
    sensitive attributes."""
    rng = random.Random(seed)  # noqa: S311  (made-up data, not security)
    result = []
    for number in range(1, rows + 1):
        row: dict = {ID_COLUMN: number}
        for feature, (kind, values) in space.items():
            if kind == "number":
                low, high = values
                # Skewed to the low end: most people have a few applications, some many.
                value = round(low + (high - low) * rng.random() ** 3)
                if feature == "sollicitaties_4w":
                    value = min(value, 30)
            else:
                value = rng.choice(values)
            row[feature] = float(value)
        logit = INTERCEPT + sum(
            WEIGHTS.get(f, 0.0) * min(v, 15.0 if f == "sollicitaties_4w" else v)
            for f, v in row.items()
            if f != ID_COLUMN
        )
        row[SENSITIVE[0]] = int(rng.random() < 0.5)
        row[SENSITIVE[1]] = int(rng.random() < 0.25)
        chance = 1 / (1 + math.exp(-logit))
        row[LABEL_COLUMN] = int(rng.random() < chance)
        result.append(row)
    return result
