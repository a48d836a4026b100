"""The locks (`make lock`) hold every pin of pyproject.toml at the same version, so the two cannot
drift apart; production is the same tree without the demo and test extras (ADR 0020)."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PROJECT = PYPROJECT["project"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        if match := PIN.match(line.strip()):
            found[canonical(match.group(1))] = match.group(2)
    return found


def lock(name: str) -> dict[str, str]:
    return pins((ROOT / "requirements" / name).read_text().splitlines())


RUNTIME = pins(PROJECT["dependencies"] + PYPROJECT["build-system"]["requires"])
EXTRAS = pins([pin for extra in PROJECT["optional-dependencies"].values() for pin in extra])


def test_every_requirement_in_pyproject_is_pinned():
    written = PROJECT["dependencies"] + PYPROJECT["build-system"]["requires"]
    written += [pin for extra in PROJECT["optional-dependencies"].values() for pin in extra]
    assert [pin for pin in written if not PIN.match(pin)] == []


@pytest.mark.parametrize("name", ["test.txt", "production.txt"])
def test_the_lock_holds_the_runtime_pins_and_the_build_backend(name):
    locked = lock(name)
    assert {package: locked.get(package) for package in RUNTIME} == RUNTIME


def test_the_test_lock_holds_the_demo_and_test_extras():
    locked = lock("test.txt")
    assert {package: locked.get(package) for package in EXTRAS} == EXTRAS


def test_production_is_the_same_tree_without_the_extras():
    production, test = lock("production.txt"), lock("test.txt")
    assert {package: test.get(package) for package in production} == production
    assert "faker" not in production


@pytest.mark.parametrize("name", ["test.txt", "production.txt"])
def test_every_locked_package_carries_its_hashes(name):
    lines = (ROOT / "requirements" / name).read_text().splitlines()
    pinned = [number for number, line in enumerate(lines) if PIN.match(line)]
    assert pinned
    assert [lines[n] for n in pinned if "--hash=sha256:" not in lines[n + 1]] == []
