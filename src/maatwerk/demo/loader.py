"""Loading the demo: the organisation and its staff through the real actions, then the clients,
their contact persons and their timelines in bulk, all in one transaction."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from maatwerk.audit import actions as audit
from maatwerk.clients.models import Client, ContactAssignment, ContactPreference, ContactWindow
from maatwerk.core.app_modules import app_modules
from maatwerk.core.bulk import BulkWriter
from maatwerk.organisation.models import Office, StaffMember
from maatwerk.timeline.models import TimelineEvent

from . import generate, journey
from .generate import ClientMaker, DemoClient, FirstIds
from .journey import OfficeRef, StaffRef
from .organisation import (
    ADVISER,
    COACH,
    DEMO_PASSWORD,
    MANAGER,
    StaffPlan,
    ensure_organisation,
    make_offices,
    make_staff,
    plan_staff,
)
from .places import DEMO_CITY, PLACES

BATCH_SIZE = 5000


@dataclass(frozen=True)
class Result:
    clients: int
    events: int
    staff: int
    offices: int
    seconds: float


def dutch_number(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def is_empty() -> bool:
    """Demo data goes only into a database without clients or staff: never twice, never mixed."""
    return not Client.objects.exists() and not StaffMember.objects.exists()


def load(
    *,
    clients: int,
    seed: int,
    progress: Callable[[str], None] = lambda text: None,
    batch_size: int = BATCH_SIZE,
    today: date | None = None,
) -> Result:
    journey.check_kinds()
    started = time.monotonic()
    writer = BulkWriter()
    with transaction.atomic():
        ensure_organisation()
        offices = make_offices()
        plans = plan_staff(seed, clients)
        progress(f"{len(offices)} vestigingen; {len(plans)} medewerkers met foto maken ...")
        staff = make_staff(plans, offices)
        refs = _office_refs(plans, staff, offices)
        klant = get_user_model().objects.create_user("klant", password=DEMO_PASSWORD)
        maker = ClientMaker(
            seed=seed,
            offices=list(refs.values()),
            today=today or timezone.localdate(),
            stamp=writer.stamp,
            content_types=(
                ContentType.objects.get_for_model(Client).pk,
                ContentType.objects.get_for_model(ContactAssignment).pk,
            ),
            first_ids=FirstIds(
                client=writer.next_id(Client),
                preference=writer.next_id(ContactPreference),
                assignment=writer.next_id(ContactAssignment),
            ),
            time_zone=settings.TIME_ZONE,
        )
        events = _write(writer, maker.demo_batch(_demo_client(refs[DEMO_CITY], klant.pk)))
        done, number = 1, 0
        while done < clients:
            size = min(batch_size, clients - done)
            events += _write(writer, maker.batch(number, size))
            done, number = done + size, number + 1
            seconds = time.monotonic() - started
            progress(
                f"{dutch_number(done)} van {dutch_number(clients)} cliënten, "
                f"{dutch_number(events)} tijdlijngebeurtenissen ({seconds:.0f} s)"
            )
        writer.reset_sequences([Client, ContactPreference, ContactAssignment])
        audit.log(
            "demo_data.loaded",
            data={
                "clients": clients,
                "events": events,
                "staff": len(staff),
                "offices": len(offices),
                "seed": seed,
            },
        )
    _load_app_demos(progress)
    return Result(clients, events, len(staff), len(offices), time.monotonic() - started)


def _load_app_demos(progress: Callable[[str], None]) -> None:
    """Each capability app's own demo step (``maatwerk.<app>.demo.load(progress)``), in the order
    of INSTALLED_APPS, after the bulk load. Outside the bulk transaction: they use the real
    actions and may write files."""
    for app_config, module in app_modules("demo", exclude=__package__):
        try:
            module.load(progress)
        except ImportError as error:  # e.g. the Werkverkenner without its statistical core
            progress(f"{app_config.verbose_name} overgeslagen: {error}")


def _write(writer: BulkWriter, batch: generate.Batch) -> int:
    writer.write(Client, generate.CLIENT_FIELDS, batch.clients)
    writer.write(ContactPreference, generate.PREFERENCE_FIELDS, batch.preferences)
    writer.write(ContactWindow, generate.WINDOW_FIELDS, batch.windows)
    writer.write(ContactAssignment, generate.ASSIGNMENT_FIELDS, batch.assignments)
    writer.write(TimelineEvent, generate.EVENT_FIELDS, batch.events)
    return len(batch.events)


def _office_refs(
    plans: list[StaffPlan], staff: list[StaffMember], offices: dict[str, Office]
) -> dict[str, OfficeRef]:
    by_city: dict[str, dict[str, list[StaffRef]]] = {city: {} for city in offices}
    for plan, member in zip(plans, staff, strict=True):
        ref = StaffRef(member.pk, member.full_name, member.job_title)
        by_city[plan.city].setdefault(plan.job_title, []).append(ref)
    refs = {}
    for place in PLACES:
        office, jobs = offices[place.city], by_city[place.city]
        refs[place.city] = OfficeRef(
            id=office.pk,
            name=office.name,
            city=office.city,
            postal_area=place.postal_area,
            weight=place.size,
            manager=jobs[MANAGER][0],
            advisers=tuple(jobs[ADVISER]),
            coaches=tuple(jobs[COACH]),
        )
    return refs


def _demo_client(office: OfficeRef, user_id: int) -> DemoClient:
    # Plans put the demo adviser first, so advisers[0] is 'adviseur'; the client came from another.
    adviser, *others = office.advisers
    return DemoClient(office=office, user_id=user_id, first_contact=others[0], contact=adviser)
