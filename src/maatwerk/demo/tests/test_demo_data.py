"""`maatwerk demo_data` on a small scale: the data it makes must obey the same rules as real data.

Loading takes a few seconds (more than a hundred staff with photos), so one load serves the whole
module; it is committed outside the per-test transactions and flushed again at the end.
"""

from collections import Counter
from contextlib import redirect_stdout
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from maatwerk.access.rules import advisers_for
from maatwerk.audit.models import AuditEntry
from maatwerk.clients.models import Client, ContactAssignment, ContactWindow
from maatwerk.clients.validators import is_valid_bsn
from maatwerk.core.bulk import BulkWriter
from maatwerk.core.tests import factories
from maatwerk.demo import journey
from maatwerk.demo.generate import ClientMaker
from maatwerk.demo.journey import KindMismatch, OfficeRef, StaffRef
from maatwerk.demo.logins import logins_text
from maatwerk.demo.organisation import DEMO_PASSWORD, plan_staff
from maatwerk.demo.places import PLACES
from maatwerk.organisation.models import Office, Organisation, StaffMember
from maatwerk.timeline import kinds
from maatwerk.timeline.models import TimelineEvent

CLIENTS = 30
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    output = StringIO()
    # As in `make demo`: the e-mails are printed to the console, into the same output.
    console = "django.core.mail.backends.console.EmailBackend"
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_HASHER, EMAIL_BACKEND=console),
        redirect_stdout(output),
    ):
        call_command("demo_data", clients=CLIENTS, seed=3, stdout=output, stderr=StringIO())
    yield {"output": output.getvalue(), "media": media}
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


pytestmark = pytest.mark.django_db


def test_organisation_offices_and_staff(loaded):
    assert Organisation.objects.get(pk=1).name == "Werkbedrijf Demo"
    assert Office.objects.count() == len(PLACES)
    assert all(office.opening_hours.count() >= 5 for office in Office.objects.all())
    staff = StaffMember.objects.all()
    assert {member.job_title for member in staff} == {
        "Adviseur werk",
        "E-werkcoach",
        "Vestigingsmanager",
        "Functioneel beheerder",
        "Briefredacteur",
        "Juridisch adviseur",
        "Klantonderzoeker",
        "Lid cliëntenraad",
    }
    # Every photo is a real PNG file in MEDIA_ROOT.
    for member in staff:
        assert (loaded["media"] / member.photo.name).read_bytes().startswith(b"\x89PNG")


def test_each_client_has_one_active_contact_person_at_their_office(loaded):
    assert Client.objects.count() == CLIENTS
    for client in Client.objects.all():
        active = ContactAssignment.objects.filter(client=client, ended_at__isnull=True)
        assert active.count() == 1
        assert advisers_for(client).filter(pk=active.get().staff_id).exists()
    handed_over = ContactAssignment.objects.filter(ended_at__isnull=False)
    assert handed_over.exists()
    assert all(assignment.client.assignments.count() == 2 for assignment in handed_over)
    assert ContactAssignment.objects.filter(ended_at__isnull=True).exclude(reason="").exists()


def _bulk_events():
    """The history the bulk loader wrote: the first events, before the apps' demo steps (which
    record theirs through their real actions) ran."""
    loaded = AuditEntry.objects.get(action="demo_data.loaded").data["events"]
    cutoff = TimelineEvent.objects.order_by("pk").values_list("pk", flat=True)[loaded - 1]
    return TimelineEvent.objects.filter(pk__lte=cutoff)


def test_timeline_events_render_and_follow_the_rules(loaded):
    now = timezone.now()
    counts = Counter()
    for event in TimelineEvent.objects.select_related("client", "actor_staff"):
        assert event.summary != event.kind
        assert set(event.data) >= kinds.get(event.kind).fields
        assert event.visible_to_client == kinds.get(event.kind).visible_to_client
        assert (event.actor_type == "staff") == (event.actor_staff is not None)
        assert event.occurred_at <= now
    events = _bulk_events().select_related("client")
    for event in events:
        assert set(event.data) == kinds.get(event.kind).fields
        counts[event.client_id] += 1
        local_day = timezone.localdate(event.occurred_at)
        assert event.client.benefit_start <= local_day < timezone.localdate()
    assert min(counts.values()) >= 14 and max(counts.values()) <= 26
    assert {event.kind for event in events} >= set(journey.DATA_FIELDS) - {"note.added"}


def test_bsns_are_valid_and_unique(loaded):
    bsns = list(Client.objects.values_list("bsn", flat=True))
    assert all(is_valid_bsn(bsn) for bsn in bsns)
    assert len(set(bsns)) == len(bsns)


def test_preferences_exist_and_some_have_time_windows(loaded):
    assert all(hasattr(client, "preference") for client in Client.objects.all())
    assert ContactWindow.objects.exists()


def test_calls_and_appointments_respect_the_contact_windows(loaded):
    checked = 0
    for window_client in Client.objects.filter(preference__windows__isnull=False).distinct():
        windows = list(window_client.preference.windows.all())
        for event in _bulk_events().filter(
            client=window_client, kind__in=["contact.phone_call", "appointment.held"]
        ):
            moment = timezone.localtime(event.occurred_at)
            assert any(
                window.weekday in (None, moment.weekday())
                and window.starts <= moment.time() < window.ends
                for window in windows
            ), (event.kind, moment, windows)
            checked += 1
    assert checked  # the demo client alone has a window ('not before 10:00') and calls


def test_one_audit_entry_for_the_load(loaded):
    entry = AuditEntry.objects.get(action="demo_data.loaded")
    assert entry.data["clients"] == CLIENTS
    assert entry.data["events"] == _bulk_events().count()
    assert not _bulk_events().exclude(kind__in=journey.DATA_FIELDS).exists()


def test_werkverkenner_demo_model_and_work_list(loaded):
    from maatwerk.werkverkenner.models import ModelVersion, Score, TriageItem

    version = ModelVersion.objects.get(is_active=True)
    assert version.synthetic and "verzonnen (synthetische) gegevens" in version.card_text
    adviser = StaffMember.objects.get(user__username="adviseur")
    items = TriageItem.objects.filter(
        client__assignments__staff=adviser, client__assignments__ended_at__isnull=True
    )
    assert items.exists()
    assert Score.objects.filter(model_version=version).count() >= items.count()
    assert not Score.objects.filter(client__user__username="klant").exists()


def test_demo_log_ins_work_with_the_password(loaded, client):
    users = get_user_model().objects.filter(username__in=["klant", "adviseur", "manager"])
    klant, adviseur, manager = (
        users.get(username=name) for name in ("klant", "adviseur", "manager")
    )
    assert klant.client.assignments.get(ended_at__isnull=True).staff == adviseur.staff_member
    assert klant.client.timeline_events.count() >= 20
    assert manager.staff_member.job_title == "Vestigingsmanager"
    assert set(manager.staff_member.offices.all()) == set(adviseur.staff_member.offices.all())
    beheerder = get_user_model().objects.get(username="beheerder")
    assert beheerder.is_superuser
    assert beheerder.staff_member.roles.filter(name="Beheerder").exists()

    with override_settings(PASSWORD_HASHERS=FAST_HASHER):
        for username in ("klant", "adviseur", "manager", "beheerder"):
            response = client.post(
                reverse("accounts:login"), {"username": username, "password": DEMO_PASSWORD}
            )
            assert response.status_code == 302, username
            assert client.session["_auth_user_id"] == str(
                get_user_model().objects.get(username=username).pk
            )
            client.logout()
    assert "klant" in loaded["output"] and "http://127.0.0.1:8000/inloggen/" in loaded["output"]


def test_the_log_ins_are_printed_last_after_the_e_mails(loaded):
    output = loaded["output"]
    assert "Subject: " in output  # the load sends e-mails, printed as they go
    logins = output.rindex("Demo-log-ins")
    assert output.rindex("Subject: ") < logins
    assert output.rstrip().endswith(logins_text())
    assert DEMO_PASSWORD in output[logins:]


def test_the_printed_log_in_follows_site_url(loaded, settings):
    """`make demo PORT=8123` sets SITE_URL to that port; the printed link must follow it."""
    settings.SITE_URL = "http://127.0.0.1:8123/"
    assert "Inloggen: http://127.0.0.1:8123/inloggen/" in logins_text()


def test_real_actions_still_work_after_the_bulk_load(loaded):
    """Ids were handed out by the loader; the database's own counters must have moved past them."""
    adviser = StaffMember.objects.get(user__username="adviseur")
    client = factories.make_client(contact_person=adviser)
    assert client.pk > max(Client.objects.exclude(pk=client.pk).values_list("pk", flat=True))


def test_if_empty_does_nothing_on_a_loaded_database(loaded):
    output = StringIO()
    call_command("demo_data", clients=5, seed=1, if_empty=True, stdout=output)
    assert Client.objects.count() == CLIENTS
    assert "niets toegevoegd" in output.getvalue()
    assert DEMO_PASSWORD in output.getvalue()


def test_refuses_to_load_twice(loaded):
    with pytest.raises(CommandError, match="al cliënten of medewerkers"):
        call_command("demo_data", clients=5, seed=1, stdout=StringIO())
    assert Client.objects.count() == CLIENTS


def _maker(seed: int) -> ClientMaker:
    def staff(number: int, job_title: str) -> StaffRef:
        return StaffRef(number, f"Medewerker {number}", job_title)

    offices = [
        OfficeRef(
            n,
            place.office_name,
            place.city,
            place.postal_area,
            place.size,
            staff(100 * n, "Vestigingsmanager"),
            (staff(100 * n + 1, "Adviseur werk"), staff(100 * n + 2, "Adviseur werk")),
            (staff(100 * n + 3, "E-werkcoach"),),
        )  # fmt: skip
        for n, place in enumerate(PLACES, start=1)
    ]
    stamp = BulkWriter().stamp
    return ClientMaker(
        seed=seed, offices=offices, today=date(2026, 11, 23), stamp=stamp, content_types=(1, 2)
    )


def test_same_seed_same_data_other_seed_other_data():
    first, again, other = _maker(7).batch(0, 50), _maker(7).batch(0, 50), _maker(8).batch(0, 50)
    assert first == again
    assert first.clients != other.clients
    assert plan_staff(7, 1000) == plan_staff(7, 1000)
    assert plan_staff(7, 1000) != plan_staff(8, 1000)


def test_a_kind_with_other_placeholders_stops_the_load(monkeypatch):
    monkeypatch.setitem(journey.DATA_FIELDS, "note.added", ("body",))
    with pytest.raises(KindMismatch, match="note.added"):
        journey.check_kinds()
