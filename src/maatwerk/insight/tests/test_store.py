"""Models are stored as JSON and .npz, never pickled; a tampered directory is refused."""

import hashlib
import json

import numpy as np
import pytest

from maatwerk.insight import store
from maatwerk.insight.errors import InsightError


@pytest.fixture
def saved(tiny_model, tmp_path):
    return store.save(tiny_model, tmp_path / "model")


def _rehash(directory, name):
    manifest = json.loads((directory / store.MANIFEST).read_text())
    manifest["files"][name] = store.sha256_file(directory / name)
    (directory / store.MANIFEST).write_text(json.dumps(manifest))


def test_round_trip(saved, tiny_model):
    loaded = store.load(saved)
    assert loaded.themes == tiny_model.themes
    texts = ["De website doet het niet.", "Mijn uitkering kwam te laat."]
    assert [lab.themes for lab in loaded.predict(texts)] == [
        lab.themes for lab in tiny_model.predict(texts)
    ]
    digest = hashlib.sha256((saved / store.MANIFEST).read_bytes()).hexdigest()[:12]
    assert loaded.version == f"insight-{digest}"
    assert sorted(p.name for p in saved.iterdir()) == sorted([store.MANIFEST, *store.FILES])


def test_the_shipped_model_loads_and_is_intact():
    model = store.load_named("default")
    assert model.themes == sorted(model.themes) and "maatwerk" in model.themes
    assert model.sentiments == ["negatief", "neutraal", "positief"]


@pytest.mark.parametrize("victim", ["model.json", "weights.npz", "card.json"])
def test_a_changed_file_is_refused(saved, victim):
    with open(saved / victim, "ab") as handle:
        handle.write(b" ")
    with pytest.raises(InsightError, match="gewijzigd"):
        store.load(saved)


def test_a_missing_file_is_refused(saved):
    (saved / "weights.npz").unlink()
    with pytest.raises(InsightError, match="ontbreekt"):
        store.load(saved)


def test_an_unknown_file_is_refused(saved):
    (saved / "estimator.pkl").write_bytes(b"\x80\x04")
    with pytest.raises(InsightError, match="Onbekende bestanden"):
        store.load(saved)


def test_a_pickled_array_is_refused_even_with_a_matching_hash(saved):
    arrays = dict(np.load(saved / "weights.npz"))
    arrays["theme_intercept"] = np.array([object()] * 3, dtype=object)
    np.savez(saved / "weights.npz", **arrays)
    _rehash(saved, "weights.npz")
    with pytest.raises(InsightError, match="niet veilig"):
        store.load(saved)


def test_weights_that_do_not_fit_are_refused(saved):
    arrays = dict(np.load(saved / "weights.npz"))
    arrays["theme_coef"] = arrays["theme_coef"][:, :-1]
    np.savez_compressed(saved / "weights.npz", **arrays)
    _rehash(saved, "weights.npz")
    with pytest.raises(InsightError, match="passen niet"):
        store.load(saved)


def test_a_foreign_manifest_is_refused(saved):
    (saved / store.MANIFEST).write_text(json.dumps({"format": "maatwerk-profiler"}))
    with pytest.raises(InsightError, match="geen manifest"):
        store.load(saved)


def test_not_a_model_directory(tmp_path):
    with pytest.raises(InsightError, match="bestaat niet"):
        store.load(tmp_path / "nothing")
    with pytest.raises(InsightError, match="manifest.json"):
        store.load(tmp_path)


def test_save_never_replaces_a_directory_that_is_not_a_model(tiny_model, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InsightError, match="geen modelmap"):
        store.save(tiny_model, tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"
