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
bench/results/appointments.md. Reuses bench/pages.py's database helpers (not edited).

SQLite: a file in --workdir (default var/bench/appointments). PostgreSQL: the database
`maatwerk_bench_appointments` through BENCH_POSTGRES_URL. Without --keep both are removed.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from machine import ADMIN_URL, describe
from pages import build, environment, git, maatwerk, postgres_clients, sqlite_clients
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "appointments.md"
WORKDIR = ROOT / "var" / "bench" / "appointments"
BENCH_DATABASE = "maatwerk_bench_appointments"
TARGET_MS = 100.0
MEASURE_FLAG = "--measure-in-this-process"
FILL_FLAG = "--fill-in-this-process"


def run_child(flag: str, env: dict, *args: str) -> None:
    subprocess.run([sys.executable, __file__, flag, *args], env=env, check=True)  # noqa: S603


def postgres_url() -> str:
    return urlsplit(ADMIN_URL)._replace(path=f"/{BENCH_DATABASE}").geturl()


def drop_postgres() -> None:
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(BENCH_DATABASE)
            )
        )


def prepare_sqlite(args) -> tuple[dict, str]:
    path = args.workdir / "appointments.sqlite3"
    env = environment(f"sqlite:///{path}", args.workdir / "media-sqlite")
    if args.reuse and sqlite_clients(path) == args.clients:
        return env, f"reused `{path}`"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(args.workdir / "media-sqlite", ignore_errors=True)
    seconds = build("SQLite", env, args.clients, args.seed)
    return env, f"built in {seconds:.0f} s in `{path}`"


def prepare_postgres(args) -> tuple[dict, str]:
    url = postgres_url()
    env = environment(url, args.workdir / "media-pg")
    if args.reuse and postgres_clients(url) == args.clients:
        return env, f"reused database `{BENCH_DATABASE}`"
    drop_postgres()
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DATABASE)))
    shutil.rmtree(args.workdir / "media-pg", ignore_errors=True)
    seconds = build("PostgreSQL", env, args.clients, args.seed)
    return env, f"built in {seconds:.0f} s as database `{BENCH_DATABASE}`"


# The children: Django set up for one database.


def setup_django():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.settings")
    django.setup()


def fill_here(target: int, seed: int) -> None:
    """Bulk-create ``target`` appointments on the staff's availability (no overlaps)."""
    setup_django()
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


def timed(fn, repeat: int, warmup: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for _ in range(warmup):
        with CaptureQueriesContext(connection) as queries:
            fn()
        counts.append(len(queries))
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "median": statistics.median(timings),
        "p95": statistics.quantiles(timings, n=20, method="inclusive")[18],
        "min": min(timings),
        "max": max(timings),
        "queries": counts,
    }


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
            verdict = "yes" if row["median"] < TARGET_MS else "**no**"
            low, high = min(row["queries"]), max(row["queries"])
            count = str(low) if low == high else f"{low}–{high}"
            lines.append(
                f"| {row['label']} | {row['median']:.1f} | {row['p95']:.1f} | "
                f"{row['min']:.1f} | {row['max']:.1f} | {count} | {verdict} |"
            )
        lines.append("")
    load = os.getloadavg()
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("--no-optional-locks", "status", "--porcelain")
    lines += [
        "Machine: " + "; ".join(describe()) + f"; load average at the end {load[0]:.2f} "
        "(other work shared the 2 cores while this ran).",
        "",
        f"Code: commit {commit}"
        + (" with uncommitted changes in the working tree." if changed else "."),
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
    if MEASURE_FLAG in sys.argv or FILL_FLAG in sys.argv:
        parser = argparse.ArgumentParser()
        parser.add_argument(MEASURE_FLAG, dest="output", type=Path)
        parser.add_argument(FILL_FLAG, dest="fill", type=int)
        parser.add_argument("--repeat", type=int, default=30)
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--seed", type=int, default=1)
        args = parser.parse_args()
        if args.fill is not None:
            fill_here(args.fill, args.seed)
        else:
            args.output.write_text(json.dumps(measure_here(args.repeat, args.warmup)))
        return 0

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=300_000)
    parser.add_argument("--appointments", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    command = " ".join([".venv/bin/python bench/appointments.py", *sys.argv[1:]])
    args.workdir.mkdir(parents=True, exist_ok=True)
    databases = [("SQLite", prepare_sqlite), ("PostgreSQL", prepare_postgres)]
    if args.only:
        databases = [d for d in databases if d[0].lower().startswith(args.only[:6])]
    results = []
    try:
        for name, prepare in databases:
            env, prepared = prepare(args)
            # A reused database (or one built while the code moved on) gets newer migrations.
            maatwerk(["migrate", "--no-input", "-v", "0"], env)
            print(f"\n== {name}: {args.appointments:,} appointments", flush=True)
            run_child(FILL_FLAG, env, str(args.appointments), "--seed", str(args.seed))
            output = args.workdir / f"measured-{name.lower()}.json"
            run_child(
                MEASURE_FLAG, env, str(output), "--repeat", str(args.repeat),
                "--warmup", str(args.warmup),
            )  # fmt: skip
            result = json.loads(output.read_text())
            result.update(database=name, prepared=prepared)
            results.append(result)
    finally:
        if not args.keep:
            if not args.only or args.only == "sqlite":
                shutil.rmtree(args.workdir, ignore_errors=True)
            if not args.only or args.only == "postgres":
                drop_postgres()
    args.output.write_text(report(results, args, command))
    print(f"\nWrote {args.output}")
    slow = [r for result in results for r in result["rows"] if r["median"] >= TARGET_MS]
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
