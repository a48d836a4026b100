"""Migrations 0004–0006 turn the Dutch stored codes into English ones, history rows included, and
back again in reverse."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from maatwerk.feedback import actions

from .helpers import session, submit

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("feedback", "0003_sessions_everywhere")]
AFTER = [("feedback", "0006_english_codes_constraints")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)


def _stored() -> dict[str, set[str]]:
    queries = {
        "item kinds": "SELECT kind FROM feedback_feedbackitem",
        "item statuses": "SELECT status FROM feedback_feedbackitem",
        "item history": "SELECT status FROM feedback_feedbackhistory",
        "session kinds": "SELECT kind FROM feedback_dialoguesession",
        "point statuses": "SELECT status FROM feedback_improvementpoint",
        "point history": "SELECT status FROM feedback_improvementpointhistory",
    }
    with connection.cursor() as cursor:
        found = {}
        for name, sql in queries.items():
            cursor.execute(sql)
            found[name] = {row[0] for row in cursor.fetchall()}
    return found


ENGLISH = {
    "item kinds": {"complaint", "suggestion"},
    "item statuses": {"received", "answered"},
    "item history": {"received", "answered"},
    "session kinds": {"mirror"},
    "point statuses": {"dropped"},
    "point history": {"open", "dropped"},
}
DUTCH = {
    "item kinds": {"klacht", "suggestie"},
    "item statuses": {"ontvangen", "beantwoord"},
    "item history": {"ontvangen", "beantwoord"},
    "session kinds": {"spiegelgesprek"},
    "point statuses": {"niet_uitgevoerd"},
    "point history": {"open", "niet_uitgevoerd"},
}


def test_codes_go_back_to_dutch_and_forward_to_english(client_record, adviser, manager, office):
    submit(client_record, "complaint")
    answered = submit(client_record, "suggestion")
    actions.answer_feedback(item=answered, by_user=adviser.user, text="Dank u, we doen het.")
    recorded, _ = session(manager.user, office, kind="mirror")
    point = actions.add_improvement_point(
        session=recorded, by_user=manager.user, text="Sneller terugbellen", owner=adviser
    )
    actions.update_point_status(
        point=point, by_user=manager.user, status="dropped", reason="Geen budget"
    )
    assert _stored() == ENGLISH
    try:
        _migrate(BEFORE)
        assert _stored() == DUTCH
    finally:
        _migrate(AFTER)
        assert _stored() == ENGLISH
        # Back to the newest schema, so later tests on this database see every column.
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("feedback"))
    # The history tables are append-only again after the conversion.
    with pytest.raises(Exception, match="append-only"), connection.cursor() as cursor:
        cursor.execute("UPDATE feedback_feedbackhistory SET reason = 'x'")
