"""Fairness report per sensitive attribute and group, with fairlearn's MetricFrame.

A person is *flagged* (invited for a conversation) when the probability is at or below the
threshold the caller passes in: the same one that invites clients in production (the Werkverkenner
passes its ``WERKVERKENNER_THRESHOLD``), else the report would audit a rule nobody applies.
Among the people who did not find work (label 0), the *false-negative rate* is the share that was
NOT flagged: they needed help and the estimate would not have invited them.
Groups with fewer than ``MIN_GROUP`` people get "too few" instead of numbers.
"""

import numpy as np
import pandas as pd

MIN_GROUP = 10
MISSING = "(ontbreekt)"


def _flag_share(invite_at_or_below: float):
    def flagged_share(y_true, y_pred) -> float:
        return float(np.mean(np.asarray(y_pred) <= invite_at_or_below))

    return flagged_share


def _missed_share(invite_at_or_below: float):
    def false_negative_rate(y_true, y_pred) -> float:
        y_true = np.asarray(y_true)
        y_pred = np.asarray(y_pred)
        no_work = y_true == 0
        if not no_work.any():
            return float("nan")
        return float(np.mean(y_pred[no_work] > invite_at_or_below))

    return false_negative_rate


def _mean_predicted(y_true, y_pred) -> float:
    return float(np.mean(y_pred))


def _observed(y_true, y_pred) -> float:
    return float(np.mean(y_true))


def _no_work_count(y_true, y_pred) -> int:
    return int(np.sum(np.asarray(y_true) == 0))


def _clean(value):
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return None
    return float(value)


def report(
    y: np.ndarray, p: np.ndarray, sensitive: pd.DataFrame, *, invite_at_or_below: float
) -> list[dict]:
    from fairlearn.metrics import MetricFrame, count

    if not 0.0 <= invite_at_or_below <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, not {invite_at_or_below!r}")

    out = []
    for column in sensitive.columns:
        groups = sensitive[column].astype("string").fillna(MISSING).to_numpy(dtype=object)
        frame = MetricFrame(
            metrics={
                "count": count,
                "no_work": _no_work_count,
                "flagged_share": _flag_share(invite_at_or_below),
                "false_negative_rate": _missed_share(invite_at_or_below),
                "mean_predicted": _mean_predicted,
                "observed_rate": _observed,
            },
            y_true=np.asarray(y, dtype=float),
            y_pred=np.asarray(p, dtype=float),
            sensitive_features=pd.Series(groups, name=str(column)),
        )
        rows = []
        for group, values in frame.by_group.iterrows():
            n = int(values["count"])
            row = {"group": str(group), "count": n}
            if n < MIN_GROUP:
                row["too_few"] = True
            else:
                row.update(
                    too_few=False,
                    no_work=int(values["no_work"]),
                    flagged_share=_clean(values["flagged_share"]),
                    false_negative_rate=_clean(values["false_negative_rate"]),
                    mean_predicted=_clean(values["mean_predicted"]),
                    observed_rate=_clean(values["observed_rate"]),
                )
            rows.append(row)
        out.append({"attribute": str(column), "groups": rows})
    return out
