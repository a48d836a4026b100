"""The fitted model as the rest of Maatwerk sees it: predict, explain, card."""

from collections.abc import Sequence

import numpy as np
from scipy.special import expit

from . import data
from .errors import ModelError
from .explain import Contribution, TreeShapley, linear_effects, ranked

LINEAR = "linear"
TREE = "tree"
# Tree models predict on one OpenMP thread. For one client, starting threads costs more than it
# saves; for a million rows two threads would halve the time on an idle machine, but on a busy
# one the threads wait for each other (measured: 20 s with two threads against 6.5 s with one).
_controller = None


def _one_thread():
    global _controller
    if _controller is None:
        from threadpoolctl import ThreadpoolController

        _controller = ThreadpoolController()
    return _controller.limit(limits=1, user_api="openmp")


class Model:
    """A calibrated model. ``kind`` is ``"linear"`` (stored as JSON) or ``"tree"`` (skops)."""

    def __init__(
        self,
        *,
        kind: str,
        feature_names: Sequence[str],
        id_column: str,
        label_column: str,
        reference: Sequence[float],
        calibration: str,
        card: dict,
        coef: Sequence[float] | None = None,
        intercept: float | None = None,
        estimator=None,
    ):
        if kind not in (LINEAR, TREE):
            raise ModelError(f"Onbekend modeltype {kind!r}.")
        self.kind = kind
        self.feature_names = list(feature_names)
        self.id_column = id_column
        self.label_column = label_column
        self.reference = np.asarray(reference, dtype=float)
        self.calibration = calibration
        self.card = card
        self.coef = None if coef is None else np.asarray(coef, dtype=float)
        self.intercept = None if intercept is None else float(intercept)
        self.estimator = estimator
        self._shapley = None
        if len(self.reference) != len(self.feature_names):
            raise ModelError("Referentiewaarden passen niet bij de kenmerken.")
        if kind == LINEAR and (self.coef is None or len(self.coef) != len(self.feature_names)):
            raise ModelError("Coëfficiënten passen niet bij de kenmerken.")
        if kind == TREE and getattr(estimator, "n_features_in_", None) != len(self.feature_names):
            raise ModelError("Het opgeslagen model past niet bij de kenmerken.")

    # -- prediction -------------------------------------------------------------------------
    def matrix(self, rows, *, row_offset: int = 0) -> np.ndarray:
        return data.numeric_matrix(data.as_frame(rows), self.feature_names, row_offset=row_offset)

    def predict_matrix(self, X: np.ndarray) -> np.ndarray:
        if self.kind == LINEAR:
            return expit(X @ self.coef + self.intercept)
        with _one_thread():
            return self.estimator.predict_proba(X)[:, 1]

    def predict(self, rows) -> np.ndarray:
        """Calibrated probabilities of finding work, one per row."""
        return self.predict_matrix(self.matrix(rows))

    # -- explanation ------------------------------------------------------------------------
    def _calibration_line(self) -> tuple[float, float] | None:
        """(slope, offset) so that calibrated log-odds = slope * boosting score + offset."""
        calibrator = self.estimator.calibrated_classifiers_[0].calibrators[0]
        if self.calibration != "sigmoid":
            return None
        return -float(calibrator.a_), -float(calibrator.b_)

    def _tree_shapley(self) -> TreeShapley:
        if self._shapley is None:
            booster = self.estimator.calibrated_classifiers_[0].estimator
            self._shapley = TreeShapley(booster, self.reference)
        return self._shapley

    @property
    def reference_logit(self) -> float:
        """Log-odds of the reference client (training means); effects are relative to it."""
        if self.kind == LINEAR:
            return float(self.coef @ self.reference + self.intercept)
        score = self._tree_shapley().raw_score(self.reference)
        line = self._calibration_line()
        return score if line is None else line[0] * score + line[1]

    def explain(self, row: dict) -> list[Contribution]:
        """Effects on the log-odds (+ = higher chance of work), largest first."""
        x = self.matrix([row] if isinstance(row, dict) else row)[0]
        if self.kind == LINEAR:
            effects = linear_effects(self.coef, self.reference, x)
        else:
            effects = self._tree_shapley().values(x)
            line = self._calibration_line()
            if line is not None:
                effects = effects * line[0]
        return ranked(self.feature_names, x, effects)

    def __repr__(self) -> str:
        return (
            f"<Model {self.kind} calibration={self.calibration} features={len(self.feature_names)}>"
        )


def linear_parameters(calibrated) -> tuple[np.ndarray, float]:
    """Fold scaler, logistic regression and sigmoid calibration into one linear predictor."""
    inner = calibrated.calibrated_classifiers_[0]
    pipeline = inner.estimator
    calibrator = inner.calibrators[0]
    scaler = pipeline.named_steps["scale"]
    lr = pipeline.named_steps["model"]
    w = lr.coef_[0] / scaler.scale_
    c = float(lr.intercept_[0] - (w * scaler.mean_).sum())
    a, b = float(calibrator.a_), float(calibrator.b_)
    return -a * w, -a * c - b
