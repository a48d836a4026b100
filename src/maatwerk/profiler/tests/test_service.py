import json

import numpy as np
import pandas as pd
import pytest

from maatwerk.profiler import service

from .helpers import fit_linear, interaction_frame, linear_frame


@pytest.mark.parametrize(
    ("p", "expected"),
    [
        (0.0, "0-25"),
        (0.25, "0-25"),
        (0.2500001, "25-50"),
        (0.5, "25-50"),
        (0.5000001, "50-75"),
        (0.75, "50-75"),
        (0.7500001, "75-100"),
        (1.0, "75-100"),
    ],
)
def test_band_boundaries(p, expected):
    assert service.band(p) == expected
    assert service.bands([p])[0] == expected


@pytest.mark.parametrize("p", [-0.1, 1.1, float("nan")])
def test_band_refuses_non_probabilities(p):
    with pytest.raises(ValueError):
        service.band(p)


def test_sensitive_and_excluded_columns_are_never_features(linear_model):
    assert linear_model.feature_names == ["age", "searching", "health"]
    assert "sex" not in linear_model.feature_names
    assert linear_model.card["data"]["sensitive"] == ["sex"]
    assert "nooit invoer" in service.card_markdown(linear_model)


def test_linear_data_gives_a_linear_model_with_exact_explanations(linear_model):
    assert linear_model.kind == "linear"
    row = {"age": 58, "searching": 0, "health": 1, "ignored": "x"}
    p = linear_model.predict([row])[0]
    contributions = linear_model.explain(row)
    total = sum(c.effect for c in contributions) + linear_model.reference_logit
    assert total == pytest.approx(np.log(p / (1 - p)), abs=1e-9)
    effects = [abs(c.effect) for c in contributions]
    assert effects == sorted(effects, reverse=True)
    by_feature = {c.feature: c for c in contributions}
    assert by_feature["searching"].effect < 0 and by_feature["searching"].value == 0
    assert by_feature["age"].effect < 0


def test_round_trip_linear(tmp_path, linear_model):
    service.save(linear_model, tmp_path / "m")
    assert not (tmp_path / "m" / "estimator.skops").exists()
    loaded = service.load(tmp_path / "m")
    frame = linear_frame(50, seed=9)
    assert np.allclose(loaded.predict(frame), linear_model.predict(frame), atol=1e-12)
    assert loaded.feature_names == linear_model.feature_names
    assert loaded.card == linear_model.card


def test_tree_model_round_trip_and_shapley_sum(tmp_path, tree_model):
    assert tree_model.kind == "tree"
    assert tree_model.feature_names == ["a", "b", "c"]
    service.save(tree_model, tmp_path / "t")
    loaded = service.load(tmp_path / "t")
    frame = interaction_frame(40, seed=5)
    assert np.allclose(loaded.predict(frame), tree_model.predict(frame))
    row = {"a": 1.0, "b": 0.0, "c": 0.3}
    p = loaded.predict([row])[0]
    effects = loaded.explain(row)
    if loaded.calibration == "sigmoid":
        total = sum(c.effect for c in effects) + loaded.reference_logit
        assert total == pytest.approx(np.log(p / (1 - p)), abs=1e-8)
    # Shapley values add up to the boosting score's distance from the reference client,
    # whatever the calibration, and the score is the booster's own decision function.
    shapley = loaded._tree_shapley()
    booster = loaded.estimator.calibrated_classifiers_[0].estimator
    x = np.array([1.0, 0.0, 0.3])
    assert shapley.raw_score(x) == pytest.approx(booster.decision_function([x])[0], abs=1e-9)
    total = shapley.values(x).sum()
    assert total == pytest.approx(shapley.raw_score(x) - shapley.raw_score(loaded.reference))
    # a and b interact (exclusive or): with a != b both push the chance down
    by_feature = {c.feature: c.effect for c in effects}
    assert by_feature["a"] + by_feature["b"] < 0
    assert [abs(c.effect) for c in effects] == sorted(
        (abs(c.effect) for c in effects), reverse=True
    )


def test_predict_accepts_frames_and_dicts(linear_model):
    rows = [{"age": 30, "searching": 4, "health": 0}, {"age": 60, "searching": 1, "health": 1}]
    from_dicts = linear_model.predict(rows)
    assert np.allclose(from_dicts, linear_model.predict(pd.DataFrame(rows)))
    assert from_dicts[0] > from_dicts[1]
    assert ((from_dicts > 0) & (from_dicts < 1)).all()


def test_missing_feature_and_nan_are_refused(linear_model):
    with pytest.raises(service.ModelError, match="searching"):
        linear_model.predict([{"age": 30, "health": 0}])
    with pytest.raises(service.ModelError, match="geen getal"):
        linear_model.predict([{"age": float("nan"), "searching": 1, "health": 0}])
    with pytest.raises(service.ModelError, match="geen getal"):
        linear_model.explain({"age": "oud", "searching": 1, "health": 0})


def test_card_contents(linear_model):
    card = linear_model.card
    assert card["data"]["rows"] == 400
    assert {row["model"] for row in card["model"]["comparison"]} == {
        "logistic_regression",
        "gradient_boosting",
    }
    for key in ("auc", "brier"):
        m = card["metrics"][key]
        assert m["low"] <= m["value"] <= m["high"]
    # the bootstrap distribution of ECE sits above the point estimate: only check the order
    assert 0 <= card["metrics"]["ece"]["low"] <= card["metrics"]["ece"]["high"]
    assert [row["band"] for row in card["calibration_table"]] == [
        "0-25",
        "25-50",
        "50-75",
        "75-100",
    ]
    assert sum(row["count"] for row in card["calibration_table"]) == 400
    groups = {g["group"]: g for g in card["fairness"][0]["groups"]}
    assert groups["x"]["too_few"] is True and "flagged_share" not in groups["x"]
    assert 0 <= groups["v"]["false_negative_rate"] <= 1
    assert card["provenance"]["versions"]["scikit-learn"] == "1.9.1"
    json.dumps(card, allow_nan=False)
    text = service.card_markdown(linear_model)
    assert "te weinig" in text and "ECE" in text and "Brier" in text


def test_fit_is_deterministic(linear_model):
    again = fit_linear()
    assert np.array_equal(again.coef, linear_model.coef)
    assert again.card["metrics"] == linear_model.card["metrics"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f.assign(found_work=2), "0 of 1"),
        (lambda f: f.assign(health=1.0), "dezelfde waarde"),
        (lambda f: f.assign(client="same"), "komt vaker voor"),
        (lambda f: f.drop(columns=["found_work"]), "found_work"),
        (lambda f: f.iloc[:0], "geen rijen"),
        (lambda f: f.assign(found_work=1), "één waarde"),
    ],
)
def test_fit_refuses_bad_frames(change, message):
    with pytest.raises(service.ModelError, match=message):
        fit_linear(change(linear_frame(60)))


def test_tampering_is_detected(tmp_path, linear_model, tree_model):
    service.save(linear_model, tmp_path / "lin")
    params = tmp_path / "lin" / "model.json"
    params.write_text(params.read_text().replace('"calibration"', '"calibration" '))
    with pytest.raises(service.ModelError, match="model.json is gewijzigd"):
        service.load(tmp_path / "lin")

    service.save(tree_model, tmp_path / "tree")
    blob = tmp_path / "tree" / "estimator.skops"
    blob.write_bytes(blob.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(service.ModelError, match="estimator.skops is gewijzigd"):
        service.load(tmp_path / "tree")

    service.save(linear_model, tmp_path / "gone")
    (tmp_path / "gone" / "card.json").unlink()
    with pytest.raises(service.ModelError, match="card.json ontbreekt"):
        service.load(tmp_path / "gone")

    with pytest.raises(service.ModelError, match="bestaat niet"):
        service.load(tmp_path / "nowhere")


def test_consistently_rewritten_manifest_still_cannot_change_the_features(tmp_path, linear_model):
    service.save(linear_model, tmp_path / "m")
    manifest = json.loads((tmp_path / "m" / "manifest.json").read_text())
    manifest["feature_names"] = ["age", "searching"]
    (tmp_path / "m" / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(service.ModelError, match="verschillen van het manifest"):
        service.load(tmp_path / "m")


def test_save_replaces_a_model_but_never_another_directory(tmp_path, linear_model, tree_model):
    service.save(linear_model, tmp_path / "m")
    service.save(tree_model, tmp_path / "m")
    assert service.load(tmp_path / "m").kind == "tree"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("keep me")
    with pytest.raises(service.ModelError, match="geen modelmap"):
        service.save(linear_model, tmp_path / "docs")
    assert (tmp_path / "docs" / "notes.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "m"]
