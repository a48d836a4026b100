"""A client's journey as rows: contact persons (maybe a handover) and about twenty timeline events.

This is the hot loop of a large load (six million events for 300,000 clients), so it draws with
``rng.random()`` arithmetic instead of ``randint``/``choice`` (several times faster), looks up
moments in tables made once, and renders each distinct ``data`` JSON text only once.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from operator import itemgetter
from zoneinfo import ZoneInfo

from maatwerk.timeline import kinds

from . import texts

DAY = 86400
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
STAFF, CLIENT, SYSTEM = "staff", "client", "system"
OFFICE_HOURS = (8 * 3600 + 1800, 8 * 3600 + 1800)  # from 08:30, for 8.5 hours
WAKING_HOURS = (7 * 3600, 16 * 3600)  # clients act online from 07:00 to 23:00
WORKSHOP_STARTS = (10 * 3600, 14 * 3600)
MAX_HISTORY_DAYS = 1000  # benefit periods start at most 24 * 33 days ago

# The placeholders each timeline kind's summary needs.
DATA_FIELDS = {
    "client.registered": ("office",),
    "contact_person.assigned": ("staff_name", "job_title"),
    "contact_person.changed": ("staff_name", "job_title"),
    "note.added": ("text",),
    "contact.phone_call": ("staff_name", "job_title", "topic"),
    "appointment.held": ("staff_name", "job_title", "office"),
    "message.sent": ("staff_name", "job_title", "subject"),
    "message.received": ("subject",),
    "workshop.attended": ("workshop", "office"),
    "training.started": ("training",),
    "application.reported": ("vacancy",),
    "cv.updated": (),
}
# For the kinds that happen after registration: who acts, and the one free text that varies.
ACTORS = {
    "contact.phone_call": STAFF,
    "appointment.held": STAFF,
    "message.sent": STAFF,
    "note.added": STAFF,
    "message.received": CLIENT,
    "training.started": CLIENT,
    "application.reported": CLIENT,
    "cv.updated": CLIENT,
    "workshop.attended": SYSTEM,
}
VARIANTS = {
    "contact.phone_call": ("topic", texts.PHONE_TOPICS),
    "message.sent": ("subject", texts.MESSAGE_SUBJECTS),
    "note.added": ("text", texts.NOTES),
    "message.received": ("subject", texts.CLIENT_SUBJECTS),
    "workshop.attended": ("workshop", texts.WORKSHOPS),
    "training.started": ("training", texts.TRAININGS),
    "application.reported": ("vacancy", texts.VACANCIES),
}
# How often each kind happens, for clients online and for clients who use paper and phone.
DIGITAL_MIX = {
    "contact.phone_call": 13,
    "appointment.held": 13,
    "message.sent": 18,
    "message.received": 10,
    "note.added": 10,
    "workshop.attended": 5,
    "training.started": 6,
    "application.reported": 20,
    "cv.updated": 5,
}
PAPER_MIX = {
    "contact.phone_call": 30,
    "appointment.held": 28,
    "note.added": 14,
    "workshop.attended": 8,
    "application.reported": 20,
}


class KindMismatch(Exception):
    pass


def check_kinds() -> None:
    """Fail early when a registered kind wants other placeholders than the demo fills in."""
    for code, fields in DATA_FIELDS.items():
        try:
            wanted = kinds.get(code).fields
        except LookupError as error:
            raise KindMismatch(str(error)) from None
        if wanted != set(fields):
            raise KindMismatch(
                f"Timeline kind {code!r} needs {sorted(wanted)}; the demo fills {sorted(fields)}. "
                "Update maatwerk.demo.journey.DATA_FIELDS."
            )


# eq=False: hashed by identity, which is fast; there is one reference object per staff member.
@dataclass(frozen=True, eq=False)
class StaffRef:
    id: int
    full_name: str
    job_title: str


@dataclass(frozen=True, eq=False)
class OfficeRef:
    id: int
    name: str
    city: str
    postal_area: str
    weight: int
    manager: StaffRef
    advisers: tuple[StaffRef, ...]
    coaches: tuple[StaffRef, ...]


@dataclass(frozen=True)
class Reach:
    """When staff may call or invite the client: the human scale of their contact preference."""

    starts: int = OFFICE_HOURS[0]  # seconds after midnight
    ends: int = OFFICE_HOURS[0] + OFFICE_HOURS[1]
    weekdays: tuple[int, ...] | None = None  # None: every working day


OFFICE_REACH = Reach()
REACHING_KINDS = {"contact.phone_call", "appointment.held"}


def cumulative(weights) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


class Journeys:
    def __init__(self, *, today: int, time_zone: str, content_types: tuple[int, int], stamp):
        self.today = today
        self.stamp = stamp
        self.ct_client, self.ct_assignment = content_types
        self.visible = {code: kinds.get(code).visible_to_client for code in DATA_FIELDS}
        self.mixes = {
            digital: (list(mix), cumulative(mix.values()))
            for digital, mix in ((True, DIGITAL_MIX), (False, PAPER_MIX))
        }
        # Midnight of each recent day in UTC seconds, so a local time is one addition away.
        zone = ZoneInfo(time_zone)
        self.first_day = today - MAX_HISTORY_DAYS
        self.midnights = []
        for day in range(self.first_day, today + 1):
            noon = datetime.combine(date.fromordinal(day), time(12), tzinfo=zone)
            offset = int(noon.utcoffset().total_seconds())
            self.midnights.append((day - EPOCH_ORDINAL) * DAY - offset)
        self._json: dict[tuple, str] = {}
        self.next_assignment = 1

    def moment(self, day: int, local_seconds: int) -> int:
        """Seconds since 1970 (UTC) for a local Dutch time on a day given as an ordinal."""
        return self.midnights[day - self.first_day] + local_seconds

    @staticmethod
    def working_day(day: int, first: int, last: int) -> int:
        """Move a weekend day to Friday or Monday, staying inside [first, last]."""
        weekday = (day + 6) % 7
        if weekday == 5:
            return day - 1 if day - 1 >= first else min(day + 2, last)
        if weekday == 6:
            return day + 1 if day + 1 <= last else max(day - 2, first)
        return day

    def data(self, kind: str, staff=None, office=None, variant: int = 0) -> str:
        # Few distinct combinations exist (staff x topic), so each JSON text is made only once.
        key = (kind, staff, office, variant)
        text = self._json.get(key)
        if text is None:
            values = {}
            if staff is not None:
                values.update(staff_name=staff.full_name, job_title=staff.job_title)
            if office is not None:
                values["office"] = office.name
            if kind in VARIANTS:
                field, options = VARIANTS[kind]
                values[field] = options[variant]
            data = {name: values[name] for name in DATA_FIELDS[kind]}
            text = self._json[key] = json.dumps(data)
        return text

    def make(self, rng, batch, client_id, office, digital, first, last, registered, reach, demo):
        """Add the client's contact persons and timeline events to the batch."""
        span = last - first
        events = [
            (registered, "client.registered", SYSTEM, None,
             self.data("client.registered", office=office), self.ct_client, client_id),
        ]  # fmt: skip
        contact, successor, handed_over = self._contact_persons(
            rng, batch, events, client_id, office, digital, first, last, registered, demo
        )
        mix, cum = self.mixes[digital]
        count = (24 if demo else 14 + int(rng.random() * 13)) - len(events)  # about 20 in all
        chosen = rng.choices(mix, cum_weights=cum, k=count)
        if demo:
            chosen = mix + chosen[len(mix) :]  # the demo client sees every kind
        for kind in chosen:
            moment = self._when(rng, kind, first, span, last, reach or OFFICE_REACH)
            staff = None
            if ACTORS[kind] == STAFF:
                staff = successor if handed_over and moment >= handed_over else contact
            variant = int(rng.random() * len(VARIANTS[kind][1])) if kind in VARIANTS else 0
            place = office if kind in ("appointment.held", "workshop.attended") else None
            data = self.data(kind, staff, place, variant)
            events.append((moment, kind, ACTORS[kind], staff and staff.id, data, None, ""))

        events.sort(key=itemgetter(0))
        stamp, visible = self.stamp, self.visible
        batch.events.extend(
            (client_id, kind, stamp(at), actor, staff_id, data, ct, str(obj), visible[kind])
            for at, kind, actor, staff_id, data, ct, obj in events
        )

    def _contact_persons(
        self, rng, batch, events, client_id, office, digital, first, last, registered, demo
    ):
        """One named contact person from the start; for one client in four, a handover later."""
        rnd, stamp = rng.random, self.stamp
        pool = office.advisers + office.coaches if digital else office.advisers
        contact = demo.first_contact if demo else pool[int(rnd() * len(pool))]
        assigned = registered + 60
        first_id = self.next_assignment
        self.next_assignment += 1
        events.append(
            (assigned, "contact_person.assigned", SYSTEM, None,
             self.data("contact_person.assigned", contact), self.ct_assignment, first_id)
        )  # fmt: skip
        if not demo and rnd() >= 0.25:
            batch.assignments.append(
                (first_id, client_id, contact.id, stamp(assigned), None, None, "")
            )
            return contact, contact, None

        others = [staff for staff in pool if staff is not contact]
        successor = demo.contact if demo else others[int(rnd() * len(others))]
        span = last - first
        day = self.working_day(first + span // 4 + int(rnd() * (span // 2)), first + 1, last)
        moment = self.moment(day, OFFICE_HOURS[0] + int(rnd() * OFFICE_HOURS[1]))
        handed_over = max(moment, assigned + 60)
        second_id = self.next_assignment
        self.next_assignment += 1
        reasons = texts.HANDOVER_REASONS
        reason = reasons[0] if demo else reasons[int(rnd() * len(reasons))]
        batch.assignments += [
            (first_id, client_id, contact.id, stamp(assigned), stamp(handed_over), None, ""),
            (second_id, client_id, successor.id, stamp(handed_over), None, office.manager.id,
             reason),
        ]  # fmt: skip
        events.append(
            (handed_over, "contact_person.changed", STAFF, office.manager.id,
             self.data("contact_person.changed", successor), self.ct_assignment, second_id)
        )  # fmt: skip
        return contact, successor, handed_over

    def _when(self, rng, kind, first, span, last, reach) -> int:
        """When it happened: staff work on working days, and call or invite within reach."""
        rnd = rng.random
        actor = ACTORS[kind]
        day = first + 1 + int(rnd() * span)
        if actor == CLIENT:
            return self.moment(day, WAKING_HOURS[0] + int(rnd() * WAKING_HOURS[1]))
        day = self.working_day(day, first + 1, last)
        if actor == SYSTEM:
            return self.moment(day, WORKSHOP_STARTS[rnd() < 0.5])
        if kind not in REACHING_KINDS:
            return self.moment(day, OFFICE_HOURS[0] + int(rnd() * OFFICE_HOURS[1]))
        if reach.weekdays is not None:
            day = self.allowed_day(day, reach.weekdays, first + 1, last)
        return self.moment(day, reach.starts + int(rnd() * (reach.ends - reach.starts)))

    @staticmethod
    def allowed_day(day: int, weekdays: tuple[int, ...], first: int, last: int) -> int:
        """The nearest day, later if possible, that falls on one of the client's weekdays."""
        for candidate in (*range(day, day + 7), *range(day - 1, day - 7, -1)):
            if first <= candidate <= last and (candidate + 6) % 7 in weekdays:
                return candidate
        return day
