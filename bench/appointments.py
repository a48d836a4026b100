"""Slot-search benchmark: free slots for an office over two weeks at national scale.

    .venv/bin/python bench/appointments.py          # 300,000 clients, SQLite and PostgreSQL
    .venv/bin/python bench/appointments.py --only sqlite --keep
    .venv/bin/python bench/appointments.py --reuse --only sqlite

For each database the script builds (or, with --reuse, finds) a database made by
`maatwerk demo_data --clients N --seed 1` (its appointments step gives every adviser and e-coach
weekly availability), then bulk-creates --appointments existing appointments (default 200,000,
with their time claims) spread over the availability of all staff from 40 weeks ago to 4 weeks
ahead, densest in the coming weeks. A separate process per database (Django reads its settings
at import) then times, for the demo office (Utrecht):

- the agenda plugin's `free_slots` for 14 days (what the API and every page use);
- `queries.slot_week` for the `klant` client (plugin + the client's preferences);
- the client's page /mijn/afspraken/nieuw/tijden/ for a week, through django.test.Client.

3 warm-ups, then --repeat timed calls each; median and p95. Target: under 100 ms. Results go to
bench/results/appointments.md. Database building and timing: bench/common.py.

SQLite: a file in --workdir (default var/bench/appointments). PostgreSQL: the database
`maatwerk_bench_appointments` through BENCH_POSTGRES_URL. Without --keep both are removed.
"""

import os
import random
import sys
from datetime import datetime

from common import (
    TARGET_MS,
    arguments,
    code_line,
    command_line,
    each_database,
    finish,
    maatwerk,
    measure_in_child,
    measured_in_child,
    queries_text,
    repeat_arguments,
    run_child,
    setup_django,
    timed,
    verdict,
)
from machine import describe

NAME = "appointments"
FILL_FLAG = "--fill-in-this-process"


def measure(name: str, env: dict, args) -> dict:
    # A reused database (or one built while the code moved on) gets newer migrations.
    maatwerk(["migrate", "--no-input", "-v", "0"], env)
    print(f"\n== {name}: {args.appointments:,} appointments", flush=True)
    run_child(__file__, FILL_FLAG, env, str(args.appointments), str(args.seed))
    return measure_in_child(__file__, name, env, args, *repeat_arguments(args))


# The children: Django set up for one database.


def fill_here(target: int, seed: int) -> None:
    """Bulk-create ``target`` appointments on the staff's availability (no overlaps)."""
    from datetime import timedelta

    from django.db import connection
    from django.utils import timezone

    from maatwerk.appointments.builtin import zone
    from maatwerk.appointments.models import Appointment, AppointmentType, Availability, TimeClaim
    from maatwerk.appointments.slots import aware, quarters
    from maatwerk.clients.models import Client

    existing = Appointment.objects.count()
    if existing >= target:
        print(f"{existing:,} appointments already there", flush=True)
        return
    rng = random.Random(seed)
    kind = AppointmentType.objects.get(code="telefonisch-gesprek")  # 30 minutes
    client_ids = list(Client.objects.values_list("pk", flat=True))
    blocks: dict[int, list] = {}
    for staff_id, office_id, weekday, starts, ends in Availability.objects.values_list(
        "staff_id", "office_id", "weekday", "starts", "ends"
    ):
        blocks.setdefault(staff_id, []).append((office_id, weekday, starts, ends))
    tz = zone()
    today = timezone.localdate()
    first = today - timedelta(weeks=40)
    # Every half-hour slot of every staff member from 40 weeks ago to 4 weeks ahead.
    candidates = []
    day = first
    while day <= today + timedelta(weeks=4):
        for staff_id, rows in blocks.items():
            for office_id, weekday, starts, ends in rows:
                if weekday != day.weekday():
                    continue
                at, end = aware(day, starts, tz), aware(day, ends, tz)
                while at + timedelta(minutes=30) <= end:
                    candidates.append((staff_id, office_id, at, day >= today))
                    at += timedelta(minutes=30)
        day += timedelta(days=1)
    taken = set(TimeClaim.objects.values_list("staff_id", "starts_at"))  # the demo's bookings
    candidates = [
        c
        for c in candidates
        if not any((c[0], q) in taken for q in quarters(c[2], c[2] + timedelta(minutes=30)))
    ]
    future = [c for c in candidates if c[3]]
    past = [c for c in candidates if not c[3]]
    # The coming weeks about half full; the rest of the target in the past.
    chosen = rng.sample(future, min(len(future) // 2, target // 4))
    chosen += rng.sample(past, min(len(past), target - len(chosen)))
    now = timezone.now()
    print(f"{len(candidates):,} candidate slots; creating {len(chosen):,}", flush=True)
    batch = 5000
    for start in range(0, len(chosen), batch):
        rows = []
        for staff_id, office_id, at, upcoming in chosen[start : start + batch]:
            status = "booked" if upcoming else rng.choice(["held", "held", "held", "not_shown"])
            if upcoming and rng.random() < 0.1:
                status = "cancelled"
            rows.append(
                Appointment(
                    client_id=rng.choice(client_ids),
                    staff_id=staff_id,
                    office_id=office_id,
                    type=kind,
                    starts_at=at,
                    ends_at=at + timedelta(minutes=30),
                    status=status,
                    cancelled_at=now if status == "cancelled" else None,
                )
            )
        made = Appointment.objects.bulk_create(rows)
        TimeClaim.objects.bulk_create(
            TimeClaim(staff_id=a.staff_id, starts_at=q, appointment_id=a.pk)
            for a in made
            if a.status != "cancelled"
            for q in quarters(a.starts_at, a.ends_at)
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"{Appointment.objects.count():,} appointments", flush=True)


def measure_here(repeat: int, warmup: int) -> dict:
    setup_django()
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.test import Client as TestClient
    from django.utils import timezone

    from maatwerk.appointments import queries
    from maatwerk.appointments.agenda import plugin_for
    from maatwerk.appointments.models import Appointment, AppointmentType, Availability
    from maatwerk.clients.models import Client

    klant = get_user_model().objects.get(username="klant")
    client = klant.client
    office = client.office
    kind = AppointmentType.objects.get(code="gesprek-werkplein")
    today = timezone.localdate()
    last = today + timedelta(days=13)
    plugin = plugin_for(office)
    browser = TestClient()
    browser.force_login(klant)
    path = "/mijn/afspraken/nieuw/tijden/"
    params = {"vestiging": office.pk, "soort": kind.pk, "week": 1}

    def page():
        response = browser.get(path, params)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")

    slots = plugin.free_slots(office, kind, today, last, not_before=queries.not_before())
    facts = {
        "clients": Client.objects.count(),
        "appointments": Appointment.objects.count(),
        "availability": Availability.objects.count(),
        "office": office.name,
        "office_staff": Availability.objects.filter(office=office)
        .values("staff_id")
        .distinct()
        .count(),
        "office_upcoming": Appointment.objects.filter(
            office=office, starts_at__gte=timezone.now(), status="booked"
        ).count(),
        "slots": len(slots),
    }
    rows = [
        ("Plugin free_slots, office, 14 days", lambda: plugin.free_slots(
            office, kind, today, last, not_before=queries.not_before())),
        ("queries.slot_week for klant (with preferences)", lambda: queries.slot_week(
            office, kind, client, 1)),
        (f"Page GET {path} (week 2, klant)", page),
    ]  # fmt: skip
    results = []
    for label, fn in rows:
        results.append({"label": label, **timed(fn, repeat, warmup)})
        print(f"{label}: {results[-1]['median']:.1f} ms median", file=sys.stderr, flush=True)
    return {"facts": facts, "rows": results}


# The report.


def report(results: list[dict], args, command: str) -> str:
    lines = [
        "# Benchmark: free-slot search at national scale",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} with `{command}`.",
        "",
        "The slot search for one office (the demo office, where `klant` is a client) over two "
        f"weeks: {args.warmup} warm-ups (their SQL queries counted), then {args.repeat} timed "
        "calls, one after another in one process per database with `MAATWERK_MODE=demo`. "
        f"Target: under {TARGET_MS:.0f} ms.",
        "",
    ]
    for result in results:
        facts = result["facts"]
        lines += [
            f"## {result['database']}",
            "",
            f"{facts['clients']:,} clients (`demo_data --clients {args.clients} --seed "
            f"{args.seed}`, {result['prepared']}), {facts['appointments']:,} appointments "
            f"({facts['office_upcoming']:,} upcoming at {facts['office']}), "
            f"{facts['availability']:,} availability blocks; {facts['office_staff']} staff "
            f"take appointments at {facts['office']}; {facts['slots']} free 45-minute slots in "
            "the 14 days.",
            "",
            "| Operation | Median ms | p95 ms | Min ms | Max ms | SQL queries "
            f"| < {TARGET_MS:.0f} ms |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for row in result["rows"]:
            lines.append(
                f"| {row['label']} | {row['median']:.1f} | {row['p95']:.1f} | "
                f"{row['min']:.1f} | {row['max']:.1f} | {queries_text(row['queries'])} | "
                f"{verdict(row)} |"
            )
        lines.append("")
    load = os.getloadavg()
    lines += [
        "Machine: " + "; ".join(describe()) + f"; load average at the end {load[0]:.2f} "
        "(other work shared the 2 cores while this ran).",
        "",
        code_line(),
        "",
        "The search reads four small sets (opening hours, the office's availability blocks, "
        "absences and active appointments of those staff in the window, through the "
        "`appointment_staff_idx` index) and computes the slots in Python; its cost grows with "
        "the number of staff at one office and the days searched, not with the number of "
        "clients or the appointment history.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    if FILL_FLAG in sys.argv:
        setup_django()
        fill_here(int(sys.argv[2]), int(sys.argv[3]))
        return 0
    if measured_in_child(measure_here):
        return 0

    parser = arguments(__doc__.split("\n")[0], NAME)
    parser.add_argument("--appointments", type=int, default=200_000)
    args = parser.parse_args()
    command = command_line(NAME)
    results = each_database(args, NAME, measure)
    return finish(report(results, args, command), args.output, results)


if __name__ == "__main__":
    raise SystemExit(main())
