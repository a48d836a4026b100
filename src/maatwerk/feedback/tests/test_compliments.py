import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from maatwerk.clients.actions import add_note
from maatwerk.core.tests import factories
from maatwerk.feedback import queries
from maatwerk.feedback.models import Compliment

from .helpers import compliment

pytestmark = pytest.mark.django_db


def test_compliment_for_the_contact_person(
    client_record, adviser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        given = compliment(client_record, adviser)
    assert given.staff == adviser
    event = client_record.timeline_events.get(kind="compliment.given")
    assert event.visible_to_client
    assert adviser.full_name in event.summary
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [adviser.email]
    assert message.subject == "Je hebt een compliment gekregen"
    # The mail points to the page; neither the client's name nor the text travels by mail.
    assert "/werk/complimenten/" in message.body
    assert client_record.full_name not in message.body
    assert given.text not in message.body


def test_staff_named_on_the_timeline_count_as_contact(client_record, office, other_office):
    colleague = factories.make_staff("Adviseur werk", offices=[other_office], first_name="Tom")
    with pytest.raises(ValidationError):
        compliment(client_record, colleague)
    add_note(client=client_record, by_user=colleague.user, text="Even gebeld over de vacature.")
    assert compliment(client_record, colleague).staff == colleague


def test_a_former_contact_person_counts_too(client_record, adviser, other_adviser, manager):
    from maatwerk.clients.actions import reassign_contact_person

    reassign_contact_person(
        client=client_record, new_staff=other_adviser, by_user=manager.user, reason="Verhuisd"
    )
    names = set(queries.contacts_of(client_record))
    assert {adviser, other_adviser} <= names
    assert compliment(client_record, adviser).staff == adviser


def test_someone_the_client_never_met_cannot_be_complimented(client_record, stranger):
    with pytest.raises(ValidationError) as error:
        compliment(client_record, stranger)
    assert "contact heeft gehad" in str(error.value)
    assert not Compliment.objects.exists()
    assert not client_record.timeline_events.filter(kind="compliment.given").exists()


def test_office_staff_can_be_found_by_name(client_record, office, stranger):
    receptionist = factories.make_staff(
        None, offices=[office], first_name="Greet", surname="Hoekstra", job_title="Gastvrouw"
    )
    assert queries.search_office_staff(client_record, "hoekstra") == [receptionist]
    assert queries.search_office_staff(client_record, "Kees") == []  # another office
    assert queries.search_office_staff(client_record, "a") == []  # too short to search
    assert compliment(client_record, receptionist).staff == receptionist


def test_empty_and_oversized_text(client_record, adviser):
    with pytest.raises(ValidationError) as error:
        compliment(client_record, adviser, text="   ")
    assert error.value.message_dict["text"] == ["Schrijf uw compliment."]
    with pytest.raises(ValidationError) as error:
        compliment(client_record, adviser, text="x" * 2001)
    assert "maximaal 2000 tekens" in error.value.message_dict["text"][0]
    assert not Compliment.objects.exists()


def test_the_same_form_sent_twice_makes_one_compliment(client_record, adviser):
    token = uuid.uuid4()
    first = compliment(client_record, adviser, token=token)
    second = compliment(client_record, adviser, token=token)
    assert first == second
    assert Compliment.objects.count() == 1
    assert client_record.timeline_events.filter(kind="compliment.given").count() == 1


def test_employee_and_manager_see_it_anonymous_hides_the_name(
    login, client_record, adviser, manager, other_manager
):
    compliment(client_record, adviser, text="<b>Top</b> geholpen!", anonymous=True)
    page = login(adviser.user).get(reverse("feedback:my_compliments"))
    body = page.content.decode()
    assert "&lt;b&gt;Top&lt;/b&gt; geholpen!" in body  # escaped, never rendered as HTML
    assert client_record.full_name not in body
    assert "wil anoniem blijven" in body

    page = login(manager.user).get(reverse("feedback:office_compliments"))
    assert "Top" in page.content.decode()
    assert adviser.full_name in page.content.decode()
    # A manager of another office does not see it.
    page = login(other_manager.user).get(reverse("feedback:office_compliments"))
    assert "Top" not in page.content.decode()
    assert Compliment.objects.get().client == client_record  # the record still knows


def test_named_compliment_shows_the_client(login, client_record, adviser):
    compliment(client_record, adviser, text="Fijn gesprek")
    body = login(adviser.user).get(reverse("feedback:my_compliments")).content.decode()
    assert client_record.full_name in body


def test_compliment_page_offers_contacts_and_search(
    login, client_record, adviser, office, stranger
):
    web = login(client_record.user)
    body = web.get(reverse("feedback:compliment_new")).content.decode()
    assert adviser.full_name in body
    assert stranger.full_name not in body
    assert adviser.email not in body  # never a list of e-mail addresses
    body = web.get(reverse("feedback:compliment_new") + "?naam=Kees").content.decode()
    assert "Geen medewerker van uw werkplein gevonden" in body


def test_posting_a_stranger_gives_a_dutch_error_not_a_500(login, client_record, stranger):
    web = login(client_record.user)
    form = {"staff": stranger.pk, "text": "Dank!", "submission_token": str(uuid.uuid4())}
    response = web.post(reverse("feedback:compliment_new"), form)
    assert response.status_code == 200
    assert "contact heeft gehad" in response.content.decode()
    for bad in ["abc", "99999999999999999999", ""]:
        response = web.post(reverse("feedback:compliment_new"), {**form, "staff": bad})
        assert response.status_code == 200
    assert not Compliment.objects.exists()


def test_client_gives_a_compliment_through_the_page(login, client_record, adviser):
    web = login(client_record.user)
    form = {"staff": adviser.pk, "text": "Bedankt!", "submission_token": str(uuid.uuid4())}
    response = web.post(reverse("feedback:compliment_new"), form)
    assert response.status_code == 302
    web.post(reverse("feedback:compliment_new"), form)  # a double click
    assert Compliment.objects.count() == 1


def test_someone_out_of_service_cannot_be_complimented(client_record, adviser):
    from maatwerk.organisation.models import StaffMember

    StaffMember.objects.filter(pk=adviser.pk).update(is_active=False)
    adviser.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        compliment(client_record, adviser)
    assert error.value.message_dict["staff"] == ["Deze medewerker werkt hier niet meer."]


def test_a_failing_mail_server_does_not_fail_the_compliment(
    client_record, adviser, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "maatwerk.feedback.tests.test_compliments.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        given = compliment(client_record, adviser)
    assert Compliment.objects.get() == given


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP down")


def test_an_anonymous_compliment_is_on_the_clients_timeline_only(login, client_record, adviser):
    """The named colleague can read the client's file: the timeline there must not say "U gaf
    een compliment aan ..." at the minute the anonymous compliment arrived."""
    compliment(client_record, adviser, anonymous=True)
    said = f"U gaf een compliment aan {adviser.full_name}"
    portal = login(client_record.user).get(reverse("portal:home"))
    assert said in portal.text
    client_file = login(adviser.user).get(reverse("clients:file", args=[client_record.pk]))
    assert client_file.status_code == 200
    assert said not in client_file.text and "Compliment" not in client_file.text
