import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from maatwerk.audit import actions as audit
from maatwerk.audit.models import AuditEntry
from maatwerk.audit.verify import verify_chain
from maatwerk.core.append_only import AppendOnlyError

pytestmark = pytest.mark.django_db


def _fill(n=5):
    return [audit.log("test.event", reason=f"reden {i}", data={"i": i}) for i in range(n)]


def _drop_update_trigger():
    """What an attacker with database rights would do first."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER audit_auditentry_no_update ON audit_auditentry")
        else:
            cursor.execute("DROP TRIGGER audit_auditentry_no_update")


def test_chain_links_each_row_to_the_previous():
    entries = _fill()
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.prev_hash == before.hash
    result = verify_chain()
    assert result.ok and result.checked == 5
    call_command("audit", "verify")


def test_orm_refuses_edits_and_deletes():
    entry = _fill(1)[0]
    entry.reason = "anders"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().update(reason="x")


def test_database_refuses_updates():
    _fill(1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET reason = 'weg'")


def test_verify_detects_an_edited_row():
    _fill()
    _drop_update_trigger()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET reason = 'vervalst' WHERE seq = 3")
    result = verify_chain()
    assert not result.ok
    assert any("rij 3" in p and "gewijzigd" in p for p in result.problems)
    with pytest.raises(CommandError):
        call_command("audit", "verify")


@pytest.mark.parametrize("seq", [2, 5])
def test_verify_detects_a_deleted_row(seq):
    _fill()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE seq = %s", [seq])
    result = verify_chain()
    assert not result.ok, f"deleting row {seq} went unnoticed"


def test_rolled_back_change_leaves_no_audit_row():
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.log("test.event")
        raise RuntimeError("the change failed")
    assert not AuditEntry.objects.exists()
    assert verify_chain().ok
