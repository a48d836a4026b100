"""The top of the adviser's client file: the summary, the actions and the timeline filter."""

import datetime as dt
import re
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.appointments.tests.helpers import at, available, book, workday
from maatwerk.clients import actions as client_actions
from maatwerk.clients.summary import KIND_GROUPS, kind_filter, preference_line
from maatwerk.core import client_overview
from maatwerk.core.tests import factories
from maatwerk.feedback import actions as feedback_actions
from maatwerk.messaging import actions as messaging_actions

pytestmark = pytest.mark.django_db


def _text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def _summary(html: str) -> dict[str, str]:
    """The summary's rows as {label: text}."""
    start = html.index('id="summary-heading"')
    block = html[start : html.index("</dl>", start)]
    rows = re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", block, re.S)
    return {_text(key): _text(value) for key, value in rows}


@pytest.fixture
def busy_client(adviser, office):
    """A client with something in every corner of the summary."""
    client = factories.make_client(
        contact_person=adviser,
        user=True,
        preference={
            "channel": "phone",
            "windows": [{"weekday": None, "starts": dt.time(10), "ends": dt.time(17)}],
        },
    )
    available(adviser, office)
    book(client, office, at(workday(), 11))
    long_ago = timezone.make_aware(dt.datetime(2026, 1, 5, 9))
    messaging_actions.send_client_message(
        client=client, subject="Oude vraag", body="Hallo", at=long_ago
    )
    answered = messaging_actions.send_client_message(client=client, subject="Cv", body="Mijn cv")
    messaging_actions.reply(thread=answered.thread, author=adviser, body="Dank u, ontvangen.")
    feedback_actions.submit_feedback(
        client=client,
        kind="complaint",
        text="Ik werd niet gebeld.",
        wants_answer=True,
        token=uuid.uuid4(),
    )
    return client


def test_the_summary_says_what_matters_and_what_needs_doing(login, adviser, busy_client):
    html = login(adviser.user).get(reverse("clients:file", args=[busy_client.pk])).text
    rows = _summary(html)
    assert list(rows)[:2] == ["Vaste contactpersoon", "Einde uitkering"]
    assert adviser.full_name in rows["Vaste contactpersoon"]
    assert "1 april 2027" in rows["Einde uitkering"]
    assert rows["Werkverkenner"] == "Nog niet ingevuld"
    assert "om 11:00" in rows["Volgend contact"] and adviser.full_name in rows["Volgend contact"]
    assert "Cv" in rows["Laatste contact"]
    assert rows["Open berichten"].startswith("1 bericht wacht op antwoord")
    assert "te laat" in rows["Open berichten"]
    assert rows["Open reacties"].startswith("1 reactie wacht op antwoord")
    assert rows["Dienstverleningsplan"].startswith("Nog geen plan vastgelegd")
    assert rows["Voorkeuren"] == "liever niet vóór 10:00 · telefoon"
    # The order of the page: who, benefit, then the capabilities' facts, then the wishes.
    assert list(rows)[-1] == "Voorkeuren"
    # The adviser's next steps are one click away.
    for action in ("Afspraak maken voor de cliënt", "Brief sturen", "Contactvoorkeuren aanpassen"):
        assert action in html


def test_staff_without_the_triage_right_do_not_see_the_werkverkenner_outcome(
    adviser, office, client_record
):
    researcher = factories.make_staff("Klantonderzoeker", offices=[office])
    assert not researcher.user.has_perm("access.triage_werkverkenner")
    hidden = {fact.key for fact in client_overview.facts_for(client_record, researcher.user)}
    shown = {fact.key for fact in client_overview.facts_for(client_record, adviser.user)}
    assert "werkverkenner" in shown - hidden


def test_a_client_without_contact_person_and_preferences_still_gets_a_summary(
    login, adviser, manager, client_record
):
    from maatwerk.organisation import actions as organisation_actions

    colleague = factories.make_staff(offices=[adviser.offices.first()], first_name="Lea")
    client = factories.make_client(contact_person=colleague)
    organisation_actions.deactivate_staff(staff=colleague, by_user=manager.user)
    web = login(manager.user)
    response = web.get(reverse("clients:file", args=[client.pk]))
    if response.status_code == 302:
        web.post(response.url, {"reason": "Nieuwe contactpersoon kiezen voor deze cliënt"})
        response = web.get(reverse("clients:file", args=[client.pk]))
    rows = _summary(response.text)
    assert "geen contactpersoon" in rows["Vaste contactpersoon"]
    assert rows["Open berichten"] == "Geen berichten die op antwoord wachten"


def test_of_several_next_contacts_the_soonest_wins(adviser, client_record):
    soon = timezone.now() + dt.timedelta(days=1)
    later = soon + dt.timedelta(days=5)

    def two_sources(client):
        return [
            client_overview.Fact("next_contact", "later", at=later),
            client_overview.Fact("next_contact", "soon", at=soon),
            client_overview.Fact("last_contact", "old", at=soon - dt.timedelta(days=30)),
            client_overview.Fact("last_contact", "recent", at=soon - dt.timedelta(days=2)),
        ]

    with client_overview.for_staff.registered("test", two_sources):
        facts = client_overview.facts_for(client_record, adviser.user)
    values = {fact.key: fact.value for fact in facts if fact.key.endswith("_contact")}
    assert values == {"next_contact": "soon", "last_contact": "recent"}


def test_a_fact_outside_the_known_list_is_refused():
    with pytest.raises(ValueError):
        client_overview.Fact("shoe_size", "43")


@pytest.mark.parametrize(
    ("windows", "expected"),
    [
        ([], "e-mail"),
        ([{"weekday": None, "starts": dt.time(10), "ends": dt.time(17)}], "liever niet vóór 10:00"),
        ([{"weekday": 0, "starts": dt.time(9), "ends": dt.time(12)}], "bereikbaar maandag"),
    ],
)
def test_preferences_in_one_line(adviser, windows, expected):
    client = factories.make_client(
        contact_person=adviser, preference={"channel": "email", "windows": windows}
    )
    assert expected in preference_line(client.preference)
    assert preference_line(None) == "Geen voorkeuren bekend"


# The timeline filter


def test_the_timeline_filters_by_kind_and_keeps_the_filter_while_paging(
    login, adviser, client_record
):
    for number in range(27):
        client_actions.add_note(
            client=client_record, by_user=adviser.user, text=f"Notitie {number}"
        )
    messaging_actions.send_client_message(client=client_record, subject="Vraag", body="Hallo")
    web = login(adviser.user)
    url = reverse("clients:file", args=[client_record.pk])

    everything = web.get(url).text
    assert "Pagina 1 van 2" in everything

    messages = web.get(url, {"soort": "berichten"}).text
    timeline = messages[messages.index('id="timeline-heading"') :]
    assert "Vraag" in timeline and "Notitie 3" not in timeline
    assert '<option value="berichten" selected>' in messages

    notes = web.get(url, {"soort": "notities", "pagina": 2}).text
    assert "Pagina 2 van 2" in notes
    assert "soort=notities&amp;pagina=1" in notes  # the filter is kept when paging back


@pytest.mark.parametrize("bad", ["nonsense", "<script>", "x" * 500, ""])
def test_a_bad_filter_shows_everything_and_never_fails(login, adviser, client_record, bad):
    client_actions.add_note(client=client_record, by_user=adviser.user, text="Zichtbaar")
    response = login(adviser.user).get(
        reverse("clients:file", args=[client_record.pk]), {"soort": bad, "pagina": "x"}
    )
    assert response.status_code == 200
    assert "Zichtbaar" in response.text


def test_every_event_falls_in_exactly_one_group(adviser, client_record):
    from maatwerk.timeline.models import TimelineEvent

    client_actions.add_note(client=client_record, by_user=adviser.user, text="Een notitie")
    messaging_actions.send_client_message(client=client_record, subject="Vraag", body="Hallo")
    events = TimelineEvent.objects.filter(client=client_record)
    groups = [value for value, _label, _codes in KIND_GROUPS] + ["overig"]
    counted = sum(events.filter(kind_filter(group)).count() for group in groups)
    assert counted == events.count() > 0
    with pytest.raises(LookupError):
        kind_filter("nonsense")


def test_the_client_file_needs_a_bounded_number_of_queries(
    login, adviser, busy_client, django_assert_max_num_queries
):
    web = login(adviser.user)
    url = reverse("clients:file", args=[busy_client.pk])
    web.get(url)  # warm the session and caches
    # 34 when written (session, access check, audit write, one or two per summary source, the
    # timeline page); a source that queries per row would push it past the bound.
    with django_assert_max_num_queries(38):
        assert web.get(url).status_code == 200
