"""Safe storage of a model directory: JSON, plus skops for tree ensembles; never pickle.

Layout::

    MODEL_DIR/manifest.json    format, kind, feature list, SHA-256 of every other file
    MODEL_DIR/model.json       parameters (linear: coefficients; tree: reference values)
    MODEL_DIR/card.json        the model card
    MODEL_DIR/estimator.skops  tree models only; loaded with an explicit list of trusted types

A directory is written next to its destination and renamed into place, so a reader never sees a
half-written model. ``load`` checks every hash and the feature list before building anything.
"""

import math
from pathlib import Path

from maatwerk.core import model_dir

from .errors import ModelError
from .model import LINEAR, TREE, Model

FORMAT = "maatwerk-profiler"
FORMAT_VERSION = 1
MANIFEST = model_dir.MANIFEST
ESTIMATOR = "estimator.skops"

# Every type a calibrated HistGradientBoostingClassifier consists of; anything else in a skops
# file is refused.
TRUSTED_TYPES = [
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.isotonic.IsotonicRegression",
    "sklearn.ensemble._hist_gradient_boosting.gradient_boosting.HistGradientBoostingClassifier",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
    "sklearn._loss.loss.HalfBinomialLoss",
    "sklearn._loss.link.LogitLink",
    "sklearn._loss.link.Interval",
    "sklearn._loss._loss.CyHalfBinomialLoss",
    "sklearn.model_selection._split.StratifiedKFold",
    "sklearn.utils._bunch.Bunch",
    "sklearn.preprocessing._label.LabelEncoder",
]


def sha256_file(path: Path) -> str:
    return model_dir.sha256_file(path)


def _plain(value):
    """JSON-safe copy: numpy scalars to Python, NaN and infinity to None."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist"):
        return _plain(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _write_json(path: Path, value) -> None:
    model_dir.write_json(path, _plain(value))


def _parameters(model: Model) -> dict:
    params = {
        "kind": model.kind,
        "feature_names": model.feature_names,
        "id_column": model.id_column,
        "label_column": model.label_column,
        "reference": model.reference,
        "calibration": model.calibration,
    }
    if model.kind == LINEAR:
        params.update(coef=model.coef, intercept=model.intercept)
    return params


def check_target(directory) -> None:
    model_dir.check_target(directory, ModelError)


def save(model: Model, directory) -> Path:
    with model_dir.writing(directory, ModelError) as tmp:
        _write_json(tmp / "model.json", _parameters(model))
        _write_json(tmp / "card.json", model.card)
        if model.kind == TREE:
            import skops.io

            skops.io.dump(model.estimator, tmp / ESTIMATOR)
        files = {p.name: sha256_file(p) for p in sorted(tmp.iterdir())}
        _write_json(
            tmp / MANIFEST,
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "kind": model.kind,
                "feature_names": model.feature_names,
                "files": files,
            },
        )
    return Path(directory).resolve()


def _read_json(path: Path, what: str):
    return model_dir.read_json(path, what, ModelError)


def load(directory) -> Model:
    root = Path(directory)
    if not root.is_dir():
        raise ModelError(f"Modelmap {root} bestaat niet.")
    if not (root / MANIFEST).is_file():
        raise ModelError(f"Modelmap {root} heeft geen {MANIFEST}; is dit wel een model?")
    manifest = _read_json(root / MANIFEST, "het manifest")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ModelError(f"{root / MANIFEST} is geen manifest van een Maatwerk-model.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"Onbekende modelversie {manifest.get('format_version')!r}.")
    kind = manifest.get("kind")
    files = manifest.get("files")
    required = {"model.json", "card.json"} | ({ESTIMATOR} if kind == TREE else set())
    if not isinstance(files, dict) or not required <= set(files):
        raise ModelError("Het manifest noemt niet alle modelbestanden; de map is aangepast.")
    for name, expected in files.items():
        path = root / name
        if Path(name).name != name or not path.is_file():
            raise ModelError(f"Modelbestand {name} ontbreekt.")
        if sha256_file(path) != expected:
            raise ModelError(
                f"Modelbestand {name} is gewijzigd (SHA-256 klopt niet met het manifest); "
                "het model wordt niet gebruikt."
            )
    params = _read_json(root / "model.json", "de modelparameters")
    card = _read_json(root / "card.json", "de modelkaart")
    features = manifest.get("feature_names")
    if params.get("feature_names") != features or params.get("kind") != kind:
        raise ModelError("Kenmerken of modeltype in model.json verschillen van het manifest.")
    estimator = None
    if kind == TREE:
        estimator = _load_estimator(root / ESTIMATOR)
    try:
        return Model(
            kind=kind,
            feature_names=features,
            id_column=params["id_column"],
            label_column=params["label_column"],
            reference=params["reference"],
            calibration=params["calibration"],
            card=card,
            coef=params.get("coef"),
            intercept=params.get("intercept"),
            estimator=estimator,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"Modelparameters onvolledig of ongeldig ({exc}).") from exc


def _load_estimator(path: Path):
    import skops.io

    try:
        untrusted = [t for t in skops.io.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
        if untrusted:
            raise ModelError(
                "Het opgeslagen model bevat niet-vertrouwde typen: " + ", ".join(untrusted)
            )
        return skops.io.load(path, trusted=TRUSTED_TYPES)
    except ModelError:
        raise
    except Exception as exc:  # skops raises many kinds on a corrupt file
        raise ModelError(f"{path.name} kan niet veilig worden geladen ({exc}).") from exc
