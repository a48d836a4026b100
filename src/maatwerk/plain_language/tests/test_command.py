"""maatwerk plain-language check FILE: exit codes, text and JSON output, stdin."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

TEXTS = Path(__file__).parent / "texts"


def run(*args, stdin: str | None = None):
    out = io.StringIO()
    err = io.StringIO()
    code = 0
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    try:
        call_command("plain_language", *args, stdout=out, stderr=err)
    except CommandError as exc:
        code = exc.returncode
        err.write(str(exc))
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def test_plain_text_meets_b1_exit_0():
    code, out, _err = run("check", str(TEXTS / "b1_welkom.txt"))
    assert code == 0
    assert out.startswith("Taalniveau B1: voldoet\n")
    assert "Flesch-Douma: " in out
    assert "De tekst voldoet aan taalniveau B1." in out


def test_officialese_fails_exit_1_with_findings():
    code, out, err = run("check", str(TEXTS / "ambtelijk_besluit.txt"))
    assert code == 1
    assert out.startswith("Taalniveau B1: voldoet niet\n")
    assert "Ambtelijke woorden (" in out
    assert "regel 5: „Indien” — Ambtelijk: schrijf liever „als”." in out
    assert "Lange zinnen (3):" in out
    assert "De tekst voldoet niet aan taalniveau B1." in err


def test_json_output(tmp_path):
    path = tmp_path / "brief.html"
    path.write_text(
        "<p>Beste {{ naam }},</p><p>Indien u vragen heeft, bel ons.</p>", encoding="utf-8"
    )
    code, out, _err = run("check", str(path), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["meets_b1"] is False
    assert data["officialese"][0]["text"] == "Indien"
    assert data["words"] == 8


def test_stdin():
    code, out, _err = run("check", "-", "--format", "json", stdin="Heeft u vragen? Bel ons gerust.")
    assert code == 0
    assert json.loads(out)["sentences"] == 2


def test_english_report():
    code, out, _err = run("check", str(TEXTS / "b1_welkom.txt"), "--language", "en")
    assert code == 0
    assert out.startswith("Language level B1: meets\n")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "bestaat-niet.txt", "Bestand niet gevonden"),
        (lambda tmp: tmp, "Kan het bestand niet lezen"),
        (lambda tmp: _write(tmp / "plaatje.txt", b"\xff\xfe\x00\x89PNG"), "geen tekst in UTF-8"),
    ],
)
def test_unreadable_file_exit_2(tmp_path, make, message):
    code, out, err = run("check", str(make(tmp_path)))
    assert code == 2
    assert message in err
    assert out == ""


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_console_script_exit_codes_and_no_traceback(tmp_path):
    maatwerk = Path(sys.executable).with_name("maatwerk")
    missing = subprocess.run(
        [str(maatwerk), "plain-language", "check", str(tmp_path / "nee.txt")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2
    assert "Bestand niet gevonden" in missing.stderr
    assert "Traceback" not in missing.stderr
    failing = subprocess.run(
        [str(maatwerk), "plain-language", "check", "-"],
        input="Indien u belt.",
        capture_output=True,
        text=True,
    )
    assert failing.returncode == 1
    assert "Indien" in failing.stdout
