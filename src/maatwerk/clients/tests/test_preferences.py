"""Contact preferences the client controls: the portal page "Hoe wilt u contact?", the adviser's
edit with a reason (audited), bad input, and the appointments that follow or no longer fit."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.clients.actions import change_contact_preferences
from maatwerk.clients.models import ContactPreference, ContactWindow
from maatwerk.core.tests import factories
from maatwerk.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

WINDOW_10 = {"weekday": None, "starts": dt.time(10), "ends": dt.time(17)}
WINDOW_13 = {"weekday": None, "starts": dt.time(13), "ends": dt.time(17)}


def form_data(**extra):
    data = {
        "channel": "portal",
        "language_level": "B1",
        "accessibility_needs": "",
        "notes": "",
        "window_0_weekday": "",
        "window_0_starts": "13:00",
        "window_0_ends": "17:00",
    }
    data.update(extra)
    return data


@pytest.fixture
def client_at_10(adviser):
    return factories.make_client(
        contact_person=adviser, user=True, phone="06 12345678", preference={"windows": [WINDOW_10]}
    )


def windows_of(client):
    return [
        (w.weekday, w.starts, w.ends)
        for w in ContactWindow.objects.filter(preference__client=client).order_by("starts")
    ]


def test_client_page_shows_the_stored_preferences(login, client_at_10):
    page = login(client_at_10.user).get(reverse("portal:contact_preferences"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hoe wilt u contact?" in text
    assert 'value="10:00"' in text and 'value="17:00"' in text


def test_client_changes_their_window_and_the_timeline_says_so(login, client_at_10):
    web = login(client_at_10.user)
    response = web.post(reverse("portal:contact_preferences"), form_data())
    assert response.status_code == 302
    assert windows_of(client_at_10) == [(None, dt.time(13), dt.time(17))]
    event = TimelineEvent.objects.get(kind="contact_preferences.changed")
    assert event.actor_type == TimelineEvent.ActorType.CLIENT
    assert "elke werkdag 13:00–17:00" in event.summary
    assert not AuditEntry.objects.filter(action="client.preferences_changed").exists()
    home = web.get(reverse("portal:home")).content.decode()
    assert "U heeft uw contactvoorkeuren aangepast" in home and "13:00" in home


def test_the_menu_links_to_the_page(login, client_record):
    home = login(client_record.user).get(reverse("portal:home")).content.decode()
    assert reverse("portal:contact_preferences") in home


def test_an_unchanged_form_writes_nothing(client_at_10):
    preference = ContactPreference.objects.get(client=client_at_10)
    change_contact_preferences(
        client=client_at_10,
        by_user=client_at_10.user,
        channel=preference.channel,
        language_level=preference.language_level,
        windows=[WINDOW_10],
    )
    assert not TimelineEvent.objects.filter(kind="contact_preferences.changed").exists()


@pytest.mark.parametrize(
    "extra, field, message",
    [
        (
            {"window_0_starts": "15:00", "window_0_ends": "11:00"},
            "window_0_ends",
            "De eindtijd moet na de begintijd liggen.",
        ),
        ({"window_0_ends": ""}, "window_0_ends", "Vul ook een eindtijd in."),
        ({"window_0_starts": "tien uur"}, "window_0_starts", "Schrijf een tijd zoals 10:00."),
        ({"channel": "pigeon"}, "channel", "Kies een manier van contact uit de lijst."),
        ({"language_level": "C2"}, "language_level", "Kies een taalniveau uit de lijst."),
        ({"channel": "letter"}, "channel", "Wij hebben geen adres van u."),
        ({"window_0_weekday": "9"}, "window_0_weekday", "Kies een dag uit de lijst."),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(
    login, client_at_10, extra, field, message
):
    response = login(client_at_10.user).post(
        reverse("portal:contact_preferences"), form_data(**extra)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and any(message in error for error in errors[field])
    assert message in response.content.decode()
    assert windows_of(client_at_10) == [(None, dt.time(10), dt.time(17))]
    assert not TimelineEvent.objects.filter(kind="contact_preferences.changed").exists()


def test_phone_without_a_number_is_refused(adviser):
    client = factories.make_client(contact_person=adviser, user=True, phone="")
    with pytest.raises(ValidationError) as error:
        change_contact_preferences(
            client=client, by_user=client.user, channel="phone", language_level="B1", windows=[]
        )
    assert "channel" in error.value.message_dict


def test_a_client_without_digital_channels_cannot_choose_e_mail(adviser):
    client = factories.make_client(
        contact_person=adviser, user=True, uses_digital_channels=False, phone="06 1"
    )
    with pytest.raises(ValidationError) as error:
        change_contact_preferences(
            client=client, by_user=client.user, channel="email", language_level="B1", windows=[]
        )
    assert "channel" in error.value.message_dict


def test_the_action_refuses_a_window_that_ends_before_it_starts(client_at_10):
    with pytest.raises(ValidationError) as error:
        change_contact_preferences(
            client=client_at_10,
            by_user=client_at_10.user,
            channel="portal",
            language_level="B1",
            windows=[{"weekday": 0, "starts": dt.time(15), "ends": dt.time(9)}],
        )
    assert "windows.0.ends" in error.value.message_dict
    assert windows_of(client_at_10) == [(None, dt.time(10), dt.time(17))]


def test_adviser_edits_with_a_reason_and_it_is_audited(login, adviser, client_at_10):
    web = login(adviser.user)
    url = reverse("clients:edit_preferences", args=[client_at_10.pk])
    assert web.get(url).status_code == 200
    missing = web.post(url, form_data(channel="phone"))
    assert missing.status_code == 200
    assert "Schrijf waarom je de voorkeuren aanpast." in missing.content.decode()
    assert windows_of(client_at_10) == [(None, dt.time(10), dt.time(17))]

    response = web.post(url, form_data(channel="phone", reason="Samen aan de balie besproken"))
    assert response.url == reverse("clients:file", args=[client_at_10.pk])
    preference = ContactPreference.objects.get(client=client_at_10)
    assert preference.channel == "phone"
    entry = AuditEntry.objects.get(action="client.preferences_changed")
    assert entry.reason == "Samen aan de balie besproken"
    assert entry.actor_user_id == adviser.user.pk
    assert entry.data["before"]["windows"] == [[-1, "10:00", "17:00"]]
    event = TimelineEvent.objects.get(kind="contact_preferences.changed")
    assert event.actor_staff_id == adviser.pk


def test_slots_follow_the_new_window(login, adviser, office, client_at_10):
    from maatwerk.appointments.tests.helpers import available, kind

    available(adviser, office)
    web = login(client_at_10.user)

    def first_hours():
        chosen = web.get(
            reverse("appointments:choose"), {"vestiging": office.pk, "soort": kind().pk}
        )
        page = web.get(chosen.url + "&week=1")
        choices = [c for _day, row in page.context["days"] for c in row]
        return {c.local_start.hour for c in choices}

    assert min(first_hours()) == 10
    web.post(reverse("portal:contact_preferences"), form_data())
    assert min(first_hours()) == 13


def test_booked_appointments_that_no_longer_fit_are_listed_for_the_adviser(
    login, adviser, office, client_at_10
):
    from maatwerk.appointments.tests.helpers import at, available, book, workday

    available(adviser, office)
    appointment = book(client_at_10, office, at(workday(3), 10))
    file_url = reverse("clients:file", args=[client_at_10.pk])
    web = login(adviser.user)
    assert "Afspraken die niet meer passen" not in web.get(file_url).content.decode()

    change_contact_preferences(
        client=client_at_10,
        by_user=client_at_10.user,
        channel="portal",
        language_level="B1",
        windows=[WINDOW_13],
    )
    text = web.get(file_url).content.decode()
    assert "Afspraken die niet meer passen" in text
    assert reverse("appointments:staff_detail", args=[appointment.pk]) in text
    assert "buiten de tijden die de cliënt past" in text


def _to_13(client):
    change_contact_preferences(
        client=client,
        by_user=client.user,
        channel="portal",
        language_level="B1",
        windows=[WINDOW_13],
    )


def test_reminders_follow_the_new_window(adviser, office, client_at_10):
    from maatwerk.appointments.preferences import ClientWishes
    from maatwerk.appointments.reminders import reminder_due_at
    from maatwerk.appointments.tasks import due_reminders
    from maatwerk.appointments.tests.helpers import at, available, book, workday

    available(adviser, office)
    appointment = book(client_at_10, office, at(workday(3), 15))
    before = reminder_due_at(appointment.starts_at, ClientWishes.of(client_at_10))
    assert before.hour == 10 and appointment.pk in due_reminders(now=before)
    _to_13(client_at_10)
    assert appointment.pk not in due_reminders(now=before)
    assert appointment.pk in due_reminders(now=before.replace(hour=13))


def test_the_call_list_follows_the_new_window(adviser, client_at_10):
    from maatwerk.appointments.tests.helpers import workday
    from maatwerk.serviceplan import actions as plan_actions
    from maatwerk.serviceplan import call_list
    from maatwerk.serviceplan.models import ServiceType

    talk = ServiceType.objects.get(code="persoonlijk-gesprek")
    plan_actions.decide_plan(client=client_at_10, services=[talk], user=adviser.user)
    day = workday(1)

    def plan_calls():  # the welcome call (no welcome letter published here) is not the point
        return [c.at for c in call_list.build(adviser, day).calls if c.item.source == "serviceplan"]

    assert plan_calls() == [dt.time(10)]
    _to_13(client_at_10)
    assert plan_calls() == [dt.time(13)]
