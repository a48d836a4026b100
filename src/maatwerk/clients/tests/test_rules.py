import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk.clients import actions
from maatwerk.clients.models import ContactAssignment
from maatwerk.clients.validators import is_valid_bsn
from maatwerk.core.tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("bsn", "valid"),
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("000000000", False),
        ("12345678", False),
        ("12345678a", False),
        ("", False),
    ],
)
def test_eleven_test(bsn, valid):
    assert is_valid_bsn(bsn) is valid


def test_invalid_bsn_is_refused_in_dutch_and_nothing_is_saved(adviser):
    with pytest.raises(ValidationError) as caught:
        factories.make_client(contact_person=adviser, bsn="123456789")
    assert "elfproef" in str(caught.value.message_dict["bsn"])
    assert not adviser.assignments.exists()


def test_too_long_name_is_refused(adviser):
    with pytest.raises(ValidationError) as caught:
        factories.make_client(contact_person=adviser, surname="x" * 101)
    assert "surname" in caught.value.message_dict


def test_benefit_end_before_start_is_refused(adviser):
    with pytest.raises(ValidationError):
        factories.make_client(
            contact_person=adviser,
            benefit_start=dt.date(2026, 5, 1),
            benefit_expected_end=dt.date(2026, 4, 1),
        )


def test_database_refuses_a_second_active_contact_person(client_record, other_adviser):
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactAssignment.objects.create(
            client=client_record, staff=other_adviser, started_at=timezone.now()
        )


def test_reassign_keeps_every_handover(client_record, manager, adviser, other_adviser):
    actions.reassign_contact_person(
        client=client_record, new_staff=other_adviser, by_user=manager.user, reason="Verlof"
    )
    actions.reassign_contact_person(
        client=client_record, new_staff=adviser, by_user=manager.user, reason="Terug van verlof"
    )
    history = list(client_record.assignments.order_by("started_at"))
    assert [a.staff for a in history] == [adviser, other_adviser, adviser]
    assert [a.ended_at is None for a in history] == [False, False, True]


def test_reassign_refuses_same_adviser_and_advisers_of_other_offices(
    client_record, manager, adviser
):
    with pytest.raises(ValidationError):
        actions.reassign_contact_person(
            client=client_record, new_staff=adviser, by_user=manager.user, reason="x"
        )
    elsewhere = factories.make_staff("Adviseur werk")
    with pytest.raises(ValidationError):
        actions.reassign_contact_person(
            client=client_record, new_staff=elsewhere, by_user=manager.user, reason="x"
        )
    assert client_record.assignments.count() == 1


def test_forged_reassign_post_by_an_adviser_is_refused(
    login, client_record, adviser, other_adviser
):
    from django.urls import reverse

    web = login(adviser.user)
    response = web.post(
        reverse("clients:reassign", args=[client_record.pk]),
        {"new_staff": other_adviser.pk, "reason": "Ik wil ervanaf"},
    )
    assert response.status_code == 403
    assert client_record.assignments.count() == 1


def test_unknown_adviser_in_reassign_form_gets_a_dutch_error(login, client_record, manager):
    from django.urls import reverse

    web = login(manager.user)
    response = web.post(
        reverse("clients:reassign", args=[client_record.pk]),
        {"new_staff": 999999, "reason": "Werkdruk"},
    )
    assert response.status_code == 200
    assert "Kies een adviseur uit de lijst" in response.text


def test_manager_of_another_office_cannot_open_or_reassign(login, client_record):
    stranger = factories.make_staff("Vestigingsmanager", job_title="Vestigingsmanager")
    from django.urls import reverse

    web = login(stranger.user)
    assert web.get(reverse("clients:reassign", args=[client_record.pk])).status_code == 403
    # Another office's manager may look only with a reason.
    assert web.get(reverse("clients:file", args=[client_record.pk])).status_code == 302


def test_caseload_search_by_name_and_bsn(login, adviser):
    first = factories.make_client(contact_person=adviser, first_name="Fatima", surname="El Amrani")
    factories.make_client(contact_person=adviser, first_name="Kees", surname="Bakker")
    from django.urls import reverse

    web = login(adviser.user)
    url = reverse("clients:caseload")
    assert "El Amrani" in web.get(url, {"q": "amrani"}).text
    assert "Bakker" not in web.get(url, {"q": "amrani"}).text
    assert "El Amrani" in web.get(url, {"q": first.bsn}).text
    assert "Geen cliënten gevonden" in web.get(url, {"q": "123456789"}).text
    assert web.get(url, {"sorteer": "bestaat-niet"}).status_code == 200
    assert web.get(url, {"pagina": "99"}).status_code == 200
