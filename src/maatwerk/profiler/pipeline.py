"""Model selection and calibration.

Two candidates are compared on the same stratified 5-fold split: regularised logistic regression
and shallow gradient boosting. The one with the lower out-of-fold log-loss wins. It is then
calibrated with ``CalibratedClassifierCV(ensemble=False)`` on 3 inner folds (sigmoid first;
isotonic for trees only when sigmoid leaves the expected calibration error above 0.02).

The reported metrics are out-of-fold: each row's score comes from a model that did not see it,
and is calibrated by a calibrator fitted on the other folds' out-of-fold scores (cross-fitting,
the same calibration CalibratedClassifierCV does, without refitting the models once more). The
choice between the two candidates is made on all rows, so the figures carry a small selection
optimism; ``bench/profiler.py`` refits the whole procedure inside each fold instead.
"""

from dataclasses import dataclass, field

import numpy as np
from sklearn.base import clone
from sklearn.calibration import CalibratedClassifierCV, _SigmoidCalibration
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from . import metrics
from .errors import ModelError

FOLDS = 5
CALIBRATION_FOLDS = 3
ECE_TARGET = 0.02
MIN_PER_CLASS = 10
LINEAR = "logistic_regression"
TREES = "gradient_boosting"


def candidates(n_rows: int, seed: int) -> dict:
    return {
        LINEAR: Pipeline(
            [
                ("scale", StandardScaler()),
                ("model", LogisticRegression(C=1.0, max_iter=2000)),
            ]
        ),
        TREES: HistGradientBoostingClassifier(
            learning_rate=0.1,
            max_iter=100,
            max_depth=2,
            min_samples_leaf=max(5, min(100, n_rows // 100)),
            l2_regularization=1.0,
            early_stopping=False,
            random_state=seed,
        ),
    }


@dataclass
class Selection:
    kind: str
    estimator: CalibratedClassifierCV
    method: str
    oof: np.ndarray
    comparison: list = field(default_factory=list)
    calibration_tries: list = field(default_factory=list)


def _folds(seed: int, n_splits: int = FOLDS) -> StratifiedKFold:
    return StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)


def out_of_fold(estimator, X: np.ndarray, y: np.ndarray, seed: int):
    """Out-of-fold probabilities and decision scores (log-odds before calibration)."""
    proba = np.empty(len(y), dtype=float)
    score = np.empty(len(y), dtype=float)
    for train, test in _folds(seed).split(X, y):
        fitted = clone(estimator).fit(X[train], y[train])
        proba[test] = fitted.predict_proba(X[test])[:, 1]
        score[test] = fitted.decision_function(X[test])
    return proba, score


def cross_calibrated(score: np.ndarray, y: np.ndarray, method: str, seed: int) -> np.ndarray:
    """Calibrate out-of-fold scores with a calibrator fitted on the other folds' scores only."""
    out = np.empty(len(y), dtype=float)
    for train, test in _folds(seed).split(score.reshape(-1, 1), y):
        if method == "sigmoid":
            calibrator = _SigmoidCalibration().fit(score[train], y[train])
        else:
            calibrator = IsotonicRegression(out_of_bounds="clip").fit(score[train], y[train])
        out[test] = calibrator.predict(score[test])
    return out


def calibrated(estimator, method: str, seed: int) -> CalibratedClassifierCV:
    return CalibratedClassifierCV(
        clone(estimator), method=method, cv=_folds(seed, CALIBRATION_FOLDS), ensemble=False
    )


def select(X: np.ndarray, y: np.ndarray, seed: int = 0) -> Selection:
    # Training is many small fits: one OpenMP thread each is as fast on an idle machine and
    # several times faster on a busy one (threads of one fit wait for each other).
    with threadpool_limits(limits=1, user_api="openmp"):
        return _select(X, y, seed)


def _select(X: np.ndarray, y: np.ndarray, seed: int) -> Selection:
    smallest = int(min((y == 0).sum(), (y == 1).sum()))
    if smallest < MIN_PER_CLASS:
        raise ModelError(
            f"Te weinig gevallen: het label heeft maar {smallest} rijen in de kleinste klasse; "
            f"minimaal {MIN_PER_CLASS} nodig voor kruisvalidatie."
        )
    comparison = []
    scores = {}
    for name, estimator in candidates(len(y), seed).items():
        oof, scores[name] = out_of_fold(estimator, X, y, seed)
        comparison.append(
            {
                "model": name,
                "log_loss": metrics.log_loss(y, oof),
                "auc": metrics.auc(y, oof),
                "brier": metrics.brier(y, oof),
            }
        )
    best = min(comparison, key=lambda row: row["log_loss"])
    for row in comparison:
        row["chosen"] = row is best
    kind = best["model"]
    base = candidates(len(y), seed)[kind]
    methods = ["sigmoid"] if kind == LINEAR else ["sigmoid", "isotonic"]
    tries = []
    for method in methods:
        oof = cross_calibrated(scores[kind], y, method, seed)
        tries.append({"method": method, "ece": metrics.ece(y, oof), "oof": oof})
        if tries[-1]["ece"] <= ECE_TARGET:
            break
    chosen = min(tries, key=lambda t: t["ece"])
    final = calibrated(base, chosen["method"], seed).fit(X, y)
    return Selection(
        kind=kind,
        estimator=final,
        method=chosen["method"],
        oof=chosen["oof"],
        comparison=comparison,
        calibration_tries=[{"method": t["method"], "ece": t["ece"]} for t in tries],
    )
