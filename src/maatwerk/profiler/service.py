"""The profiler's public Python interface; the Werkverkenner app and the command line use only this.

model = service.fit(frame, id_column="id", label_column="found_work", sensitive=["sex"],
                    invite_at_or_below=0.5)
service.save(model, "var/models/v3")
model = service.load("var/models/v3")
p = model.predict([answers])[0]
service.band(p), model.explain(answers), service.card_markdown(model)

Not called ``api.py``: that name is the per-app module of REST operations the URLconf imports in
every web worker, and this one loads scikit-learn, pandas and SciPy.
"""

from collections.abc import Sequence

import numpy as np

from . import card as card_module
from . import data, metrics, pipeline, storage
from .errors import ModelError
from .explain import Contribution
from .model import LINEAR, TREE, Model, linear_parameters

__all__ = [
    "BANDS",
    "Contribution",
    "Model",
    "ModelError",
    "band",
    "bands",
    "card_markdown",
    "fit",
    "load",
    "save",
]

BANDS = metrics.BAND_LABELS


def fit(
    frame,
    *,
    id_column: str,
    label_column: str,
    exclude: Sequence[str] = (),
    sensitive: Sequence[str] = (),
    seed: int = 0,
    source: dict | None = None,
    notes: str = "",
    invite_at_or_below: float,
) -> Model:
    """Train, calibrate and audit a model.

    Features are all columns except the id, the label, ``exclude`` and ``sensitive``; sensitive
    columns are only used for the fairness report. ``source`` (``{"file": ..., "sha256": ...}``)
    and ``notes`` (e.g. "trained on synthetic data") go onto the model card.
    ``invite_at_or_below`` is the probability at or below which a client is invited: the fairness
    report audits that rule, so the caller passes the threshold it really uses.
    """
    frame = data.as_frame(frame)
    exclude, sensitive = list(exclude), list(sensitive)
    features = data.training_columns(
        frame,
        id_column=id_column,
        label_column=label_column,
        exclude=exclude,
        sensitive=sensitive,
    )
    data.check_unique_ids(frame[id_column])
    y = data.label_vector(frame, label_column)
    X = data.numeric_matrix(frame, features)
    data.refuse_constant(X, features)
    selection = pipeline.select(X, y, seed=seed)
    card = card_module.build(
        selection=selection,
        y=y,
        features=features,
        id_column=id_column,
        label_column=label_column,
        exclude=exclude,
        sensitive_frame=frame[sensitive],
        seed=seed,
        source=source,
        notes=notes,
        invite_at_or_below=invite_at_or_below,
    )
    common = {
        "feature_names": features,
        "id_column": id_column,
        "label_column": label_column,
        "reference": X.mean(axis=0),
        "calibration": selection.method,
        "card": storage._plain(card),
    }
    if selection.kind == pipeline.LINEAR:
        coef, intercept = linear_parameters(selection.estimator)
        model = Model(kind=LINEAR, coef=coef, intercept=intercept, **common)
        expected = selection.estimator.predict_proba(X)[:, 1]
        if not np.allclose(model.predict_matrix(X), expected, atol=1e-9):
            raise RuntimeError("Linear parameters do not reproduce the calibrated model.")
    else:
        model = Model(kind=TREE, estimator=selection.estimator, **common)
    return model


def save(model: Model, directory):
    """Write the model directory atomically (JSON and skops, with a SHA-256 manifest)."""
    return storage.save(model, directory)


def load(directory) -> Model:
    """Read a model directory; ModelError when anything is missing or was changed."""
    return storage.load(directory)


def band(probability: float) -> str:
    """ "0-25" | "25-50" | "50-75" | "75-100"; an edge belongs to the lower band."""
    p = float(probability)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"probability must be between 0 and 1, not {probability!r}")
    return BANDS[int(metrics.band_index(np.array([p]))[0])]


def bands(probabilities) -> np.ndarray:
    """Vectorised :func:`band` for many probabilities."""
    return np.asarray(BANDS, dtype=object)[metrics.band_index(np.asarray(probabilities, float))]


def card_markdown(model: Model) -> str:
    return card_module.markdown(model.card)
