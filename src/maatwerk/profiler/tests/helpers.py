"""Small synthetic data sets for the profiler tests."""

from pathlib import Path

import numpy as np
import pandas as pd

PENN_JAE = Path(__file__).resolve().parents[4] / ".." / "shared" / "data" / "penn_jae" / "train.csv"
PENN_EXCLUDE = ["abdt", "inuidur1", "inuidur2"]
PENN_SENSITIVE = ["female", "black", "hispanic", "othrace"]


def linear_frame(n: int = 400, seed: int = 1) -> pd.DataFrame:
    """A label driven linearly by age and searching; sex and a note column carry no signal."""
    rng = np.random.default_rng(seed)
    age = rng.integers(18, 66, n).astype(float)
    searching = rng.integers(0, 6, n).astype(float)
    health = rng.integers(0, 2, n).astype(float)
    logit = 1.5 - 0.05 * (age - 40) + 0.5 * (searching - 2.5) - 0.8 * health
    found = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    sex = np.where(rng.random(n) < 0.5, "v", "m")
    sex[:5] = "x"  # a group of five: too few to report on
    return pd.DataFrame(
        {
            "client": [f"c{i:04d}" for i in range(n)],
            "age": age,
            "searching": searching,
            "health": health,
            "sex": sex,
            "spell_weeks": rng.integers(1, 52, n),
            "found_work": found,
        }
    )


def interaction_frame(n: int = 600, seed: int = 2) -> pd.DataFrame:
    """A pure interaction (exclusive or), which only the trees can learn."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 2, n).astype(float)
    b = rng.integers(0, 2, n).astype(float)
    c = rng.normal(size=n)
    logit = np.where(a == b, 1.5, -1.5)
    found = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return pd.DataFrame(
        {"id": np.arange(n), "a": a, "b": b, "c": c, "group": rng.integers(0, 2, n), "y": found}
    )


def fit_linear(frame=None):
    from maatwerk.profiler import service

    return service.fit(
        linear_frame() if frame is None else frame,
        id_column="client",
        label_column="found_work",
        exclude=["spell_weeks"],
        sensitive=["sex"],
        invite_at_or_below=0.5,
    )
