"""Panel dispatch benchmark: plan and dispatch a panel survey for 35,000 members, all rules on.

    .venv/bin/python bench/panel_dispatch.py                   # SQLite and PostgreSQL
    .venv/bin/python bench/panel_dispatch.py --only sqlite --members 35000

For each database a separate process (settings are read from the environment at import) makes a
fresh database, migrates it, and builds the panel fast with bulk inserts: regions and offices,
35,000 member clients plus 5,000 clients outside the panel, their join rows, and a year of
earlier invitations so the contact rules matter (about 1 in 10 members already had 12
invitations this year, about 1 in 5 was invited in the last 14 days, the rest 0–6 times).
Then it times, with a null mail backend that only counts recipients (no SMTP):

1. plan: draw the stratified sample (region × age band × duration band) under the rules and write
   every invitation in one transaction (``actions.confirm_plan``), target = the whole panel;
2. compose: all chunk tasks (500 per chunk) that claim invitations, re-check membership, make
   tokens and outbox rows and mark invitations sent (``dispatch.compose_all``);
3. relay: hand every outbox row to the mail backend with its two per-message markers
   (``dispatch.relay``); the SMTP conversation itself is what the null backend leaves out.

Target: plan + compose (everything up to the outbox: every invitation decided, recorded and its
e-mail written) under 10 s; the relay is the SMTP send step and is reported beside it.
Results: bench/results/panel_dispatch.md.
SQLite: a file in var/bench/panel. PostgreSQL: the database `maatwerk_bench_panel`, created and
dropped through BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import psycopg
from machine import ADMIN_URL, describe
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "panel_dispatch.md"
WORKDIR = ROOT / "var" / "bench" / "panel"
BENCH_DATABASE = "maatwerk_bench_panel"
TARGET_S = 10.0
FLAG = "--measure-in-this-process"
# SQLite has one writer at a time; PostgreSQL writes concurrent commits to disk together.
RELAY_WORKERS = {"sqlite": 1, "postgresql": 4}


def _postgres_url() -> str:
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + BENCH_DATABASE


def _reset_postgres(drop_only=False) -> None:
    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(BENCH_DATABASE)
            )
        )
        if not drop_only:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DATABASE)))


def run(name: str, url: str, members: int) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MAATWERK_MODE": "demo",
        "MEDIA_ROOT": str(WORKDIR / f"media-{name}"),
        "MAATWERK_TASKS_BACKEND": "immediate",
    }
    print(f"\n== {name}: migrate", flush=True)
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "maatwerk.cli", "migrate", "--no-input", "-v", "0"],
        env=env,
        check=True,
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, __file__, FLAG, "--members", str(members)],
        env=env,
        capture_output=True,
        text=True,
    )
    sys.stderr.write(
        "".join(line for line in done.stderr.splitlines(True) if '"level"' not in line)
    )
    if done.returncode:
        raise SystemExit(f"{name}: the measuring process failed (status {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# The measuring child process.


def build(members: int, outsiders: int) -> dict:
    import datetime as dt
    import random

    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from maatwerk.clients.models import Client
    from maatwerk.clients.validators import is_valid_bsn
    from maatwerk.organisation import actions as organisation_actions
    from maatwerk.organisation.models import Office, Region
    from maatwerk.panel.models import Invitation, MembershipChange, PanelSurvey, Topic
    from maatwerk.surveys.models import Survey

    rng = random.Random(1)  # noqa: S311
    now = timezone.now()
    today = timezone.localdate()
    started = time.monotonic()
    with transaction.atomic():
        regions = [Region.objects.create(name=f"Regio {n}") for n in range(6)]
        offices = [
            Office.objects.create(
                name=f"Werkplein {n}",
                region=regions[n % 6],
                street="Stationsplein",
                house_number=str(n + 1),
                postal_code="1012 AB",
                city="Utrecht",
            )
            for n in range(12)
        ]
        researcher = organisation_actions.create_staff_member(
            username="onderzoeker",
            password=None,
            first_name="Otto",
            surname="Onderzoeker",
            job_title="Klantonderzoeker",
            offices=offices[:1],
            roles=[Group.objects.get(name="Klantonderzoeker")],
        )
        bsns, candidate = [], 100000000
        while len(bsns) < members + outsiders:
            candidate += 1
            if is_valid_bsn(str(candidate)):
                bsns.append(str(candidate))
        clients = []
        for number, bsn in enumerate(bsns):
            start = today - dt.timedelta(days=rng.randint(0, 700))
            clients.append(
                Client(
                    bsn=bsn,
                    first_name=f"Klant{number}",
                    surname="Jansen",
                    date_of_birth=dt.date(rng.randint(1960, 2004), rng.randint(1, 12), 15),
                    email=f"klant{number}@example.org" if rng.random() > 0.02 else "",
                    office=offices[rng.randrange(12)],
                    benefit_start=start,
                    benefit_expected_end=start + dt.timedelta(days=730),
                )
            )
        Client.objects.bulk_create(clients, batch_size=2000)
        ids = list(Client.objects.order_by("pk").values_list("pk", flat=True))
        member_ids = ids[:members]
        MembershipChange.objects.bulk_create(
            (MembershipChange(client_id=pk, number=1, kind="join") for pk in member_ids),
            batch_size=5000,
        )
        topic = Topic.objects.first()
        survey = Survey.objects.create(
            title="Eerdere vragenlijst", status="published", published_at=now
        )
        earlier = [
            PanelSurvey.objects.create(
                survey=survey,
                topic=topic,
                target_size=members,
                seed=n,
                status="sent",
                created_by=researcher,
                planned_at=now - dt.timedelta(days=25 * n + 1),
                expires_at=now,
                submission_token=__import__("uuid").uuid4(),
            )
            for n in range(12)
        ]
        history = []
        for pk in member_ids:
            draw = rng.random()
            if draw < 0.10:
                ages = [3 + 25 * n + 20 for n in range(12)]  # 12 this year
            elif draw < 0.30:
                ages = [rng.randint(1, 13)]  # invited in the last 14 days
            else:
                ages = [30 + 25 * n for n in range(rng.randint(0, 6))]
            for n, days in enumerate(ages):
                at = now - dt.timedelta(days=days)
                history.append(
                    Invitation(
                        plan=earlier[n],
                        client_id=pk,
                        stratum="all",
                        status="sent",
                        created_at=at,
                        sent_at=at,
                    )
                )
        Invitation.objects.bulk_create(history, batch_size=5000)
    published = Survey.objects.create(
        title="Hoe ervaart u het contact?", status="published", published_at=now
    )
    return {
        "researcher": researcher,
        "topic": topic,
        "survey": published,
        "history": len(history),
        "build_s": time.monotonic() - started,
    }


def measure_here(members: int) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.settings")
    import uuid

    import django

    django.setup()
    import threading
    from collections import Counter

    from django.core.mail.backends.base import BaseEmailBackend
    from django.db import connection
    from django.urls import reverse

    from maatwerk.panel import actions, dispatch, queries
    from maatwerk.panel.models import Invitation, OutboxMessage

    world = build(members, outsiders=5000)
    plan = actions.create_plan(
        user=world["researcher"].user,
        survey=world["survey"],
        topic=world["topic"],
        target_size=members,
        strata=["region", "age", "duration"],
        seed=2026,
        submission_token=uuid.uuid4(),
    )
    from django.test import override_settings

    load_before = os.getloadavg()[0]
    reverse("panel:home")  # load the URLconf (every app's views) before timing: a worker does once
    timings = {}
    # No worker yet: confirm_plan queues the task on commit; this process then plays the worker
    # step by step so each part is timed on its own.
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        started = time.monotonic()
        plan = actions.confirm_plan(plan=plan, user=world["researcher"].user)
        timings["plan_s"] = time.monotonic() - started
    started = time.monotonic()
    composed = dispatch.compose_all(plan.pk)
    dispatch.finish_if_done(plan.pk)
    timings["compose_s"] = time.monotonic() - started

    class CountingBackend(BaseEmailBackend):
        """A null backend that only counts recipients: the SMTP send itself is left out."""

        received = Counter()
        lock = threading.Lock()

        def send_messages(self, messages):
            with self.lock:
                for message in messages:
                    self.received.update(message.to)
            return len(messages)

    backend = CountingBackend()
    started = time.monotonic()
    workers = RELAY_WORKERS[connection.vendor]
    relayed = _relay_in_workers(dispatch, plan.pk, backend, workers)
    timings["relay_s"] = time.monotonic() - started
    totals = plan.report["totals"]
    emails = sum(backend.received.values())
    sent_once = set(backend.received.values()) == {1}
    return {
        "load": round(load_before, 2),
        "vendor": connection.vendor,
        "members": queries.members().count(),
        "history": world["history"],
        "build_s": round(world["build_s"], 1),
        **{k: round(v, 2) for k, v in timings.items()},
        "total_s": round(sum(timings.values()), 2),
        "decided_s": round(timings["plan_s"] + timings["compose_s"], 2),
        "planned": totals["planned"],
        "skipped_max_per_year": totals["max_per_year"],
        "skipped_too_recent": totals["too_recent"],
        "skipped_no_email": totals["no_email"],
        "strata": len(plan.report["strata"]),
        "composed": composed["sent"],
        "emails": emails,
        "relayed": relayed["sent"],
        "relay_workers": workers,
        "each_once": sent_once,
        "outbox_sent": OutboxMessage.objects.filter(status="sent").count(),
        "invitations_sent": Invitation.objects.filter(plan=plan, status="sent").count(),
    }


def _relay_in_workers(dispatch, plan_id, backend, workers: int) -> dict:
    """Several relay workers at once, as several task workers would (each its own database
    connection): the conditional 'sending' marker keeps them apart, and PostgreSQL writes their
    commits to disk together."""
    import threading
    from collections import Counter

    from django.db import connection

    totals = Counter()

    def work(part):
        try:
            totals.update(
                dispatch.relay(plan_id, mail_connection=backend, part=part, parts=workers)
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=[part]) for part in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    totals.update(dispatch.relay(plan_id, mail_connection=backend))  # leftovers: none expected
    return dict(totals)


NOTE = (
    "Plan + compose is everything up to the outbox: every invitation decided under the rules, "
    "recorded, its token and e-mail written, its member's timeline updated. The relay is the "
    "SMTP send step: per e-mail it commits a 'sending' marker before the hand-over (that is "
    "what makes the send at most once) and a 'sent' marker after it. On PostgreSQL with default "
    "settings each 'sending' marker waits for one WAL flush (about 1 ms on this disk); relay "
    "workers side by side share flushes, and a real SMTP conversation costs more per e-mail "
    "than the marker. See docs/adr/0017-client-panel.md."
)


def write_results(results: dict, members: int, command: str) -> None:
    lines = [
        "# Benchmark: plan and dispatch a panel survey for 35,000 members",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} with `{command}`.",
        "",
        "Each database is fresh: migrated, then filled with bulk inserts (see the script): "
        f"{members:,} panel members and 5,000 other clients in 12 offices in 6 regions, and a year "
        "of earlier invitations so the contact rules bite. The panel survey targets the whole "
        "panel, stratified by region × age band × duration band, with the default rules "
        "(12 a year, 14 days apart). Mail goes to a null backend that only counts recipients: "
        "the SMTP conversation itself is the part left out. The machine is shared with other "
        "work; the load average before each measurement is given.",
        "",
        "| Database | Plan (sample + invitations) s | Compose (chunk tasks → outbox) s "
        "| Plan + compose s | < 10 s | Relay (outbox → null backend, markers) s | Total s "
        "| Invited "
        "| Skipped: 12/year | Skipped: < 14 days | Skipped: no e-mail | Strata | E-mails "
        "| Each member once |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} ({r['members']:,} members, {r['history']:,} earlier invitations; "
            f"load {r['load']}) | "
            f"{r['plan_s']} | {r['compose_s']} | **{r['decided_s']}** | "
            f"{'yes' if r['decided_s'] < TARGET_S else 'NO'} | "
            f"{r['relay_s']} ({r['relay_workers']} relay worker(s)) | "
            f"{r['total_s']} | {r['planned']:,} | "
            f"{r['skipped_max_per_year']:,} | {r['skipped_too_recent']:,} | "
            f"{r['skipped_no_email']:,} | {r['strata']} | {r['emails']:,} | "
            f"{'yes' if r['each_once'] and r['emails'] == r['planned'] else 'NO'} |"
        )
    lines += ["", NOTE, "", "Machine: " + "; ".join(describe()) + ".", ""]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=35000)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument(FLAG, action="store_true", dest="child")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_here(args.members)))
        return
    results = {}
    if args.only in (None, "sqlite"):
        shutil.rmtree(WORKDIR, ignore_errors=True)
        WORKDIR.mkdir(parents=True)
        results["SQLite"] = run("sqlite", f"sqlite:///{WORKDIR / 'panel.sqlite3'}", args.members)
    if args.only in (None, "postgres"):
        _reset_postgres()
        try:
            results["PostgreSQL"] = run("postgres", _postgres_url(), args.members)
        finally:
            _reset_postgres(drop_only=True)
    command = "python bench/panel_dispatch.py" + (f" --only {args.only}" if args.only else "")
    write_results(results, args.members, command)
    if any(r["decided_s"] >= TARGET_S for r in results.values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
