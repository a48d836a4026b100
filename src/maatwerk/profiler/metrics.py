"""Calibration and discrimination metrics, with bootstrap intervals on out-of-fold predictions."""

import numpy as np

BAND_EDGES = (0.25, 0.5, 0.75)
BAND_LABELS = ("0-25", "25-50", "50-75", "75-100")
ECE_BINS = 10


def band_index(probabilities: np.ndarray) -> np.ndarray:
    """0..3 per probability; an upper edge belongs to the lower band (0.5 -> "25-50")."""
    return np.searchsorted(np.asarray(BAND_EDGES), probabilities, side="left")


def _weighted_auc(y, order_groups, n_groups, weights) -> float:
    """AUC with ties counted half; ``order_groups`` ranks the unique predicted values."""
    pos = np.bincount(order_groups, weights=weights * y, minlength=n_groups)
    neg = np.bincount(order_groups, weights=weights * (1 - y), minlength=n_groups)
    total_pos, total_neg = pos.sum(), neg.sum()
    if total_pos == 0 or total_neg == 0:
        return float("nan")
    neg_below = np.cumsum(neg) - neg
    return float((pos * (neg_below + 0.5 * neg)).sum() / (total_pos * total_neg))


def _weighted_ece(y, p, bins, weights) -> float:
    total = weights.sum()
    pred = np.bincount(bins, weights=weights * p, minlength=ECE_BINS)
    obs = np.bincount(bins, weights=weights * y, minlength=ECE_BINS)
    return float(np.abs(pred - obs).sum() / total)


def ece_bins(p: np.ndarray) -> np.ndarray:
    return np.minimum((p * ECE_BINS).astype(int), ECE_BINS - 1)


def auc(y, p) -> float:
    y = np.asarray(y, dtype=float)
    _, groups = np.unique(p, return_inverse=True)
    return _weighted_auc(y, groups, groups.max() + 1, np.ones_like(y))


def brier(y, p) -> float:
    return float(np.mean((np.asarray(p) - np.asarray(y)) ** 2))


def ece(y, p) -> float:
    """Expected calibration error over ten equal-width bins, weighted by bin size."""
    p = np.asarray(p, dtype=float)
    return _weighted_ece(np.asarray(y, dtype=float), p, ece_bins(p), np.ones_like(p))


def log_loss(y, p) -> float:
    p = np.clip(np.asarray(p, dtype=float), 1e-15, 1 - 1e-15)
    y = np.asarray(y, dtype=float)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def summary_with_intervals(y, p, *, seed: int = 0, resamples: int = 1000) -> dict:
    """AUC, Brier and ECE with percentile bootstrap 95% intervals."""
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    n = len(y)
    _, groups = np.unique(p, return_inverse=True)
    n_groups = groups.max() + 1
    bins = ece_bins(p)
    sq = (p - y) ** 2
    rng = np.random.default_rng(seed)
    draws = {"auc": [], "brier": [], "ece": []}
    for _ in range(resamples):
        w = np.bincount(rng.integers(0, n, n), minlength=n).astype(float)
        draws["auc"].append(_weighted_auc(y, groups, n_groups, w))
        draws["brier"].append(float((w * sq).sum() / n))
        draws["ece"].append(_weighted_ece(y, p, bins, w))
    point = {"auc": auc(y, p), "brier": brier(y, p), "ece": ece(y, p)}
    result = {}
    for name, values in draws.items():
        low, high = np.nanpercentile(values, [2.5, 97.5])
        result[name] = {"value": point[name], "low": float(low), "high": float(high)}
    return result


def calibration_table(y, p) -> list[dict]:
    """Per band: how many, the mean predicted probability and the observed rate."""
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    idx = band_index(p)
    rows = []
    for i, label in enumerate(BAND_LABELS):
        mask = idx == i
        count = int(mask.sum())
        rows.append(
            {
                "band": label,
                "count": count,
                "mean_predicted": float(p[mask].mean()) if count else None,
                "observed_rate": float(y[mask].mean()) if count else None,
            }
        )
    return rows
