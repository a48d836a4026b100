"""`make demo PORT=…`: every step it runs gets SITE_URL at that port, so the links in the demo's
e-mails and its printed log-in go to where the demo really runs."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
MAKE = shutil.which("make")


def _dry_run(*args: str) -> list[str]:
    done = subprocess.run(
        [MAKE, "--dry-run", "--always-make", "-C", str(ROOT), "demo", *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return [line for line in done.stdout.splitlines() if "bin/maatwerk" in line]


pytestmark = pytest.mark.skipif(MAKE is None, reason="needs GNU make")


def test_make_demo_gives_every_step_the_site_url_of_its_port():
    steps = _dry_run("PORT=8123")
    assert [step.split("maatwerk ")[-1].split()[0] for step in steps] == [
        "migrate",
        "demo_data",
        "runserver",
    ]
    for step in steps:
        assert "SITE_URL=http://127.0.0.1:8123 " in step and "MAATWERK_MODE=demo" in step
    assert steps[-1].endswith("runserver 127.0.0.1:8123")


def test_an_explicit_site_url_wins():
    steps = _dry_run("PORT=8123", "SITE_URL=https://demo.example")
    assert all("SITE_URL=https://demo.example " in step for step in steps)
