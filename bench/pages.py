"""Page-latency benchmark: the busiest pages and API calls on a national-scale database.

    .venv/bin/python bench/pages.py                      # 300,000 clients, SQLite and PostgreSQL
    .venv/bin/python bench/pages.py --keep               # keep both databases afterwards ...
    .venv/bin/python bench/pages.py --reuse              # ... and measure them again
    .venv/bin/python bench/pages.py --clients 20000 --only sqlite

For each database the script builds (or, with --reuse, finds) a database made by
`maatwerk demo_data --clients N --seed 1`, creates an API token with
`maatwerk api_token create adviseur --name bench`, and then measures in a separate process
(Django reads its settings from the environment at import, so each database gets its own
process with MAATWERK_MODE=demo and DATABASE_URL). Each page is requested through
django.test.Client as the demo users (force_login): 3 warm-ups, whose SQL queries are counted
with CaptureQueriesContext, then 30 timed requests without query capture (capturing adds its
own cost, on SQLite an extra query per query). The results go to bench/results/pages.md.

Target: every page under 100 ms median at 300,000 clients. The script exits with status 1 when
a page misses it.

SQLite: a file in --workdir (default var/bench/pages). PostgreSQL: the database
`maatwerk_bench_pages`, created and dropped through BENCH_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/postgres). Without --keep both are removed afterwards.
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
from machine import ADMIN_URL, describe
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "pages.md"
WORKDIR = ROOT / "var" / "bench" / "pages"
BENCH_DATABASE = "maatwerk_bench_pages"
TARGET_MS = 100.0
SEARCH_WORD = "jans"  # part of Jansen and Janssen, two of the most common Dutch surnames
MEASURE_FLAG = "--measure-in-this-process"
QUIET_WAIT = 900  # seconds --max-load waits at most before measuring anyway
COUNT_CLIENTS = "SELECT count(*) FROM clients_client"


# The parent: build or find the databases, start one measuring process per database, report.


def maatwerk(args: list[str], env: dict, capture: bool = False) -> subprocess.CompletedProcess:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "maatwerk.cli", *args], env=env, text=True, capture_output=capture
    )
    if done.returncode:
        if capture:
            sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"maatwerk {' '.join(args)}: exit status {done.returncode}")
    return done


def environment(url: str, media: Path) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "MAATWERK_MODE": "demo"}
    env.pop("ALLOWED_HOSTS", None)  # the demo default allows 'testserver'
    return env


def build(name: str, env: dict, clients: int, seed: int) -> float:
    print(f"\n== {name}: migrate, demo_data --clients {clients} --seed {seed}", flush=True)
    maatwerk(["migrate", "--no-input", "-v", "0"], env)
    started = time.monotonic()
    maatwerk(["demo_data", "--clients", str(clients), "--seed", str(seed)], env)
    return time.monotonic() - started


def sqlite_clients(path: Path) -> int | None:
    if not path.exists():
        return None
    try:
        with closing(sqlite3.connect(path)) as connection:
            return connection.execute(COUNT_CLIENTS).fetchone()[0]
    except sqlite3.DatabaseError:
        return None


def postgres_clients(url: str) -> int | None:
    try:
        with psycopg.connect(url) as connection:
            return connection.execute(COUNT_CLIENTS).fetchone()[0]
    except psycopg.Error:
        return None


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
    path = args.workdir / "pages.sqlite3"
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
        how = f"reused database `{BENCH_DATABASE}`"
    else:
        drop_postgres()
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DATABASE)))
        shutil.rmtree(args.workdir / "media-pg", ignore_errors=True)
        seconds = build("PostgreSQL", env, args.clients, args.seed)
        how = f"built in {seconds:.0f} s as database `{BENCH_DATABASE}`"
    # Autovacuum analyses freshly loaded tables within a minute or two; do it now, so the
    # planner's statistics do not depend on how soon after the load we measure.
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("ANALYZE")
    return env, how + ", then `ANALYZE`"


def wait_for_quiet(name: str, max_load: float | None) -> tuple[float, float, float]:
    """Wait (at most QUIET_WAIT seconds) until the 1-minute load average is at most max_load."""
    deadline = time.monotonic() + QUIET_WAIT
    load = os.getloadavg()
    while max_load is not None and load[0] > max_load and time.monotonic() < deadline:
        print(f"{name}: load average {load[0]:.2f} > {max_load}, waiting", flush=True)
        time.sleep(15)
        load = os.getloadavg()
    return load


def measure(name: str, env: dict, args) -> dict:
    created = maatwerk(["api_token", "create", "adviseur", "--name", "bench"], env, capture=True)
    token = created.stdout.strip()
    # stderr says "API-sleutel <id> (bench) voor adviseur aangemaakt. ..."
    token_id = re.search(r"API-sleutel (\d+) ", created.stderr).group(1)
    load = wait_for_quiet(name, args.max_load)
    print(f"\n== {name}: measuring (load average {load[0]:.2f})", flush=True)
    output = args.workdir / f"measured-{name.lower()}.json"
    try:
        subprocess.run(  # noqa: S603
            [
                sys.executable,
                __file__,
                MEASURE_FLAG,
                str(output),
                "--repeat",
                str(args.repeat),
                "--warmup",
                str(args.warmup),
            ],
            env={**env, "BENCH_API_TOKEN": token},
            check=True,
        )
    finally:
        maatwerk(["api_token", "revoke", token_id], env, capture=True)
    result = json.loads(output.read_text())
    result["database"] = name
    result["load_before"] = load
    return result


# The child: Django set up for one database; measure each page, write the figures as JSON.


def measure_here(repeat: int, warmup: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.settings")
    django.setup()

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client as TestClient
    from django.test.utils import CaptureQueriesContext

    from maatwerk.access.rules import visible_clients
    from maatwerk.clients.forms import SORTS
    from maatwerk.clients.models import Client

    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        raise SystemExit(f"ALLOWED_HOSTS {settings.ALLOWED_HOSTS} does not allow 'testserver'")

    users = {u.username: u for u in get_user_model().objects.filter(username__in=DEMO_USERS)}
    browsers = {}
    for username in ("adviseur", "manager", "klant"):
        browser = TestClient()
        browser.force_login(users[username])
        browsers[username] = browser
    api = TestClient(HTTP_AUTHORIZATION=f"Bearer {os.environ['BENCH_API_TOKEN']}")

    adviser, manager = users["adviseur"], users["manager"]
    own = visible_clients(adviser, "own").order_by(*SORTS["naam"][1])
    office = visible_clients(manager, "office")
    first = own.first()  # the first row of the adviser's caseload
    facts = {
        "clients": Client.objects.count(),
        "caseload": own.count(),
        "caseload_jans": own.filter(surname__icontains=SEARCH_WORD).count(),
        "office": office.count(),
        "office_jans": office.filter(surname__icontains=SEARCH_WORD).count(),
        "file_events": first.timeline_events.count(),
        "klant_events": users["klant"].client.timeline_events.count(),
        "search_word": SEARCH_WORD,
    }
    bsn = first.bsn
    pages = [
        ("Adviser caseload", "adviseur", "/werk/clienten/", None),
        (f"Caseload search by name (q={SEARCH_WORD})", "adviseur", "/werk/clienten/",
         {"q": SEARCH_WORD}),
        ("Caseload search by BSN", "adviseur", "/werk/clienten/", {"q": bsn}),
        ("Caseload page 5", "adviseur", "/werk/clienten/", {"pagina": "5"}),
        ("Manager office scope", "manager", "/werk/clienten/", {"bereik": "vestiging"}),
        (f"Office scope, name search (q={SEARCH_WORD})", "manager", "/werk/clienten/",
         {"bereik": "vestiging", "q": SEARCH_WORD}),
        ("Client file, own client (writes audit row)", "adviseur",
         f"/werk/clienten/{first.pk}/", None),
        ("Client portal home (klant)", "klant", "/mijn/", None),
        ("API GET /api/clients", "api", "/api/clients", None),
        ("API GET /api/clients/{id}/timeline", "api", f"/api/clients/{first.pk}/timeline", None),
    ]  # fmt: skip
    must_show = {"Caseload search by BSN": first.surname}

    rows = []
    for label, who, path, data in pages:
        browser = api if who == "api" else browsers[who]
        counts = []
        for _ in range(warmup):
            with CaptureQueriesContext(connection) as queries:
                response = browser.get(path, data)
            check(response, label, must_show.get(label))
            counts.append(len(queries))
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = browser.get(path, data)
            timings.append((time.perf_counter() - started) * 1000)
            check(response, label, None)
        rows.append(
            {
                "page": label,
                "user": who,
                "path": f"{path}?{urlencode(data)}" if data else path,
                "median": statistics.median(timings),
                "p95": statistics.quantiles(timings, n=20, method="inclusive")[18],
                "min": min(timings),
                "max": max(timings),
                "queries": counts,
            }
        )
        print(f"{label}: {rows[-1]['median']:.1f} ms median", file=sys.stderr, flush=True)
    return {"facts": facts, "rows": rows}


DEMO_USERS = ("klant", "adviseur", "manager", "beheerder")


def check(response, label: str, must_show: str | None) -> None:
    if response.status_code != 200:
        raise SystemExit(f"{label}: HTTP {response.status_code}")
    if must_show and must_show not in response.content.decode():
        raise SystemExit(f"{label}: the page does not show {must_show!r}")


# The report.


def git(*args: str) -> str:
    """The output of a read-only git command, or "" when git is not at hand."""
    try:
        done = subprocess.run(  # noqa: S603
            ["git", *args],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.strip()


def machine(load: tuple[float, float, float]) -> list[str]:
    return [
        *describe(),
        f"load average before the run {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} "
        "(1 / 5 / 15 min)",
    ]


def queries_text(counts: list[int]) -> str:
    low, high = min(counts), max(counts)
    return str(low) if low == high else f"{low}–{high}"


def report(results: list[dict], args, command: str, load: tuple, prepared: dict) -> str:
    lines = [
        "# Benchmark: page latency at national scale",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} with `{command}`.",
        "",
        f"Each page is requested with `django.test.Client` (logged in with `force_login`; the API "
        f"with a Bearer token from `maatwerk api_token create adviseur --name bench`), "
        f"{args.warmup} warm-ups and then {args.repeat} timed requests, one after another in one "
        "process per database with `MAATWERK_MODE=demo`. Times are wall-clock for the whole "
        "request through the middleware, including the database and template rendering. SQL "
        "queries are counted with `CaptureQueriesContext` on the warm-ups only (capturing adds "
        "its own cost; a range means the warm-ups differed, as when the API records a token's "
        "use, which it does at most once a minute). Target: every page under "
        f"{TARGET_MS:.0f} ms median.",
        "",
    ]
    for result in results:
        facts = result["facts"]
        lines += [
            f"## {result['database']}",
            "",
            f"{facts['clients']:,} clients (`demo_data --clients {args.clients} --seed "
            f"{args.seed}`, {prepared[result['database']]}). Load average before measuring: "
            f"{result['load_before'][0]:.2f}. The adviser (`adviseur`) has {facts['caseload']:,} "
            f"clients, {facts['caseload_jans']:,} of them with '{facts['search_word']}' in the "
            f"surname; the manager's office has {facts['office']:,} clients "
            f"({facts['office_jans']:,} with '{facts['search_word']}'). The client file and "
            f"timeline are of the first client on the adviser's list ({facts['file_events']} "
            f"timeline events); `klant` has {facts['klant_events']} events.",
            "",
            "| Page | User | Path | Median ms | p95 ms | Min ms | Max ms | SQL queries "
            f"| < {TARGET_MS:.0f} ms |",
            "|---|---|---|---:|---:|---:|---:|---:|---|",
        ]
        for row in result["rows"]:
            verdict = "yes" if row["median"] < TARGET_MS else "**no**"
            path = row["path"].replace("|", "\\|")
            lines.append(
                f"| {row['page']} | {row['user']} | `{path}` | {row['median']:.1f} "
                f"| {row['p95']:.1f} | {row['min']:.1f} | {row['max']:.1f} "
                f"| {queries_text(row['queries'])} | {verdict} |"
            )
        lines.append("")
    slow = [
        f"{result['database']}: {row['page']} ({row['median']:.0f} ms)"
        for result in results
        for row in result["rows"]
        if row["median"] >= TARGET_MS
    ]
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("--no-optional-locks", "status", "--porcelain")
    lines += [
        f"Over the {TARGET_MS:.0f} ms target: " + ("; ".join(slow) if slow else "none") + ".",
        "",
        "Machine: " + "; ".join(machine(load)) + ".",
        "",
        f"Code: commit {commit}"
        + (" with uncommitted changes in the working tree." if changed else "."),
        "",
        "The BSN searched for and the client file opened are those of the first client on the "
        "adviser's caseload (sorted by name); `api` is the adviser's token. Every client-file "
        "view (page and API timeline) writes an audit row under a lock on the audit chain's "
        "head, which is part of its cost. SQLite runs without `ANALYZE` statistics, as the "
        "application never gathers them; PostgreSQL is analysed after the load.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    if MEASURE_FLAG in sys.argv:
        parser = argparse.ArgumentParser()
        parser.add_argument(MEASURE_FLAG, dest="output", type=Path, required=True)
        parser.add_argument("--repeat", type=int, required=True)
        parser.add_argument("--warmup", type=int, required=True)
        args = parser.parse_args()
        args.output.write_text(json.dumps(measure_here(args.repeat, args.warmup)))
        return 0

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per page first")
    parser.add_argument(
        "--reuse", action="store_true", help="measure existing databases with --clients clients"
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument(
        "--max-load",
        type=float,
        help="before measuring a database, wait (at most 15 minutes) until the 1-minute load "
        "average is at most this",
    )
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    command = " ".join([".venv/bin/python bench/pages.py", *sys.argv[1:]])

    load = os.getloadavg()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results, prepared = [], {}
    try:
        if args.only in (None, "sqlite"):
            env, prepared["SQLite"] = prepare_sqlite(args)
            results.append(measure("SQLite", env, args))
        if args.only in (None, "postgres"):
            env, prepared["PostgreSQL"] = prepare_postgres(args)
            results.append(measure("PostgreSQL", env, args))
    finally:
        if not args.keep:
            shutil.rmtree(args.workdir, ignore_errors=True)
            if args.only in (None, "postgres"):
                drop_postgres()
    text = report(results, args, command, load, prepared)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    print("\n" + text)
    slow = [r for result in results for r in result["rows"] if r["median"] >= TARGET_MS]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
