"""The command line on the real Pennsylvania Reemployment Bonus data (skipped when absent)."""

import csv
import io
import math

import pytest
from django.core.management import call_command

from maatwerk.profiler import service

from .helpers import PENN_EXCLUDE, PENN_JAE, PENN_SENSITIVE

pytestmark = pytest.mark.skipif(
    not PENN_JAE.is_file(),
    reason=f"penn_jae data not found at {PENN_JAE} (../shared/data next to the project)",
)


def test_penn_jae_fit_score_report(tmp_path):
    out = io.StringIO()
    call_command(
        "profiler",
        "fit",
        "--data",
        str(PENN_JAE),
        "--id",
        "claimant_id",
        "--label",
        "left_benefit_26w",
        "--exclude",
        *PENN_EXCLUDE,
        "--sensitive",
        *PENN_SENSITIVE,
        "--out",
        str(tmp_path / "model"),
        stdout=out,
    )
    model = service.load(tmp_path / "model")
    assert not set(PENN_SENSITIVE + PENN_EXCLUDE) & set(model.feature_names)
    assert len(model.feature_names) == 16
    card = model.card
    assert card["data"]["rows"] == 11130
    assert card["metrics"]["ece"]["value"] <= 0.02
    assert card["metrics"]["auc"]["value"] > 0.6
    assert [a["attribute"] for a in card["fairness"]] == PENN_SENSITIVE
    row = {"tg": 0, "dep": 2, "q5": 1, "recall": 0, "agelt35": 0, "agegt54": 1, "female": 1}
    row.update({f: 0 for f in model.feature_names if f not in row})
    p = model.predict([row])[0]
    effects = model.explain(row)
    assert [c.feature for c in effects if c.feature in PENN_SENSITIVE] == []
    if model.calibration == "sigmoid":
        total = sum(c.effect for c in effects) + model.reference_logit
        assert total == pytest.approx(math.log(p / (1 - p)), abs=1e-8)

    call_command(
        "profiler",
        "score",
        "--model",
        str(tmp_path / "model"),
        "--data",
        str(PENN_JAE),
        "--out",
        str(tmp_path / "scores.csv"),
        stdout=io.StringIO(),
    )
    with open(tmp_path / "scores.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 11130
    assert list(rows[0]) == ["claimant_id", "probability", "band"]

    report = io.StringIO()
    call_command("profiler", "report", "--model", str(tmp_path / "model"), stdout=report)
    assert "`female`" in report.getvalue() and "ECE" in report.getvalue()
