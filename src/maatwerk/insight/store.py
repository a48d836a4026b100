"""Safe storage of an insight model directory: JSON and numpy ``.npz``; never pickle.

Layout::

    MODEL_DIR/manifest.json   format, version, SHA-256 of every other file
    MODEL_DIR/model.json      method, themes, sentiments, threshold, vocabularies
    MODEL_DIR/weights.npz     IDF weights and coefficients (loaded with allow_pickle=False)
    MODEL_DIR/card.json       how the model was trained and chosen

A directory is written next to its destination and renamed into place, so a reader never sees a
half-written model. ``load`` checks the manifest, every file's hash and every array's shape
before building anything; a file that is not in the manifest is refused too. The model's
version, recorded on every label, is derived from the manifest: a changed model has another.
"""

import hashlib
from pathlib import Path

import numpy as np

from maatwerk.core import model_dir

from .classifier import METHODS, TFIDF, Features, Model
from .errors import InsightError

FORMAT = "maatwerk-insight"
FORMAT_VERSION = 1
MANIFEST = model_dir.MANIFEST
FILES = ("model.json", "weights.npz", "card.json")
ARRAYS = {"theme_coef", "theme_intercept", "sentiment_coef", "sentiment_intercept"}
TFIDF_ARRAYS = {"word_idf", "char_idf"}

# The starter model shipped with Maatwerk, trained on data/starter_set.csv.
DEFAULT = Path(__file__).resolve().parent / "data" / "starter_model"


def sha256_file(path: Path) -> str:
    return model_dir.sha256_file(path)


def _write_json(path: Path, value) -> None:
    model_dir.write_json(path, value, indent=1)


def check_target(directory) -> None:
    model_dir.check_target(directory, InsightError)


def save(model: Model, directory) -> Path:
    with model_dir.writing(directory, InsightError) as tmp:
        features = model.features
        _write_json(
            tmp / "model.json",
            {
                "method": features.method,
                "themes": model.themes,
                "sentiments": model.sentiments,
                "threshold": model.threshold,
                "word_vocabulary": features.word_vocabulary,
                "char_vocabulary": features.char_vocabulary,
            },
        )
        arrays = {
            "theme_coef": model.theme_coef.astype(np.float32),
            "theme_intercept": model.theme_intercept.astype(np.float64),
            "sentiment_coef": model.sentiment_coef.astype(np.float32),
            "sentiment_intercept": model.sentiment_intercept.astype(np.float64),
        }
        if features.method != "embeddings":
            arrays.update(word_idf=features.word_idf, char_idf=features.char_idf)
        np.savez_compressed(tmp / "weights.npz", **arrays)
        _write_json(tmp / "card.json", model.card)
        _write_json(
            tmp / MANIFEST,
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "files": {name: sha256_file(tmp / name) for name in FILES},
            },
        )
    return Path(directory).resolve()


def _read_json(path: Path, what: str):
    return model_dir.read_json(path, what, InsightError)


def _check_files(root: Path, manifest) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InsightError(f"{root / MANIFEST} is geen manifest van een Maatwerk-tekstmodel.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise InsightError(
            f"Onbekende versie van het modelformaat: {manifest.get('format_version')!r}."
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or set(files) != set(FILES):
        raise InsightError(
            "Het manifest noemt andere bestanden dan een model heeft; de map is aangepast."
        )
    present = {p.name for p in root.iterdir() if not p.name.startswith(".")}
    extra = sorted(present - set(FILES) - {MANIFEST})
    if extra:
        raise InsightError(
            "Onbekende bestanden in de modelmap: "
            + ", ".join(extra)
            + "; het model wordt niet gebruikt."
        )
    for name, expected in files.items():
        path = root / name
        if not path.is_file():
            raise InsightError(f"Modelbestand {name} ontbreekt.")
        if sha256_file(path) != expected:
            raise InsightError(
                f"Modelbestand {name} is gewijzigd (SHA-256 klopt niet met het manifest); "
                "het model wordt niet gebruikt."
            )


def _arrays(path: Path, method: str) -> dict:
    expected = ARRAYS | (TFIDF_ARRAYS if method != "embeddings" else set())
    try:
        with np.load(path, allow_pickle=False) as npz:
            if set(npz.files) != expected:
                raise InsightError(f"{path.name} bevat andere reeksen dan een model heeft.")
            return {name: np.asarray(npz[name], dtype=np.float64) for name in expected}
    except InsightError:
        raise
    except (OSError, ValueError, EOFError) as exc:  # also: an object array that needs pickle
        raise InsightError(f"{path.name} kan niet veilig worden gelezen ({exc}).") from exc


def load(directory) -> Model:
    root = Path(directory)
    if not root.is_dir():
        raise InsightError(f"Modelmap {root} bestaat niet.")
    if not (root / MANIFEST).is_file():
        raise InsightError(f"Modelmap {root} heeft geen {MANIFEST}; is dit wel een model?")
    manifest_bytes = (root / MANIFEST).read_bytes()
    manifest = _read_json(root / MANIFEST, "het manifest")
    _check_files(root, manifest)
    params = _read_json(root / "model.json", "de modelparameters")
    card = _read_json(root / "card.json", "de modelkaart")
    try:
        method = params["method"]
        themes, sentiments = list(params["themes"]), list(params["sentiments"])
        threshold = float(params["threshold"])
        word_vocabulary = list(params["word_vocabulary"])
        char_vocabulary = list(params["char_vocabulary"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InsightError(f"Modelparameters onvolledig of ongeldig ({exc}).") from exc
    if method not in METHODS:
        raise InsightError(f"Onbekende methode {method!r} in model.json.")
    arrays = _arrays(root / "weights.npz", method)
    features = Features(
        method,
        word_vocabulary,
        arrays.get("word_idf"),
        char_vocabulary,
        arrays.get("char_idf"),
    )
    n_features = (len(word_vocabulary) + len(char_vocabulary) if method != "embeddings" else 0) + (
        0 if method == TFIDF else 512
    )
    shapes_ok = (
        arrays["theme_coef"].shape == (len(themes), n_features)
        and arrays["theme_intercept"].shape == (len(themes),)
        and arrays["sentiment_coef"].shape == (len(sentiments), n_features)
        and arrays["sentiment_intercept"].shape == (len(sentiments),)
        and (
            method == "embeddings"
            or (
                arrays["word_idf"].shape == (len(word_vocabulary),)
                and arrays["char_idf"].shape == (len(char_vocabulary),)
            )
        )
    )
    if not shapes_ok or not all(np.isfinite(a).all() for a in arrays.values()):
        raise InsightError("De modelgewichten passen niet bij model.json; de map is aangepast.")
    return Model(
        themes=themes,
        sentiments=sentiments,
        features=features,
        theme_coef=arrays["theme_coef"],
        theme_intercept=arrays["theme_intercept"],
        sentiment_coef=arrays["sentiment_coef"],
        sentiment_intercept=arrays["sentiment_intercept"],
        threshold=threshold,
        card=card,
        version="insight-" + hashlib.sha256(manifest_bytes).hexdigest()[:12],
    )


def load_named(name) -> Model:
    """``default`` is the shipped starter model; anything else is a model directory."""
    return load(DEFAULT if str(name) == "default" else name)
