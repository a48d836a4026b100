"""Object rules in one shape (ADR 0023): views refuse through ``require`` and an app's rules,
never with an inline ``raise PermissionDenied``."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from maatwerk.access.rules import require

SOURCE = Path(__file__).resolve().parents[2]  # src/maatwerk

# View modules that may still raise PermissionDenied themselves, with the reason. Empty: every
# refusal in a view goes through ``require`` (or a shared gate such as open_client_file).
ALLOWED: dict[str, str] = {}


def view_modules() -> list[Path]:
    return sorted(
        path
        for path in SOURCE.rglob("views*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    )


def inline_refusals(source: str) -> list[int]:
    """Line numbers of ``raise PermissionDenied`` (bare, called, or via a module)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Raise) or node.exc is None:
            continue
        exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        name = exc.attr if isinstance(exc, ast.Attribute) else getattr(exc, "id", "")
        if name == "PermissionDenied":
            lines.append(node.lineno)
    return lines


def test_require_refuses_unless_the_rule_holds():
    require(lambda a, b: a == b, 1, 1)
    with pytest.raises(PermissionDenied):
        require(lambda a, b: a == b, 1, 2)


def test_the_scan_sees_every_form_of_inline_refusal():
    source = (
        "def a():\n    raise PermissionDenied\n"
        "def b():\n    raise PermissionDenied('no')\n"
        "def c():\n    raise exceptions.PermissionDenied\n"
        "def d():\n    require(may_x, user, thing)\n"
    )
    assert inline_refusals(source) == [2, 4, 6]


def test_views_refuse_only_through_rules():
    assert len(view_modules()) > 10  # the scan finds the views at all
    found = {
        str(path.relative_to(SOURCE)): lines
        for path in view_modules()
        if (lines := inline_refusals(path.read_text(encoding="utf-8")))
        and str(path.relative_to(SOURCE)) not in ALLOWED
    }
    assert found == {}, (
        "Refuse in a view with maatwerk.access.rules.require(app_rule, ...) and a predicate "
        f"in the app's rules.py (ADR 0023); inline raise PermissionDenied at {found}"
    )
