"""Per-client explanations as additive effects on the log-odds of finding work.

Every effect is measured against a *reference client*: the mean of the training data. The effects
plus the reference log-odds add up to the model's log-odds for this client.

- Linear models: ``effect_j = coef_j * (x_j - mean_j)``; exact, and identical to SHAP values for
  a linear model with independent features.
- Gradient boosting: exact *interventional Shapley values* against the same single reference
  (baseline Shapley). Each tree is a function of the few features it splits on, so its Shapley
  values are computed exactly by enumerating the subsets of those features (at most three for
  trees of depth two); Shapley values of a sum are the sum of the trees' Shapley values.
  With sigmoid calibration the calibrated log-odds are an affine function of the boosting score,
  so the effects are scaled by the calibration slope and stay exact. With isotonic calibration
  (monotone, not affine) the effects are on the uncalibrated boosting score: signs and order hold,
  the sum does not equal the calibrated log-odds.
"""

from dataclasses import dataclass
from itertools import combinations
from math import factorial

import numpy as np


@dataclass(frozen=True)
class Contribution:
    feature: str
    value: float
    effect: float


def ranked(features, values, effects) -> list[Contribution]:
    items = [
        Contribution(feature=f, value=float(v), effect=float(e))
        for f, v, e in zip(features, values, effects, strict=True)
    ]
    return sorted(items, key=lambda c: (-abs(c.effect), c.feature))


def linear_effects(coef: np.ndarray, reference: np.ndarray, x: np.ndarray) -> np.ndarray:
    return coef * (x - reference)


class TreeShapley:
    """Exact baseline Shapley values for a fitted HistGradientBoostingClassifier (binary)."""

    def __init__(self, booster, reference: np.ndarray):
        self.reference = np.asarray(reference, dtype=float)
        self.n_features = len(self.reference)
        self.baseline = float(np.ravel(booster._baseline_prediction)[0])
        self.trees = []
        for per_iteration in booster._predictors:
            nodes = per_iteration[0].nodes
            table = [
                (
                    bool(n["is_leaf"]),
                    int(n["feature_idx"]),
                    float(n["num_threshold"]),
                    int(n["left"]),
                    int(n["right"]),
                    float(n["value"]),
                )
                for n in nodes
            ]
            used = sorted({row[1] for row in table if not row[0]})
            self.trees.append((table, used))

    @staticmethod
    def _value(table, point) -> float:
        node = table[0]
        while not node[0]:
            node = table[node[3]] if point[node[1]] <= node[2] else table[node[4]]
        return node[5]

    def raw_score(self, x: np.ndarray) -> float:
        return self.baseline + sum(self._value(t, x) for t, _ in self.trees)

    def values(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        phi = np.zeros(self.n_features)
        z = self.reference
        for table, used in self.trees:
            k = len(used)
            if k == 0:
                continue
            cache = {}

            def v(subset, table=table, cache=cache):
                if subset not in cache:
                    point = z.copy()
                    for f in subset:
                        point[f] = x[f]
                    cache[subset] = self._value(table, point)
                return cache[subset]

            for i in used:
                others = [f for f in used if f != i]
                for size in range(k):
                    weight = factorial(size) * factorial(k - size - 1) / factorial(k)
                    for subset in combinations(others, size):
                        with_i = tuple(sorted((*subset, i)))
                        phi[i] += weight * (v(with_i) - v(tuple(subset)))
        return phi
