"""Writing many rows fast, on PostgreSQL and on SQLite.

Rows are plain tuples of database-ready values (ints, strings, booleans, None), so no model
instance is built per row: at six million timeline events that alone would take minutes.
PostgreSQL gets them through COPY; SQLite through one prepared INSERT run with executemany.
See docs/adr/0003-demo-data-bulk-inserts.md.
"""

from datetime import date, timedelta

from django.core.management.color import no_style
from django.db import connection as default_connection
from django.db.models import Max, Model

EPOCH = date(1970, 1, 1)


class BulkWriter:
    def __init__(self, connection=None):
        self.connection = connection or default_connection
        self.postgres = self.connection.vendor == "postgresql"
        # The database stores UTC: PostgreSQL reads the offset, Django's SQLite format has none.
        suffix = "+00" if self.postgres else ""
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
        if not rows:
            return
        table = self.connection.ops.quote_name(model._meta.db_table)
        columns = ", ".join(
            self.connection.ops.quote_name(model._meta.get_field(name).column) for name in fields
        )
        with self.connection.cursor() as cursor:
            if self.postgres:
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608

    @staticmethod
    def next_id(model: type[Model]) -> int:
        """The first free primary key: rows that others point to get their ids from us."""
        return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

    def reset_sequences(self, models: list[type[Model]]) -> None:
        """After inserting explicit ids, move PostgreSQL's counters past them (no-op on SQLite)."""
        statements = self.connection.ops.sequence_reset_sql(no_style(), models)
        with self.connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
