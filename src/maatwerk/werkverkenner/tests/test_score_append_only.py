"""A score is never changed: past the ORM's guard, the database refuses it too (docs/adr/0029).
Runs on SQLite and on PostgreSQL (DATABASE_URL=postgres://...)."""

import pytest
from django.db import DatabaseError, connection, transaction

from maatwerk.werkverkenner.demo import DOING_WELL, fill_in
from maatwerk.werkverkenner.models import Score

pytestmark = pytest.mark.django_db


@pytest.fixture
def score(client_record, active_version):
    fill_in(client_record, dict(DOING_WELL), user=client_record.user)
    return Score.objects.get(client=client_record)


def test_the_database_refuses_to_change_a_score(score):
    before = (score.probability, score.band)
    other_band = "0-25" if score.band != "0-25" else "75-100"
    # Past the ORM's guard: the plain manager, and plain SQL.
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Score._base_manager.filter(pk=score.pk).update(probability=0.0123)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE werkverkenner_score SET band = %s", [other_band])
    score.refresh_from_db()
    assert (score.probability, score.band) == before
