"""Synthetic clients with their preferences, contact persons and timelines, made as table rows.

Nothing here touches the database: the maker gets the offices and staff it may use and hands
back plain tuples, batch by batch, for ``maatwerk.core.bulk.BulkWriter``. Every batch has its
own random generator seeded from the seed and the batch number, so a seed always gives the same
people.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from . import texts
from .journey import Journeys, OfficeRef, Reach, StaffRef, cumulative
from .names import BsnSequence, People

CLIENT_FIELDS = [
    "id", "user", "bsn", "first_name", "surname_prefix", "surname", "date_of_birth", "email",
    "phone", "street", "house_number", "postal_code", "city", "office", "benefit_start",
    "benefit_expected_end", "uses_digital_channels", "is_practice", "practice_owner", "created_at",
]  # fmt: skip
PREFERENCE_FIELDS = [
    "id", "client", "channel", "language_level", "preferred_language", "accessibility_needs",
    "notes",
]  # fmt: skip
WINDOW_FIELDS = ["preference", "weekday", "starts", "ends"]
ASSIGNMENT_FIELDS = ["id", "client", "staff", "started_at", "ended_at", "assigned_by", "reason"]
EVENT_FIELDS = [
    "client", "kind", "occurred_at", "actor_type", "actor_staff", "data", "object_type",
    "object_id", "visible_to_client",
]  # fmt: skip
HOUR = 3600
REGISTRATION_HOURS = (9 * HOUR, 3 * HOUR)  # new clients register between 09:00 and 12:00


@dataclass(frozen=True)
class Habit:
    """When a client can be called or invited, as ContactWindow rows and for the journey."""

    share: float  # of all clients
    note: str  # for colleagues, in the preference's notes
    starts: int  # seconds after midnight
    ends: int
    weekdays: tuple[int, ...] | None = None  # None: every working day

    def windows(self, preference_id: int) -> list[tuple]:
        starts, ends = (f"{s // 3600:02d}:{s // 60 % 60:02d}:00" for s in (self.starts, self.ends))
        return [(preference_id, day, starts, ends) for day in self.weekdays or (None,)]


HABITS = (
    Habit(0.10, "Heeft 's ochtends meer tijd nodig: niet voor 10:00.", 10 * HOUR, 17 * HOUR),
    Habit(0.05, "Niet bellen op woensdag.", 9 * HOUR, 17 * HOUR, (0, 1, 3, 4)),
    Habit(0.04, "Zorgt 's middags voor een familielid.", 9 * HOUR, 12 * HOUR),
    Habit(0.04, "Haalt de kinderen van school.", 9 * HOUR + 1800, 14 * HOUR + 1800),
)
DIGITAL_CHANNELS = (("portal", "email", "phone", "video"), cumulative((60, 22, 13, 5)))
PAPER_CHANNELS = (("phone", "letter"), cumulative((55, 45)))


@dataclass(frozen=True)
class DemoClient:
    """The client behind the 'klant' log-in: handed over once, now with the demo adviser."""

    office: OfficeRef
    user_id: int
    first_contact: StaffRef
    contact: StaffRef


@dataclass
class Batch:
    clients: list[tuple] = field(default_factory=list)
    preferences: list[tuple] = field(default_factory=list)
    windows: list[tuple] = field(default_factory=list)
    assignments: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)


@dataclass(frozen=True)
class FirstIds:
    client: int = 1
    preference: int = 1
    assignment: int = 1


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


class ClientMaker:
    def __init__(
        self,
        *,
        seed: int,
        offices: list[OfficeRef],
        today: date,
        stamp: Callable[[int], str],
        content_types: tuple[int, int],
        first_ids: FirstIds = FirstIds(),  # noqa: B008 (frozen, so sharing it is safe)
        time_zone: str = "Europe/Amsterdam",
    ):
        self.seed = seed
        self.offices = offices
        self._office_cum = cumulative(office.weight for office in offices)
        self.people = People()
        self.bsns = BsnSequence(seed)
        self.stamp = stamp
        self.today = today.toordinal()
        self.next_client = first_ids.client
        self.next_preference = first_ids.preference
        self.journeys = Journeys(
            today=self.today, time_zone=time_zone, content_types=content_types, stamp=stamp
        )
        self.journeys.next_assignment = first_ids.assignment

    def demo_batch(self, demo: DemoClient) -> Batch:
        rng = random.Random(f"{self.seed}:demo")
        batch = Batch()
        self._client(rng, batch, demo.office, demo)
        return batch

    def batch(self, number: int, size: int) -> Batch:
        rng = random.Random(f"{self.seed}:clients:{number}")
        batch = Batch()
        for office in rng.choices(self.offices, cum_weights=self._office_cum, k=size):
            self._client(rng, batch, office)
        return batch

    def _client(self, rng: random.Random, batch: Batch, office: OfficeRef, demo=None) -> None:
        client_id = self.next_client
        self.next_client += 1
        people, rnd = self.people, rng.random
        name = people.name(rng)
        months = 12 if demo else rng.randint(3, 24)  # WW lasts 3 to 24 months
        # Most clients are still on benefit; about one in ten has just come to the end of it.
        elapsed = 150 if demo else rng.randint(30, months * 33)
        start = self.today - elapsed
        start_date = date.fromordinal(start)
        end_date = add_months(start_date, months)
        digital = demo is not None or rnd() < 0.85
        registered = self.journeys.moment(
            start, REGISTRATION_HOURS[0] + int(rnd() * REGISTRATION_HOURS[1])
        )
        batch.clients.append(
            (
                client_id,
                demo.user_id if demo else None,
                next(self.bsns),
                name.first_name,
                name.surname_prefix,
                name.surname,
                people.date_of_birth(rng, start_date).isoformat(),
                people.email(rng, name) if digital or rnd() < 0.3 else "",
                people.mobile(rng) if rnd() < 0.95 else "",
                people.street(rng),
                people.house_number(rng),
                people.postal_code(rng, office.postal_area),
                office.city,
                office.id,
                start_date.isoformat(),
                end_date.isoformat(),
                digital,
                False,  # is_practice
                None,  # practice_owner
                self.stamp(registered),
            )
        )
        habit = self._preference(rng, batch, client_id, digital, demo)
        # Events stop yesterday at the latest: the timeline never shows the future.
        last = min(end_date.toordinal(), self.today - 1)
        reach = Reach(habit.starts, habit.ends, habit.weekdays) if habit else None
        self.journeys.make(
            rng, batch, client_id, office, digital, start, last, registered, reach, demo
        )

    def _preference(self, rng, batch, client_id, digital, demo) -> Habit | None:
        preference_id = self.next_preference
        self.next_preference += 1
        rnd = rng.random
        channels, cum = DIGITAL_CHANNELS if digital else PAPER_CHANNELS
        channel = "portal" if demo else rng.choices(channels, cum_weights=cum)[0]
        habit = HABITS[0] if demo else None  # the demo client: not before 10:00
        roll = rnd()
        for candidate in HABITS if habit is None else ():
            if roll < candidate.share:
                habit = candidate
                break
            roll -= candidate.share
        needs = texts.ACCESSIBILITY_NEEDS
        batch.preferences.append(
            (
                preference_id,
                client_id,
                channel,
                "A2" if rnd() < 0.08 else "B1",
                "en" if rnd() < 0.03 else "nl",
                needs[int(rnd() * len(needs))] if rnd() < 0.04 else "",
                habit.note if habit else "",
            )
        )
        if habit:
            batch.windows.extend(habit.windows(preference_id))
        return habit
