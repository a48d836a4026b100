"""The organisation, its werkpleinen and its staff: hundreds of rows, made with the real actions
where there is one, so the demo shows what those actions produce."""

import random
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.translation import gettext_noop

from maatwerk.access.roles import ensure_default_roles
from maatwerk.organisation import actions as organisation_actions
from maatwerk.organisation.models import Office, OpeningHours, Organisation, Region, StaffMember

from .names import Name, People, ascii_slug
from .photos import initials_png
from .places import DEMO_CITY, PLACES, opening_hours

DEMO_PASSWORD = "Maatwerk-demo-2026"  # noqa: S105 (printed for everybody to use, on purpose)
# Job titles are Dutch source text: a client reads them in their own language.
ADVISER, COACH, MANAGER, ADMINISTRATOR = (
    gettext_noop("Adviseur werk"),
    gettext_noop("E-werkcoach"),
    gettext_noop("Vestigingsmanager"),
    gettext_noop("Functioneel beheerder"),
)
EDITOR, LEGAL, RESEARCHER, COUNCIL = (
    gettext_noop("Briefredacteur"),
    gettext_noop("Juridisch adviseur"),
    gettext_noop("Klantonderzoeker"),
    gettext_noop("Lid cliëntenraad"),
)
ROLE_FOR_JOB = {
    ADVISER: ADVISER,
    COACH: COACH,
    MANAGER: MANAGER,
    ADMINISTRATOR: "Beheerder",
    EDITOR: "Briefredacteur",
    LEGAL: "Juridisch controleur",
    RESEARCHER: "Klantonderzoeker",
    COUNCIL: "Lid cliëntenraad",
}
# One adviser for about this many clients of an office (an e-werkcoach handles more, online).
CLIENTS_PER_ADVISER, CLIENTS_PER_COACH = 1500, 4000


@dataclass(frozen=True)
class StaffPlan:
    username: str
    name: Name
    job_title: str
    city: str
    demo_login: bool = False
    superuser: bool = False


def ensure_organisation() -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        pk=1,
        defaults={
            "name": "Werkbedrijf Demo",
            "short_name": "Werkbedrijf",
            "phone": "088 000 12 34",
            "website": "https://werkbedrijf.example",
            "client_portal_name": "Mijn Werkbedrijf",
            "return_address": "Postbus 1234, 3500 AA Utrecht",
        },
    )
    return organisation


def make_offices() -> dict[str, Office]:
    """Regions, offices and opening hours; kept when they exist, so names stay the admin's."""
    offices = {}
    for number, place in enumerate(PLACES):
        region, _ = Region.objects.get_or_create(name=place.region)
        office, created = Office.objects.get_or_create(
            name=place.office_name,
            defaults={
                "region": region,
                "street": place.street,
                "house_number": place.house_number,
                "postal_code": place.postal_code,
                "city": place.city,
                "phone": f"088 000 13 {10 + number:02d}",
            },
        )
        if created:
            OpeningHours.objects.bulk_create(
                OpeningHours(office=office, weekday=day, opens=opens, closes=closes)
                for day, opens, closes in opening_hours(place)
            )
        offices[place.city] = office
    return offices


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, int(value + 0.5)))


def plan_staff(seed: int, clients: int) -> list[StaffPlan]:
    """Who works where: the four demo log-ins first, then enough staff for the caseload."""
    rng = random.Random(f"{seed}:staff")
    people = People()
    taken: set[str] = set()

    def person(job_title: str, city: str, username: str = "", **flags) -> StaffPlan:
        name = people.name(rng)
        if not username:
            base = f"{ascii_slug(name.first_name)}.{ascii_slug(name.surname_prefix + name.surname)}"
            username, n = base, 1
            while username in taken:
                n += 1
                username = f"{base}{n}"
        taken.add(username)
        return StaffPlan(username, name, job_title, city, **flags)

    plans = [
        person(ADVISER, DEMO_CITY, "adviseur", demo_login=True),
        person(MANAGER, DEMO_CITY, "manager", demo_login=True),
        person(ADMINISTRATOR, DEMO_CITY, "beheerder", demo_login=True, superuser=True),
    ]
    total_weight = sum(place.size for place in PLACES)
    for place in PLACES:
        expected = clients * place.size / total_weight
        if place.city != DEMO_CITY:
            plans.append(person(MANAGER, place.city))
        # The demo adviser already counts as one of Utrecht's advisers.
        advisers = _clamp(expected / CLIENTS_PER_ADVISER, 2, 20) - (place.city == DEMO_CITY)
        plans.extend(person(ADVISER, place.city) for _ in range(advisers))
        plans.extend(
            person(COACH, place.city) for _ in range(_clamp(expected / CLIENTS_PER_COACH, 1, 8))
        )
    plans.extend(person(ADMINISTRATOR, rng.choice(PLACES).city) for _ in range(2))
    # Last, so adding them did not change the names drawn for everybody above.
    plans.extend(
        [
            person(EDITOR, DEMO_CITY, "redacteur", demo_login=True),
            person(LEGAL, DEMO_CITY, "jurist", demo_login=True),
            person(RESEARCHER, DEMO_CITY, "onderzoeker", demo_login=True),
            person(COUNCIL, DEMO_CITY, "raadslid", demo_login=True),
        ]
    )
    return plans


def make_staff(plans: list[StaffPlan], offices: dict[str, Office]) -> list[StaffMember]:
    ensure_default_roles()  # normally done by migrate; harmless when the roles exist
    roles = {group.name: group for group in Group.objects.filter(name__in=ROLE_FOR_JOB.values())}
    made = []
    for number, plan in enumerate(plans):
        staff = organisation_actions.create_staff_member(
            username=plan.username,
            password=DEMO_PASSWORD if plan.demo_login else None,
            first_name=plan.name.first_name,
            surname_prefix=plan.name.surname_prefix,
            surname=plan.name.surname,
            job_title=plan.job_title,
            offices=[offices[plan.city]],
            roles=[roles[ROLE_FOR_JOB[plan.job_title]]],
            email=f"{plan.username}@werkbedrijf.example",
            phone=f"088 000 {14 + number // 100:02d} {number % 100:02d}",
        )
        if plan.superuser:
            # No action makes superusers; the demo administrator must be able to do everything.
            type(staff.user).objects.filter(pk=staff.user_id).update(is_superuser=True)
        _save_photo(staff, number)
        made.append(staff)
    return made


def _save_photo(staff: StaffMember, number: int) -> None:
    name = f"staff/demo-{staff.user.username}.png"
    storage = staff.photo.storage
    # Same name on every load: replace an old file rather than pile up name_abc123.png copies.
    if storage.exists(name):
        storage.delete(name)
    staff.photo.save(name.removeprefix("staff/"), ContentFile(initials_png(staff.initials, number)))
