"""Append-only tables: the ORM refuses edits and deletes; the database refuses edits too.

Deletes are not blocked by a trigger, because test databases are emptied row by row between
tests; the audit log's hash chain detects a deleted row instead (``maatwerk audit verify``).
"""

from django.db import models
from django.db.migrations.operations.base import Operation


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} is append-only.")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} is append-only.")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} is append-only.")


class ForbidUpdates(Operation):
    """A database trigger that rejects UPDATE on a table, on SQLite and on PostgreSQL."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, table: str):
        self.table = table

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        name = f"{self.table}_no_update"
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$ BEGIN "
                f"RAISE EXCEPTION '{self.table} is append-only'; END; $$ LANGUAGE plpgsql;"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {name} BEFORE UPDATE ON {self.table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}();"
            )
        elif schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {name} BEFORE UPDATE ON {self.table} "
                f"BEGIN SELECT RAISE(ABORT, '{self.table} is append-only'); END;"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        name = f"{self.table}_no_update"
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {self.table};")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}();")
        elif schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name};")

    def describe(self):
        return f"Forbid UPDATE on {self.table}"
