"""Plain INSERTs for the panel's hot paths (the plan step and the dispatch write tens of
thousands of rows whose values they prepare themselves: one timestamp, one JSON value per
chunk). The ORM's per-field preparation in ``bulk_create`` cost more than the database work."""

from django.db import connection


def insert_rows(model, fields: list[str], rows: list[tuple]) -> None:
    """Insert ``rows`` (tuples of database-ready values, in the order of ``fields``).

    SQLite runs in-process, so one prepared statement executed per row (``executemany``) is
    fastest there; PostgreSQL gets ``COPY … FROM STDIN``, its bulk-load path."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608
                rows,
            )
            return
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
