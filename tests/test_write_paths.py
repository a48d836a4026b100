"""Every ORM write lives in an app's ``actions.py`` (docs/adr/0024-writes-only-in-actions.md).

The scan reads the source with ``ast`` and flags calls that write through the ORM outside
``actions.py``. It is a heuristic, tuned to the project's code:

- ``create``, ``get_or_create``, ``update_or_create``, ``bulk_create``, ``bulk_update`` are
  always ORM writes;
- ``delete()`` without arguments, and ``save()`` with no positional argument, are a model's or a
  queryset's (``image.save(buffer)`` or ``storage.delete(name)`` are not);
- ``update(...)`` is a queryset's only on an expression that is visibly a queryset (a chain
  through ``objects``, ``filter``, ``exclude``, ``all``, ``select_for_update`` ...) — so
  ``dict.update`` and ``set.update`` pass.

Related-manager writes (``.add``, ``.set``, ``.remove``) are left out: the names are too common on
sets to tell apart, and the project writes many-to-many rows only in actions and migrations.
"""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "maatwerk"

ALWAYS = {"create", "get_or_create", "update_or_create", "bulk_create", "bulk_update"}
QUERYSET_STEPS = {
    "objects",
    "filter",
    "exclude",
    "all",
    "select_for_update",
    "select_related",
    "using",
    "order_by",
}

# Where a write outside actions.py is right by design. Keep this list short and say why.
ALLOWED_DIRS = {
    "migrations",  # schema and data migrations write with historical models
    "tests",  # tests arrange their data directly
    "demo",  # the demo loader: real actions for the few rows, bulk inserts for the many (ADR 3)
}
ALLOWED_FILES = {
    # Models own their rows: save() overrides, append-only guards, a token's "last used" stamp.
    "core/append_only.py",
    "api/models.py",
    # Seed data, run by data migrations (historical models) and post_migrate after a flush.
    "access/grants.py",
    "access/roles.py",
    "appointments/defaults.py",
    "serviceplan/defaults.py",
    "panel/strata.py",
    "panel/topics.py",
    "werkverkenner/questionnaire.py",
    "insight/codebook.py",
    # Per-app demo steps, run only by `maatwerk demo_data` through the demo registry.
    "appointments/demo.py",
    # Storage behind an action: called only from inside the caller's transaction in actions.py.
    "appointments/builtin.py",  # the built-in agenda plugin (agenda.py), booked via actions
    "surveys/tallies.py",  # running counts, updated in the answer's transaction
    # A bulk writer by design: the panel's dispatch claims, sends and marks tens of thousands of
    # invitations in committed chunks, so a crash resumes where it stopped (ADR 17).
    "panel/dispatch.py",
}


def _chain(node: ast.AST) -> set[str]:
    """The attribute and function names along a receiver expression (``a.b.filter(x).c``)."""
    names = set()
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            if isinstance(node, ast.Name):
                names.add(node.id)
            return names


def _is_write(call: ast.Call) -> bool:
    if not isinstance(call.func, ast.Attribute):
        return False
    name, receiver = call.func.attr, call.func.value
    if name in ALWAYS:
        return True
    if name == "delete":
        return not call.args and not call.keywords
    if name == "save":
        return not call.args and not (isinstance(receiver, ast.Call) and _is_super(receiver))
    if name == "update":
        return bool(_chain(receiver) & QUERYSET_STEPS)
    return False


def _is_super(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Name) and call.func.id == "super"


def _allowed(relative: Path) -> bool:
    return (
        relative.name == "actions.py"
        or bool(set(relative.parts[:-1]) & ALLOWED_DIRS)
        or relative.as_posix() in ALLOWED_FILES
    )


def writes_outside_actions(root: Path = SRC) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if _allowed(relative):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Call) and _is_write(node):
                found.append(
                    f"src/maatwerk/{relative.as_posix()}:{node.lineno}: {ast.unparse(node)}"
                )
    return found


def test_orm_writes_live_only_in_actions():
    found = writes_outside_actions()
    assert not found, (
        "ORM writes outside actions.py (move them into the app's actions, each in one "
        "transaction with its timeline or audit event; see docs/adr/0024):\n" + "\n".join(found)
    )


def test_the_scan_finds_writes_and_passes_other_calls(tmp_path):
    app = tmp_path / "someapp"
    app.mkdir()
    (app / "views.py").write_text(
        "Thing.objects.filter(pk=1).update(done=True)\n"
        "thing.save(update_fields=['done'])\n"
        "Thing.objects.get_or_create(pk=1)\n"
        "thing.delete()\n"
        "values.update(done=True)\n"
        "image.save(buffer)\n"
        "storage.delete(name)\n"
        "super().save()\n"
    )
    (app / "actions.py").write_text("Thing.objects.create(pk=1)\n")
    found = writes_outside_actions(tmp_path)
    assert [line.split(": ")[0] for line in found] == [
        f"src/maatwerk/someapp/views.py:{n}" for n in (1, 2, 3, 4)
    ]
