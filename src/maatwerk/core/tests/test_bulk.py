"""The one bulk path (COPY on PostgreSQL, executemany on SQLite) writes what the ORM reads back."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from maatwerk.core import bulk
from maatwerk.organisation.models import Region
from maatwerk.timeline.models import TimelineEvent

from . import factories

pytestmark = pytest.mark.django_db


def test_insert_rows_writes_every_row_in_field_order():
    first = bulk.next_id(Region)
    rows = [(first + n, f"Regio {n}") for n in range(3)]
    bulk.insert_rows(Region, ["id", "name"], rows)
    bulk.reset_sequences([Region])
    assert list(Region.objects.filter(pk__gte=first).values_list("pk", "name")) == rows
    # The sequence moved past the explicit ids: the ORM's next row gets a fresh one.
    assert Region.objects.create(name="Daarna").pk > first + 2


def test_insert_rows_without_rows_touches_nothing():
    bulk.insert_rows(Region, ["name"], [])
    assert not Region.objects.exists()


def test_writer_stamps_are_utc_moments_the_database_reads_back():
    client = factories.make_client()
    writer = bulk.BulkWriter()
    moment = datetime(2024, 3, 5, 13, 4, 5, tzinfo=UTC)
    fields = [
        "client", "kind", "occurred_at", "actor_type", "data", "object_id", "visible_to_client",
    ]  # fmt: skip
    stamp = writer.stamp(int(moment.timestamp()))
    row = (client.pk, "demo.note", stamp, "system", '{"a": 1}', "", False)
    writer.write(TimelineEvent, fields, [row])
    written = TimelineEvent.objects.get(client=client, kind="demo.note")
    assert written.occurred_at == moment
    assert (written.data, written.visible_to_client) == ({"a": 1}, False)
    assert writer.connection is connection
