"""Batch scoring of a CSV file in chunks, written atomically: all rows or no file at all."""

import csv
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from . import csvfile, data, service
from .model import Model


def probability_text(p: np.ndarray) -> np.ndarray:
    """Six decimals, fast: "0.718201" (pandas' float formatting is per value, in Python)."""
    micro = np.rint(np.clip(p, 0.0, 1.0) * 1_000_000).astype(np.int64)
    seven = (micro + 1_000_000).astype("U7")  # "1718201"; exactly 1.0 gives "2000000"
    six = np.ascontiguousarray(seven.view("U1").reshape(-1, 7)[:, 1:]).view("U6").ravel()
    whole = np.where(micro >= 1_000_000, "1.", "0.")
    return np.char.add(whole, six)


def score_csv(model: Model, source, out, *, progress: Callable[[int], None] | None = None) -> int:
    """Score every row of ``source`` into ``out`` (id, probability, band); returns the row count."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    done = 0
    seen: set = set()
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([model.id_column, "probability", "band"])
            for chunk in csvfile.chunks(
                source, id_column=model.id_column, features=model.feature_names
            ):
                ids = chunk[model.id_column]
                data.check_unique_ids(ids, row_offset=done, seen=seen)
                X = data.numeric_matrix(chunk, model.feature_names, row_offset=done)
                p = np.round(model.predict_matrix(X), 6)
                writer.writerows(
                    zip(ids.tolist(), probability_text(p), service.bands(p), strict=True)
                )
                done += len(chunk)
                if progress:
                    progress(done)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return done
