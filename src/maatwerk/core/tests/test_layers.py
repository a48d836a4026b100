"""The apps form layers: each imports only from the layers below it (tests excluded).

    core                              Django and libraries only
    audit                             core
    organisation                      core, audit
    access, clients, timeline         the foundation (these three use each other)
    capabilities (messaging, ...)     anything below; shared interfaces come from core
    site                              on top: home page, menu context, admin site

Registries that several capabilities share (call-list sources, starting texts) live in core, so
a capability never imports another one just to register itself.
"""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

import maatwerk

SOURCE = Path(maatwerk.__file__).parent
APPS = sorted(path.parent.name for path in SOURCE.glob("*/__init__.py"))
FOUNDATION = {"core", "audit", "organisation", "access", "clients", "timeline"}


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    base = package.rsplit(".", node.level - 1)[0]
    return f"{base}.{node.module}" if node.module else base


def _app_of(module: str) -> str | None:
    top, _, rest = module.partition(".")
    app = rest.partition(".")[0]
    return app if top == "maatwerk" and app in APPS else None


def imported_apps(app: str) -> dict[str, list[str]]:
    """Other Maatwerk apps that ``app``'s own code imports, each with where (file:line)."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted((SOURCE / app).rglob("*.py")):
        relative = path.relative_to(SOURCE)
        if "tests" in relative.parts:
            continue
        package = ".".join(("maatwerk", *relative.parent.parts))
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                module = _absolute(node, package)
                modules = [f"{module}.{alias.name}" for alias in node.names]
            else:
                continue
            for other in {_app_of(module) for module in modules} - {None, app}:
                found[other].append(f"{relative}:{node.lineno}")
    return dict(found)


def test_the_scan_sees_top_level_and_function_level_imports():
    # serviceplan's call list imports clients at the top and access inside a function.
    assert {"clients", "core", "organisation", "access"} <= set(imported_apps("serviceplan"))
    assert "clients" in imported_apps("timeline")


def test_relative_imports_are_resolved_from_their_package():
    package = "maatwerk.core.sub"
    up_two, here = ast.parse("from ...clients import models\nfrom . import x").body
    assert _absolute(up_two, package) == "maatwerk.clients"
    assert _absolute(here, package) == "maatwerk.core.sub"


def test_core_imports_no_other_maatwerk_app():
    assert imported_apps("core") == {}


@pytest.mark.parametrize(
    ("app", "allowed"),
    [
        ("audit", {"core"}),
        ("organisation", {"core", "audit"}),
        ("access", FOUNDATION),
        ("clients", FOUNDATION),
        ("timeline", FOUNDATION),
    ],
)
def test_the_foundation_imports_only_the_layers_below(app, allowed):
    beyond = {other: where for other, where in imported_apps(app).items() if other not in allowed}
    assert beyond == {}


@pytest.mark.parametrize(
    ("app", "other"),
    [("appointments", "serviceplan"), ("messaging", "serviceplan"), ("letters", "messaging")],
)
def test_a_capability_reaches_a_shared_registry_through_core(app, other):
    assert imported_apps(app).get(other, []) == []


def test_nothing_builds_on_the_site_app():
    importers = {app: imported_apps(app)["site"] for app in APPS if "site" in imported_apps(app)}
    assert importers == {}
