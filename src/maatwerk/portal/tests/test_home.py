""" "Mijn Werkbedrijf": what matters now first, then the adviser, then the latest events."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.appointments.tests.helpers import at, available, book, workday
from maatwerk.clients import actions as client_actions
from maatwerk.core import client_overview
from maatwerk.messaging import actions as messaging_actions
from maatwerk.portal.queries import RECENT_EVENTS

pytestmark = pytest.mark.django_db


def _cards(html: str) -> list[str]:
    """The titles of the "what matters now" cards, in page order."""
    start = html.index('id="now-heading"')
    block = html[start : html.index("</section>", start)]
    return re.findall(r'<h3 class="utrecht-heading-3">(.*?)</h3>', block)


def _home(login, client_record) -> str:
    response = login(client_record.user).get(reverse("portal:home"))
    assert response.status_code == 200
    return response.text


def test_the_next_appointment_comes_first_with_when_where_who_and_how_to_change_it(
    login, client_record, adviser, office
):
    available(adviser, office)
    appointment = book(client_record, office, at(workday(), 10, 30))
    old = messaging_actions.send_client_message(
        client=client_record, subject="Vraag over mijn cv", body="Hallo"
    )
    messaging_actions.reply(thread=old.thread, author=adviser, body="Uw cv is goed.")
    html = _home(login, client_record)

    assert _cards(html) == ["Uw volgende afspraak", "Berichten"]
    start = html.index("Uw volgende afspraak")
    card = html[start : html.index("</li>\n    \n    <li", start)]
    assert "om 10:30" in card
    assert office.name in card and office.address in card
    assert adviser.full_name in card
    assert reverse("appointments:move", args=[appointment.pk]) in card
    assert reverse("appointments:cancel", args=[appointment.pk]) in card
    # Then the adviser, then the latest events: the order of the page.
    assert (
        html.index('id="now-heading"')
        < html.index('id="adviser-heading"')
        < html.index('id="timeline-heading"')
    )


def test_without_an_appointment_the_client_is_offered_to_make_one(login, client_record):
    html = _home(login, client_record)
    assert _cards(html)[0] == "U heeft geen afspraak gepland"
    assert reverse("appointments:choose") in html


def test_messages_say_what_is_new_and_what_waits_for_us(login, client_record, adviser):
    answered = messaging_actions.send_client_message(
        client=client_record, subject="Cv", body="Mijn cv"
    )
    messaging_actions.reply(thread=answered.thread, author=adviser, body="Ontvangen, dank u.")
    messaging_actions.send_client_message(client=client_record, subject="Reiskosten", body="Vraag")
    html = _home(login, client_record)
    assert "U heeft 1 nieuw antwoord van ons." in html
    assert "Wij antwoorden uiterlijk" in html
    assert "Nieuw antwoord" in html  # the status badge


def test_an_old_answer_is_no_longer_news(login, client_record, adviser):
    long_ago = timezone.now() - dt.timedelta(days=30)
    thread = messaging_actions.send_client_message(
        client=client_record, subject="Oud", body="Vraag", at=long_ago
    ).thread
    messaging_actions.reply(
        thread=thread, author=adviser, body="Antwoord", at=long_ago + dt.timedelta(hours=1)
    )
    assert "Berichten" not in _cards(_home(login, client_record))


def test_cards_follow_the_topic_order_whatever_the_registration_order(client_record):
    def late_source(client):
        return [client_overview.NowItem("letters", "Brief"), client_overview.NowItem("due", "Plan")]

    with client_overview.for_client.registered("test", late_source):
        topics = [item.topic for item in client_overview.now_for(client_record)]
    assert topics == sorted(topics, key=client_overview.TOPICS.index)
    assert topics[0] == "appointment"


def test_only_the_latest_events_with_a_link_to_all(login, client_record, adviser):
    for number in range(RECENT_EVENTS + 3):
        client_actions.change_contact_preferences(
            client=client_record,
            by_user=client_record.user,
            channel="portal" if number % 2 else "email",
            language_level="B1",
            windows=[],
        )
    html = _home(login, client_record)
    timeline = html[html.index('id="timeline-heading"') :]
    assert timeline.count("<li>") == RECENT_EVENTS
    assert reverse("portal:timeline") in timeline

    everything = login(client_record.user).get(reverse("portal:timeline"))
    assert everything.status_code == 200
    assert everything.text.count("Contactvoorkeuren") > RECENT_EVENTS
    assert (
        login(client_record.user).get(reverse("portal:timeline"), {"pagina": "x"}).status_code
        == 200
    )


def test_the_home_page_needs_a_bounded_number_of_queries(
    login, client_record, adviser, office, django_assert_max_num_queries
):
    available(adviser, office)
    book(client_record, office, at(workday(), 10))
    messaging_actions.send_client_message(client=client_record, subject="Vraag", body="Hallo")
    web = login(client_record.user)
    web.get(reverse("portal:home"))
    # 16 when written: session, client, a few per card source, adviser, five events.
    with django_assert_max_num_queries(20):
        assert web.get(reverse("portal:home")).status_code == 200
