"""The command line, through call_command: happy path and every kind of bad input."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from maatwerk.profiler import service

from .helpers import linear_frame

FIT = ["--id", "client", "--label", "found_work", "--exclude", "spell_weeks", "--sensitive", "sex"]


def run(*args) -> str:
    out = io.StringIO()
    call_command("profiler", *[str(a) for a in args], stdout=out, stderr=io.StringIO())
    return out.getvalue()


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    data = root / "history.csv"
    linear_frame(300).to_csv(data, index=False)
    run("fit", "--data", data, *FIT, "--out", root / "model")
    return root


def test_fit_score_report(trained, tmp_path):
    model = service.load(trained / "model")
    assert model.feature_names == ["age", "searching", "health"]
    assert model.card["provenance"]["source"]["file"] == "history.csv"
    assert len(model.card["provenance"]["source"]["sha256"]) == 64

    source = linear_frame(25, seed=7)
    source["extra"] = "ignored"
    source.to_csv(tmp_path / "new.csv", index=False)
    run(
        "score",
        "--model",
        trained / "model",
        "--data",
        tmp_path / "new.csv",
        "--out",
        tmp_path / "s.csv",
    )
    with open(tmp_path / "s.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["client", "probability", "band"]
    assert [r["client"] for r in rows] == list(source["client"])
    for r in rows:
        assert service.band(float(r["probability"])) == r["band"]

    report = run("report", "--model", trained / "model")
    assert report.startswith("# Modelkaart")
    assert "Eerlijkheid" in report and "`sex`" in report and "nooit invoer" in report


def test_fit_accepts_repeated_options(trained, tmp_path):
    frame = linear_frame(300)
    frame["note"] = 1.0  # constant, but excluded
    frame.to_csv(tmp_path / "d.csv", index=False)
    args = ["--id", "client", "--label", "found_work", "--exclude", "spell_weeks"]
    run(
        "fit",
        "--data",
        tmp_path / "d.csv",
        *args,
        "--exclude",
        "note",
        "--sensitive",
        "sex",
        "--out",
        tmp_path / "m",
    )
    assert service.load(tmp_path / "m").card["data"]["excluded"] == ["spell_weeks", "note"]


GOOD_HEADER = "client,age,searching,health,sex,spell_weeks,found_work\n"
GOOD_ROW = "c{i},{age},{s},{h},v,10,{y}\n"


def good_rows(n=40, start=0):
    return "".join(
        GOOD_ROW.format(i=i, age=20 + i % 40, s=i % 5, h=int(i % 3 == 0), y=i % 2)
        for i in range(start, start + n)
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "leeg"),
        ("\n\n", "leeg"),
        (GOOD_HEADER, "geen rijen"),
        (GOOD_HEADER + good_rows() + "c99,30,2,0,v,10,1,extra,fields\n", "geen geldig CSV"),
        (GOOD_HEADER + good_rows() + 'c98,"30,2,0,v,10,1\n', "geen geldig CSV"),
        (GOOD_HEADER + good_rows() + "c97,30,2,0,v,10,2\n", r"regel 42: waarde 2.*0 of 1"),
        (GOOD_HEADER + good_rows() + "c96,30,2,0,v,10,ja\n", "0 of 1"),
        (GOOD_HEADER + good_rows() + "c95,,2,0,v,10,1\n", r"'age', regel 42: waarde leeg"),
        (GOOD_HEADER + good_rows() + "c94,oud,2,0,v,10,1\n", r"'age', regel 42: waarde 'oud'"),
        (
            GOOD_HEADER + good_rows() + "c3,30,2,0,v,10,1\n",
            r"(?i)regel 42: id 'c3' komt vaker voor",
        ),
        (GOOD_HEADER.replace("age", "sex"), "twee keer"),
        (GOOD_HEADER.replace("found_work", "werk") + good_rows(), "labelkolom: 'found_work'"),
        (GOOD_HEADER.replace("client", "klant") + good_rows(), "id-kolom"),
        (GOOD_HEADER.replace("spell_weeks", "weken") + good_rows(), "--exclude: 'spell_weeks'"),
        (GOOD_HEADER + good_rows(12), "Te weinig gevallen"),
        (GOOD_HEADER + good_rows(40) + "c90,30,1,0\n", "regel 42: waarde leeg"),
    ],
    ids=[
        "empty",
        "blank-lines",
        "header-only",
        "too-many-fields",
        "unclosed-quote",
        "label-2",
        "label-text",
        "nan",
        "text-value",
        "duplicate-id",
        "duplicate-column",
        "missing-label",
        "missing-id",
        "missing-excluded",
        "too-small",
        "too-few-fields",
    ],
)
def test_fit_refuses_bad_csv(tmp_path, text, message):
    data = write(tmp_path / "bad.csv", text)
    with pytest.raises(CommandError, match=message):
        run("fit", "--data", data, *FIT, "--out", tmp_path / "model")
    assert not (tmp_path / "model").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_fit_refuses_constant_column(tmp_path):
    frame = linear_frame(100)
    frame["health"] = 0
    frame.to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(CommandError, match=r"'health'.*--exclude"):
        run("fit", "--data", tmp_path / "c.csv", *FIT, "--out", tmp_path / "model")
    assert not (tmp_path / "model").exists()


def test_fit_refuses_missing_file_and_binary_data(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        run("fit", "--data", tmp_path / "nope.csv", *FIT, "--out", tmp_path / "model")
    (tmp_path / "bin.csv").write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(CommandError, match="UTF-8"):
        run("fit", "--data", tmp_path / "bin.csv", *FIT, "--out", tmp_path / "model")


def test_fit_never_overwrites_a_directory_that_is_not_a_model(trained, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.txt").write_text("precious")
    with pytest.raises(CommandError, match="geen modelmap"):
        run("fit", "--data", trained / "history.csv", *FIT, "--out", tmp_path / "mine")
    assert (tmp_path / "mine" / "thesis.txt").read_text() == "precious"


def test_cli_usage_errors_are_command_errors(tmp_path):
    with pytest.raises(CommandError):
        run("fit", "--data", tmp_path / "x.csv")
    with pytest.raises(CommandError):
        run("predict")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "leeg"),
        ("client,age,searching,health\n", "geen rijen"),
        ("client,age,health\nc1,30,0\n", r"kenmerk\(en\) die het model nodig heeft: 'searching'"),
        ("age,searching,health\n30,1,0\n", "id-kolom: 'client'"),
        (
            "client,age,searching,health\nc1,30,1,0\nc2,31,,0\n",
            r"'searching', regel 3: waarde leeg",
        ),
        (
            "client,age,searching,health\nc1,30,1,0\nc1,31,1,0\n",
            "(?i)regel 3: id 'c1' komt vaker voor",
        ),
        ("client,age,searching,health\nc1,30,1,0,9\n", "geen geldig CSV"),
    ],
    ids=["empty", "header-only", "missing-feature", "missing-id", "nan", "duplicate-id", "ragged"],
)
def test_score_refuses_bad_csv(trained, tmp_path, text, message):
    data = write(tmp_path / "in.csv", text)
    with pytest.raises(CommandError, match=message):
        run("score", "--model", trained / "model", "--data", data, "--out", tmp_path / "out.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_score_error_in_a_later_chunk_leaves_no_file(trained, tmp_path, monkeypatch):
    from maatwerk.profiler import csvfile

    monkeypatch.setattr(csvfile, "CHUNK_ROWS", 10)
    rows = "".join(f"c{i},{30 + i % 9},1,0\n" for i in range(35)) + "c1,30,1,0\n"
    data = write(tmp_path / "in.csv", "client,age,searching,health\n" + rows)
    with pytest.raises(CommandError, match="(?i)regel 37: id 'c1' komt vaker voor"):
        run("score", "--model", trained / "model", "--data", data, "--out", tmp_path / "out.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.parametrize("victim", ["model.json", "card.json", "manifest.json"])
def test_tampered_model_directory(trained, tmp_path, victim):
    import shutil

    model_dir = tmp_path / "model"
    shutil.copytree(trained / "model", model_dir)
    path = model_dir / victim
    if victim == "manifest.json":
        manifest = json.loads(path.read_text())
        manifest["files"]["model.json"] = "0" * 64
        path.write_text(json.dumps(manifest))
    else:
        path.write_text(path.read_text().replace("0.", "1.", 1))
    with pytest.raises(CommandError, match="gewijzigd"):
        run("report", "--model", model_dir)
    with pytest.raises(CommandError, match="gewijzigd"):
        run(
            "score",
            "--model",
            model_dir,
            "--data",
            trained / "history.csv",
            "--out",
            tmp_path / "s.csv",
        )
    assert not (tmp_path / "s.csv").exists()


def test_report_on_a_directory_that_is_not_a_model(tmp_path):
    with pytest.raises(CommandError, match="geen manifest.json"):
        run("report", "--model", tmp_path)
    with pytest.raises(CommandError, match="bestaat niet"):
        run("report", "--model", tmp_path / "nope")
