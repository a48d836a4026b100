import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from maatwerk.core.append_only import AppendOnlyError
from maatwerk.panel import actions, queries
from maatwerk.panel.models import MembershipChange
from maatwerk.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db


def test_join_and_leave_alternate_and_keep_history(client_record):
    assert not queries.is_member(client_record)
    assert actions.join(client=client_record, user=client_record.user)
    assert actions.join(client=client_record, user=client_record.user) is None  # already in
    assert queries.is_member(client_record)
    assert list(queries.members()) == [client_record]
    assert actions.leave(client=client_record, user=client_record.user)
    assert actions.leave(client=client_record, user=client_record.user) is None
    assert not queries.is_member(client_record)
    assert actions.join(client=client_record, user=client_record.user)
    changes = list(
        MembershipChange.objects.filter(client=client_record).values_list("number", "kind")
    )
    assert changes == [(1, "join"), (2, "leave"), (3, "join")]
    kinds = list(
        TimelineEvent.objects.filter(client=client_record, kind__startswith="panel.")
        .order_by("pk")
        .values_list("kind", flat=True)
    )
    assert kinds == ["panel.joined", "panel.left", "panel.joined"]


def test_history_is_append_only_and_alternation_is_a_constraint(client_record):
    change = actions.join(client=client_record, user=None)
    with pytest.raises(AppendOnlyError):
        change.save()
    with pytest.raises(AppendOnlyError):
        MembershipChange.objects.filter(pk=change.pk).update(kind="leave")
    # A second join (odd numbers are joins, even numbers leaves) is refused by the database.
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipChange.objects.create(client=client_record, number=2, kind="join")
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipChange.objects.create(client=client_record, number=1, kind="join")


def test_practice_accounts_never_count_as_members(adviser):
    from maatwerk.portal.actions import open_practice_account

    practice = open_practice_account(staff=adviser)
    actions.join(client=practice, user=adviser.user)
    assert queries.is_member(practice)
    assert not queries.members().filter(pk=practice.pk).exists()


def test_client_joins_and_leaves_on_the_portal(login, client_record):
    browser = login(client_record.user)
    page = browser.get(reverse("panel:home"))
    assert "U doet nu niet mee aan het klantpanel." in page.text
    response = browser.post(reverse("panel:join"))
    assert response.status_code == 302
    page = browser.get(reverse("panel:home"))
    assert "U doet mee aan het klantpanel." in page.text
    assert "Stoppen met het klantpanel" in page.text
    browser.post(reverse("panel:leave"))
    assert not queries.is_member(client_record)
    assert "U doet nu niet mee" in browser.get(reverse("panel:home")).text


def test_join_and_leave_only_by_post(login, client_record):
    browser = login(client_record.user)
    assert browser.get(reverse("panel:join")).status_code == 405
    assert browser.get(reverse("panel:leave")).status_code == 405
    assert not queries.is_member(client_record)
