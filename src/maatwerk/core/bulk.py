"""Writing many rows fast, on PostgreSQL and on SQLite: the one bulk path of the project.

Rows are plain tuples of database-ready values (ints, strings, booleans, None), in the order of
the field names given, so no model instance is built per row: the ORM's per-field preparation in
``bulk_create`` costs more than the database work at demo scale (six million timeline events) and
on the panel's hot paths (tens of thousands of invitations and e-mails). PostgreSQL gets the rows
through ``COPY … FROM STDIN``, its bulk-load path; SQLite runs in-process, so one prepared
``INSERT`` executed per row (``executemany``) is fastest there.

These writes bypass ``save()`` and ``full_clean()``: the callers (the demo loader and the panel's
actions and dispatch) prepare valid rows themselves. See docs/adr/0003-demo-data-bulk-inserts.md.
"""

from datetime import date, timedelta

from django.core.management.color import no_style
from django.db import connection as default_connection
from django.db.models import Max, Model

EPOCH = date(1970, 1, 1)


def insert_rows(model: type[Model], fields: list[str], rows: list[tuple], connection=None) -> None:
    """Insert ``rows`` (tuples of database-ready values, in the order of ``fields``)."""
    if not rows:
        return
    connection = connection or default_connection
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def next_id(model: type[Model]) -> int:
    """The first free primary key: rows that others point to get their ids from the caller."""
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def reset_sequences(models: list[type[Model]], connection=None) -> None:
    """After inserting explicit ids, move PostgreSQL's counters past them (no-op on SQLite)."""
    connection = connection or default_connection
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


class BulkWriter:
    """``insert_rows`` on one connection, with a fast text form of UTC timestamps."""

    def __init__(self, connection=None):
        self.connection = connection or default_connection
        # The database stores UTC: PostgreSQL reads the offset, Django's SQLite format has none.
        suffix = "+00" if self.connection.vendor == "postgresql" else ""
        # Formatting six million timestamps one by one is slow; joining two ready texts is not.
        self._clock = [
            f" {h:02d}:{m:02d}:{s:02d}{suffix}"
            for h in range(24)
            for m in range(60)
            for s in range(60)
        ]
        self._days: dict[int, str] = {}

    def stamp(self, seconds: int) -> str:
        """A UTC moment, given in seconds since 1970, as the database's text for a timestamp."""
        day, rest = divmod(seconds, 86400)
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = (EPOCH + timedelta(days=day)).isoformat()
        return text + self._clock[rest]

    def write(self, model: type[Model], fields: list[str], rows: list[tuple]) -> None:
        insert_rows(model, fields, rows, self.connection)

    next_id = staticmethod(next_id)

    def reset_sequences(self, models: list[type[Model]]) -> None:
        reset_sequences(models, self.connection)
