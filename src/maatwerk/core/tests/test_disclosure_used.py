"""Every page module that counts goes through disclosure control (docs/adr/0028).

The scan reads the views, queries, results and exports modules of every app with ``ast``. A
module that aggregates in the database (``Count``, ``Sum``, ``Avg``, ``.aggregate(``,
``.annotate(``) must import ``maatwerk.core.disclosure``, or be on the short list below with the
reason its counts are not figures about a group of clients. A new aggregate page that forgets the
module fails here.
"""

import ast
from pathlib import Path

import maatwerk

SOURCE = Path(maatwerk.__file__).parent
PAGE_MODULES = ("views.py", "views_*.py", "queries.py", "results.py", "exports.py", "api.py")
AGGREGATES = {"Count", "Sum", "Avg", "StdDev", "Variance"}
AGGREGATING_METHODS = {"aggregate", "annotate"}

# Not figures about a group of clients; keep this list short and say why.
ALLOWED = {
    # Versions of letter templates and how many letters each sent: about the organisation's
    # texts, shown to editors; no client's answer or attribute is in them.
    "letters/queries.py",
    # Annotates each event of one client's timeline with the reader's voice (a constant); it
    # counts nothing.
    "timeline/queries.py",
}


def _page_modules():
    for app in sorted(p.parent for p in SOURCE.glob("*/__init__.py")):
        if app.name == "core":
            continue
        for pattern in PAGE_MODULES:
            yield from sorted(app.glob(pattern))


def _aggregates(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in AGGREGATES:
                return True
            if isinstance(func, ast.Attribute) and (
                func.attr in AGGREGATING_METHODS or func.attr in AGGREGATES
            ):
                return True
    return False


def _uses_disclosure(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.module == "maatwerk.core.disclosure":
                return True
            if node.module == "maatwerk.core" and any(a.name == "disclosure" for a in node.names):
                return True
        if isinstance(node, ast.Import) and any(
            a.name == "maatwerk.core.disclosure" for a in node.names
        ):
            return True
    return False


def test_every_aggregating_page_module_uses_disclosure_control():
    bypassing = []
    scanned = []
    for path in _page_modules():
        name = path.relative_to(SOURCE).as_posix()
        tree = ast.parse(path.read_text(), filename=name)
        if not _aggregates(tree):
            continue
        scanned.append(name)
        if name not in ALLOWED and not _uses_disclosure(tree):
            bypassing.append(name)
    assert not bypassing, f"Aggregates without maatwerk.core.disclosure: {bypassing}"
    # The scan still sees the aggregate pages it was written for.
    assert {"surveys/results.py", "panel/queries.py", "feedback/queries.py"} <= set(scanned)
    assert set(scanned) >= ALLOWED, "Drop allow-list entries that no longer aggregate."


def test_the_scan_catches_a_bypass():
    sneaky = ast.parse(
        "from django.db.models import Count\n"
        "def per_office(qs):\n    return qs.values('office').annotate(n=Count('id'))\n"
    )
    assert _aggregates(sneaky) and not _uses_disclosure(sneaky)
    honest = ast.parse("from maatwerk.core import disclosure\n" + ast.unparse(sneaky))
    assert _uses_disclosure(honest)
