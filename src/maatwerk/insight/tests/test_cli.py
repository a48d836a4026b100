"""`maatwerk voice fit | classify` through call_command and as a process: the happy path and
every kind of bad input (a Dutch message, exit code 1, nothing written)."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from maatwerk.insight import store

STARTER = store.DEFAULT.parent / "starter_set.csv"
FIT = ["--text-col", "text", "--themes-col", "themes", "--sentiment-col", "sentiment"]


def run(*args) -> str:
    out = io.StringIO()
    call_command("voice", *[str(a) for a in args], stdout=out, stderr=io.StringIO())
    return out.getvalue()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def small_training_csv(path: Path, rows: int = 60) -> Path:
    """The first rows of the starter set: few enough that fit uses its default method."""
    with open(STARTER, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    return write(path, "\n".join(lines[: rows + 1]) + "\n")


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def fitted(tmp_path_factory):
    root = tmp_path_factory.mktemp("voice")
    data = small_training_csv(root / "labelled.csv")
    output = run("fit", "--data", data, *FIT, "--out", root / "model")
    return root, output


def test_fit_writes_a_model(fitted):
    root, output = fitted
    assert "Model opgeslagen" in output
    model = store.load(root / "model")
    assert model.card["source"]["file"] == "labelled.csv"
    assert model.card["chosen_by"].startswith("standaard")
    assert set(model.themes) <= {
        "contactpersoon", "bejegening", "digitaal", "informatie",
        "terugkoppeling", "inkomen", "werk", "maatwerk",
    }  # fmt: skip


def test_classify_with_a_fitted_model(fitted, tmp_path):
    root, _ = fitted
    data = write(tmp_path / "in.csv", "nr,tekst\n7,De website werkt niet en inloggen lukt nooit.\n")
    output = run("classify", "--model", root / "model", "--data", data, "--id-col", "nr",
                 "--text-col", "tekst", "--out", tmp_path / "out.csv")  # fmt: skip
    assert "1 teksten gelabeld" in output
    rows = read_csv(tmp_path / "out.csv")
    assert list(rows[0]) == ["nr", "themes", "sentiment"] and rows[0]["nr"] == "7"


def test_classify_with_the_default_model(tmp_path):
    data = tmp_path / "in.csv"
    with open(data, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "extra"])
        writer.writerow(
            ["a1", "Mijn uitkering kwam weer te laat, ik kon de huur niet betalen.", "x"]
        )
        writer.writerow(["a2", "", "x"])
        writer.writerow(["a3", "I never received an answer to my question about my payment", "x"])
        writer.writerow(["a4", "<p>Ze luisterde <b>echt</b> naar mij, heel vriendelijk.</p>", "x"])
        writer.writerow(["a5", "Super geholpen, bedankt! " * 400, "x"])
    run("classify", "--model", "default", "--data", data, "--id-col", "id", "--text-col", "text",
        "--out", tmp_path / "out.csv")  # fmt: skip
    rows = {r["id"]: r for r in read_csv(tmp_path / "out.csv")}
    assert list(rows) == ["a1", "a2", "a3", "a4", "a5"]
    assert "inkomen" in rows["a1"]["themes"].split(";") and rows["a1"]["sentiment"] == "negatief"
    assert rows["a2"] == {"id": "a2", "themes": "", "sentiment": ""}
    assert rows["a3"] == {"id": "a3", "themes": "", "sentiment": "andere taal"}
    assert "bejegening" in rows["a4"]["themes"] and rows["a4"]["sentiment"] == "positief"
    assert rows["a5"]["sentiment"] == "positief"


def test_the_console_script_exit_codes(tmp_path):
    """Exit 0 when done, 1 with a Dutch message on bad input, 2 on wrong use (as the profiler)."""
    maatwerk = Path(sys.executable).parent / "maatwerk"
    data = write(tmp_path / "in.csv", "id,text\n1,Ik ben tevreden over mijn adviseur.\n")
    ok = subprocess.run(
        [maatwerk, "voice", "classify", "--model", "default", "--data", data, "--id-col", "id",
         "--text-col", "text", "--out", tmp_path / "out.csv"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        [maatwerk, "voice", "classify", "--model", "default", "--data", data, "--id-col", "nr",
         "--text-col", "text", "--out", tmp_path / "bad.csv"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode == 1 and "mist de kolom(men) 'nr'" in bad.stderr
    assert "Traceback" not in bad.stderr and not (tmp_path / "bad.csv").exists()
    usage = subprocess.run(
        [maatwerk, "voice", "classify", "--model", "default"], capture_output=True, check=False
    )
    assert usage.returncode == 2


@pytest.mark.parametrize(
    "content, extra, message",
    [
        ("", [], "is leeg"),
        ("text,themes,sentiment\n", [], "alleen een kopregel"),
        ("tekst,themes,sentiment\nhoi,werk,positief\n", [], "mist de kolom(men) 'text'"),
        ("text,text,sentiment\nhoi,werk,positief\n", [], "twee keer"),
        ("text,themes,sentiment\nhoi,werk,positief,extra\n", [], "regel 2: 4 velden"),
        (
            "text,themes,sentiment\nMijn geld,inkomen,negatief\nDe site,digitaal,positief\n",
            ["--codebook", "inkomen"],
            "Onbekende code(s) in de thema's: digitaal",
        ),
        (
            "text,themes,sentiment\nMijn geld,inkomen,negatief\nDe site,,positief\n",
            ["--codebook", "default"],
            "Code(s) zonder voorbeelden: contactpersoon",
        ),
        ("text,themes,sentiment\nMijn geld,inkomen,negatief\nHoi,,negatief\n", [], "twee soorten"),
        ("text,themes,sentiment\nMijn geld,Inkomen?,negatief\nHoi,,positief\n", [], "Ongeldige"),
    ],
)
def test_fit_refuses_bad_csv(tmp_path, content, extra, message):
    data = write(tmp_path / "bad.csv", content)
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run("fit", "--data", data, *FIT, *extra, "--out", tmp_path / "model")
    assert not (tmp_path / "model").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.csv"]


def test_fit_refuses_unreadable_files(tmp_path):
    binary = tmp_path / "data.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81text\x00")
    for path, message in [
        (binary, "geen UTF-8"),
        (tmp_path / "absent.csv", "bestaat niet"),
        (tmp_path, "bestaat niet"),  # a directory is not a file
    ]:
        with pytest.raises(CommandError, match=message):
            run("fit", "--data", path, *FIT, "--out", tmp_path / "model")
    assert not (tmp_path / "model").exists()


def test_fit_never_overwrites_a_directory_that_is_not_a_model(tmp_path):
    data = small_training_csv(tmp_path / "labelled.csv")
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep")
    with pytest.raises(CommandError, match="geen modelmap"):
        run("fit", "--data", data, *FIT, "--out", target)
    assert (target / "notes.txt").read_text() == "keep"


@pytest.mark.parametrize(
    "content, columns, message",
    [
        ("", ["id", "text"], "is leeg"),
        ("id,text\n", ["id", "text"], "alleen een kopregel"),
        ("id,tekst\n1,hoi\n", ["id", "text"], "mist de kolom(men) 'text'"),
        ("id,text\n1,hoi,extra\n", ["id", "text"], "velden"),
    ],
)
def test_classify_refuses_bad_csv_and_writes_nothing(tmp_path, content, columns, message):
    data = write(tmp_path / "in.csv", content)
    out = tmp_path / "out.csv"
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run("classify", "--model", "default", "--data", data, "--id-col", columns[0],
            "--text-col", columns[1], "--out", out)  # fmt: skip
    assert not out.exists()


def test_classify_refuses_a_missing_or_tampered_model(fitted, tmp_path):
    data = write(tmp_path / "in.csv", "id,text\n1,hoi\n")
    with pytest.raises(CommandError, match="bestaat niet"):
        run("classify", "--model", tmp_path / "none", "--data", data, "--id-col", "id",
            "--text-col", "text", "--out", tmp_path / "out.csv")  # fmt: skip
    root, _ = fitted
    tampered = tmp_path / "tampered"
    tampered.mkdir()
    for item in (root / "model").iterdir():
        (tampered / item.name).write_bytes(item.read_bytes())
    with open(tampered / "model.json", "a", encoding="utf-8") as handle:
        handle.write("\n")
    with pytest.raises(CommandError, match="gewijzigd"):
        run("classify", "--model", tampered, "--data", data, "--id-col", "id",
            "--text-col", "text", "--out", tmp_path / "out.csv")  # fmt: skip
    assert not (tmp_path / "out.csv").exists()


def test_classify_output_is_all_or_nothing(tmp_path, monkeypatch):
    """A failure halfway leaves neither a partial file nor an earlier file damaged."""
    from maatwerk.insight.classifier import Model

    data = write(tmp_path / "in.csv", "id,text\n" + "".join(f"{i},tekst {i}\n" for i in range(5)))
    out = write(tmp_path / "out.csv", "earlier result\n")

    def broken(self, texts):
        raise ValueError("kapot")

    monkeypatch.setattr(Model, "predict", broken)
    with pytest.raises(CommandError, match="kapot"):
        run("classify", "--model", "default", "--data", data, "--id-col", "id",
            "--text-col", "text", "--out", out)  # fmt: skip
    assert out.read_text() == "earlier result\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(CommandError, match="bestaat niet"):
        run("classify", "--model", "default", "--data", data, "--id-col", "id",
            "--text-col", "text", "--out", tmp_path / "no" / "out.csv")  # fmt: skip
