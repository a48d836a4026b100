"""The fairness report audits the threshold the caller really invites at, not a fixed 0.5."""

import numpy as np
import pandas as pd
import pytest

from maatwerk.profiler import card, fairness


def _groups(threshold: float) -> dict:
    # Twenty people per group: a's estimates are spread, b's all sit at 0.4.
    y = np.array([0, 1] * 20)
    p = np.concatenate([np.linspace(0.05, 0.95, 20), np.full(20, 0.4)])
    sensitive = pd.DataFrame({"group": ["a"] * 20 + ["b"] * 20})
    [attribute] = fairness.report(y, p, sensitive, invite_at_or_below=threshold)
    return {row["group"]: row for row in attribute["groups"]}


def test_a_different_threshold_changes_the_invitation_rates():
    at_half, at_third = _groups(0.5), _groups(0.3)
    assert at_half["a"]["flagged_share"] == pytest.approx(0.5)
    assert at_third["a"]["flagged_share"] == pytest.approx(0.3)
    assert at_half["b"]["flagged_share"] == 1.0
    assert at_third["b"]["flagged_share"] == 0.0
    assert at_third["b"]["false_negative_rate"] == 1.0  # nobody without work would be invited


def test_the_card_names_the_threshold_it_was_audited_at():
    text = card.markdown(
        {
            "data": {
                "rows": 1,
                "label": "y",
                "label_rate": 0.5,
                "features": [],
                "excluded": [],
                "sensitive": [],
            },
            "model": {
                "chosen": "logistic_regression",
                "calibration": "sigmoid",
                "comparison": [],
                "folds": 5,
                "seed": 0,
            },
            "metrics": {
                key: {"value": 0.5, "low": 0.4, "high": 0.6} for key in ("auc", "brier", "ece")
            },
            "calibration_table": [],
            "invite_at_or_below": 0.35,
            "fairness": [],
            "sensitive_statement": "",
            "provenance": {"trained_at": "nu", "versions": {}},
        }
    )
    assert "Uitgenodigd = kans 35% of lager." in text


def test_a_threshold_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError):
        _groups(1.5)
