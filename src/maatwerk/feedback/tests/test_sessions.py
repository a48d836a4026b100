import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from maatwerk.feedback import actions
from maatwerk.feedback.models import DialogueSession, ImprovementPoint

from .helpers import session

pytestmark = pytest.mark.django_db


def test_a_session_keeps_counts_and_scrubbed_notes(manager, office):
    recorded, found = session(
        manager.user,
        office,
        notes="Mevrouw (06-12345678, a@b.nl) vond de brief onduidelijk. BSN 123456782.",
    )
    assert found == {"email": 1, "phone": 1, "bsn": 1}
    assert "06-12345678" not in recorded.notes and "a@b.nl" not in recorded.notes
    assert "123456782" not in recorded.notes
    assert "vond de brief onduidelijk" in recorded.notes
    assert (recorded.clients_count, recorded.advisers_count, recorded.managers_count) == (6, 3, 1)


def test_session_bad_input(manager, office):
    with pytest.raises(ValidationError) as error:
        session(
            manager.user,
            office,
            notes=" ",
            topic="",
            kind="feest",
            held_on=timezone.localdate() + dt.timedelta(days=3),
            counts={"clients_count": 0, "advisers_count": -1},
        )
    errors = error.value.message_dict
    assert set(errors) >= {"notes", "topic", "kind", "held_on", "clients_count", "advisers_count"}
    assert errors["clients_count"] == ["Er was minstens één cliënt bij."]
    assert not DialogueSession.objects.exists()


def test_only_with_the_permission(adviser, office):
    with pytest.raises(ValidationError):
        session(adviser.user, office)


def test_double_submit_records_one_session(manager, office):
    token = uuid.uuid4()
    first, _ = session(manager.user, office, token=token)
    second, _ = session(manager.user, office, token=token)
    assert first == second and DialogueSession.objects.count() == 1


def test_improvement_points_with_owner_status_and_history(manager, adviser, office):
    recorded, _ = session(manager.user, office)
    point = actions.add_improvement_point(
        session=recorded,
        by_user=manager.user,
        text="Terugbellen binnen één werkdag",
        owner=adviser,
        council_advice_ref="CR-2026-04",
    )
    assert point.status == "open" and point.council_advice_ref == "CR-2026-04"
    # The owner moves it on, even without the right to record sessions.
    actions.update_point_status(point=point, by_user=adviser.user, status="in_progress")
    with pytest.raises(ValidationError) as error:
        actions.update_point_status(point=point, by_user=manager.user, status="dropped")
    assert error.value.message_dict["reason"] == ["Leg uit waarom dit punt niet wordt uitgevoerd."]
    actions.update_point_status(
        point=point, by_user=manager.user, status="dropped", reason="Geen budget"
    )
    point.refresh_from_db()
    assert point.status == "dropped"
    statuses = list(point.history.values_list("status", flat=True))
    assert statuses == ["open", "in_progress", "dropped"]


def test_a_dropped_point_without_reason_is_refused_by_the_database(manager, adviser, office):
    recorded, _ = session(manager.user, office)
    point = actions.add_improvement_point(
        session=recorded, by_user=manager.user, text="Betere wachtruimte", owner=adviser
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ImprovementPoint.objects.filter(pk=point.pk).update(status="dropped", reason="")


def test_someone_else_cannot_change_a_point(manager, adviser, other_adviser, office, stranger):
    recorded, _ = session(manager.user, office)
    with pytest.raises(ValidationError) as error:
        actions.add_improvement_point(
            session=recorded, by_user=manager.user, text="Iets", owner=stranger
        )
    assert "owner" in error.value.message_dict
    point = actions.add_improvement_point(
        session=recorded, by_user=manager.user, text="Iets", owner=adviser
    )
    with pytest.raises(ValidationError):
        actions.update_point_status(point=point, by_user=other_adviser.user, status="done")
    with pytest.raises(ValidationError):
        actions.add_improvement_point(
            session=recorded, by_user=adviser.user, text="Mag niet", owner=adviser
        )
    with pytest.raises(ValidationError):
        actions.add_improvement_point(
            session=recorded, by_user=manager.user, text="x" * 501, owner=adviser
        )


def test_session_pages(login, manager, adviser, office):
    web = login(manager.user)
    form = {
        "kind": "dialogue",
        "held_on": "2026-11-02",
        "office": office.pk,
        "topic": "<b>Brieven</b>",
        "clients_count": "5",
        "advisers_count": "2",
        "managers_count": "1",
        "council_members_count": "1",
        "others_count": "0",
        "notes": "Eén cliënt gaf zijn mail: jan@example.org. Brieven zijn te lang.",
        "submission_token": str(uuid.uuid4()),
    }
    response = web.post(reverse("feedback:session_new"), form, follow=True)
    body = response.content.decode()
    assert "persoonsgegevens weggehaald" in body
    assert "jan@example.org" not in body
    assert "&lt;b&gt;Brieven&lt;/b&gt;" in body
    recorded = DialogueSession.objects.get()
    url = reverse("feedback:point_add", args=[recorded.pk])
    assert web.post(url, {"text": "", "owner": "abc"}).status_code == 200
    response = web.post(url, {"text": "Kortere brieven", "owner": adviser.pk})
    assert response.status_code == 302
    point = recorded.points.get()
    response = login(adviser.user).post(
        reverse("feedback:point_detail", args=[point.pk]), {"status": "dropped"}
    )
    assert response.status_code == 200
    assert "Leg uit waarom" in response.content.decode()
    bad = dict(form, clients_count="veel", held_on="gisteren", submission_token=str(uuid.uuid4()))
    response = login(manager.user).post(reverse("feedback:session_new"), bad)
    assert response.status_code == 200
    assert DialogueSession.objects.count() == 1
