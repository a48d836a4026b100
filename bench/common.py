"""What the database benchmarks share: building or reusing the databases, running the measuring
child process, timing a call, and the parts of the report that say how and where it ran.

A benchmark script names its databases by one word (`pages` gives `var/bench/pages/pages.sqlite3`
and the PostgreSQL database `maatwerk_bench_pages`), builds each in the parent (or in a child
process of its own) and measures it in a child process, because Django reads its settings from the
environment at import.
"""

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from machine import ADMIN_URL, describe
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100.0
MEASURE_FLAG = "--measure-in-this-process"
QUIET_WAIT = 900  # seconds --max-load waits at most before measuring anyway
COUNT_CLIENTS = "SELECT count(*) FROM clients_client"
DATABASES = {"SQLite": "sqlite", "PostgreSQL": "postgres"}  # display name: its --only word


def arguments(description: str, name: str) -> argparse.ArgumentParser:
    """The options every database benchmark takes; a script adds its own."""
    parser = argparse.ArgumentParser(description=description)
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
    parser.add_argument("--workdir", type=Path, default=ROOT / "var" / "bench" / name)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / f"{name}.md")
    return parser


def child_arguments() -> argparse.Namespace:
    """The measuring child's options: the JSON file to write, --repeat and --warmup."""
    parser = argparse.ArgumentParser()
    parser.add_argument(MEASURE_FLAG, dest="output", type=Path, required=True)
    parser.add_argument("--repeat", type=int, required=True)
    parser.add_argument("--warmup", type=int, required=True)
    return parser.parse_args()


def measured_in_child(measure_here: Callable[[int, int], dict]) -> bool:
    """In the measuring child process: run ``measure_here(repeat, warmup)`` and write its
    figures as JSON. False in the parent."""
    if MEASURE_FLAG not in sys.argv:
        return False
    args = child_arguments()
    args.output.write_text(json.dumps(measure_here(args.repeat, args.warmup)))
    return True


def command_line(name: str) -> str:
    """How this benchmark was started, for the report."""
    return " ".join([f".venv/bin/python bench/{name}.py", *sys.argv[1:]])


def repeat_arguments(args) -> list[str]:
    """The measuring child's --repeat and --warmup, as the parent was given them."""
    return ["--repeat", str(args.repeat), "--warmup", str(args.warmup)]


# The parent: build or find the databases.


def maatwerk(args: list[str], env: dict, capture: bool = False) -> subprocess.CompletedProcess:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "maatwerk.cli", *args], env=env, text=True, capture_output=capture
    )
    if done.returncode:
        if capture:
            sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"maatwerk {' '.join(args)}: exit status {done.returncode}")
    return done


def run_child(script: str, flag: str, env: dict, *args: str) -> None:
    subprocess.run([sys.executable, script, flag, *args], env=env, check=True)  # noqa: S603


def environment(url: str, media: Path) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "MAATWERK_MODE": "demo"}
    env.pop("ALLOWED_HOSTS", None)  # the demo default allows 'testserver'
    return env


def build(name: str, env: dict, clients: int, seed: int) -> float:
    """`migrate` and `demo_data`; the seconds the demo data took."""
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


def postgres_count(url: str, query: str = COUNT_CLIENTS) -> int | None:
    try:
        with psycopg.connect(url) as connection:
            return connection.execute(query).fetchone()[0]
    except psycopg.Error:
        return None


def postgres_name(name: str) -> str:
    return f"maatwerk_bench_{name}"


def postgres_url(name: str) -> str:
    return urlsplit(ADMIN_URL)._replace(path=f"/{postgres_name(name)}").geturl()


def drop_postgres(name: str) -> None:
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(postgres_name(name))
            )
        )


# A builder gets the database's display name ("SQLite", "PostgreSQL"), its environment and the
# parsed options, fills the empty database and returns the seconds that took.
Builder = Callable[[str, dict, argparse.Namespace], float]


def build_demo(display: str, env: dict, args) -> float:
    return build(display, env, args.clients, args.seed)


def prepare_sqlite(args, name: str, builder: Builder) -> tuple[dict, str]:
    path = args.workdir / f"{name}.sqlite3"
    env = environment(f"sqlite:///{path}", args.workdir / "media-sqlite")
    if args.reuse and sqlite_clients(path) == args.clients:
        return env, f"reused `{path}`"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(args.workdir / "media-sqlite", ignore_errors=True)
    seconds = builder("SQLite", env, args)
    return env, f"built in {seconds:.0f} s in `{path}`"


def prepare_postgres(args, name: str, builder: Builder, reusable: Callable) -> tuple[dict, str]:
    url = postgres_url(name)
    env = environment(url, args.workdir / "media-pg")
    if args.reuse and reusable(url, args):
        how = f"reused database `{postgres_name(name)}`"
    else:
        drop_postgres(name)
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(postgres_name(name))))
        shutil.rmtree(args.workdir / "media-pg", ignore_errors=True)
        seconds = builder("PostgreSQL", env, args)
        how = f"built in {seconds:.0f} s as database `{postgres_name(name)}`"
    # Autovacuum analyses freshly loaded tables within a minute or two; do it now, so the
    # planner's statistics do not depend on how soon after the load we measure.
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("ANALYZE")
    return env, how + ", then `ANALYZE`"


def same_clients(url: str, args) -> bool:
    """Whether the PostgreSQL database at url was built with --clients clients."""
    return postgres_count(url) == args.clients


def each_database(
    args, name: str, measure, builder: Builder = build_demo, reusable: Callable = same_clients
) -> list[dict]:
    """Build (or with --reuse find) and measure each database --only allows; remove them
    afterwards unless --keep. ``measure(display_name, env, args)`` returns the child's figures.
    """
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for display in [d for d, word in DATABASES.items() if args.only in (None, word)]:
            if display == "SQLite":
                env, prepared = prepare_sqlite(args, name, builder)
            else:
                env, prepared = prepare_postgres(args, name, builder, reusable)
            result = measure(display, env, args)
            result.update(database=display, prepared=prepared)
            results.append(result)
    finally:
        if not args.keep:
            shutil.rmtree(args.workdir, ignore_errors=True)
            if args.only in (None, "postgres"):
                drop_postgres(name)
    return results


def wait_for_quiet(name: str, max_load: float | None) -> tuple[float, float, float]:
    """Wait (at most QUIET_WAIT seconds) until the 1-minute load average is at most max_load."""
    deadline = time.monotonic() + QUIET_WAIT
    load = os.getloadavg()
    while max_load is not None and load[0] > max_load and time.monotonic() < deadline:
        print(f"{name}: load average {load[0]:.2f} > {max_load}, waiting", flush=True)
        time.sleep(15)
        load = os.getloadavg()
    return load


def measure_in_child(script: str, name: str, env: dict, args, *child_args: str) -> dict:
    """Wait for a quiet machine, measure in a child process; its figures and the load before."""
    load = wait_for_quiet(name, args.max_load)
    print(f"\n== {name}: measuring (load average {load[0]:.2f})", flush=True)
    output = args.workdir / f"measured-{name.lower()}.json"
    run_child(script, MEASURE_FLAG, env, str(output), *child_args)
    result = json.loads(output.read_text())
    result["load_before"] = load
    return result


# The children: Django set up for one database.


def setup_django() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.settings")
    django.setup()


def timed(run: Callable, repeat: int, warmup: int, warm: Callable | None = None) -> dict:
    """Time ``run``: ``warmup`` untimed calls of ``warm`` (or ``run``) with their SQL queries
    counted, then ``repeat`` timed calls without capture (capturing adds its own cost)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for _ in range(warmup):
        with CaptureQueriesContext(connection) as queries:
            (warm or run)()
        counts.append(len(queries))
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "median": statistics.median(timings),
        "p95": statistics.quantiles(timings, n=20, method="inclusive")[18],
        "min": min(timings),
        "max": max(timings),
        "queries": counts,
    }


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


def verdict(row: dict) -> str:
    return "yes" if row["median"] < TARGET_MS else "**no**"


def page_table(rows: list[dict]) -> list[str]:
    """The Markdown table of timed pages (page, user, path and figures)."""
    lines = [
        "| Page | User | Path | Median ms | p95 ms | Min ms | Max ms | SQL queries "
        f"| < {TARGET_MS:.0f} ms |",
        "|---|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        path = row["path"].replace("|", "\\|")
        lines.append(
            f"| {row['page']} | {row['user']} | `{path}` | {row['median']:.1f} "
            f"| {row['p95']:.1f} | {row['min']:.1f} | {row['max']:.1f} "
            f"| {queries_text(row['queries'])} | {verdict(row)} |"
        )
    return [*lines, ""]


def slow_rows(results: list[dict]) -> list[str]:
    return [
        f"{result['database']}: {row.get('page') or row['label']} ({row['median']:.0f} ms)"
        for result in results
        for row in result["rows"]
        if row["median"] >= TARGET_MS
    ]


def code_line() -> str:
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("--no-optional-locks", "status", "--porcelain")
    return f"Code: commit {commit}" + (
        " with uncommitted changes in the working tree." if changed else "."
    )


def footer(results: list[dict], load: tuple[float, float, float]) -> list[str]:
    """Which pages missed the target, the machine and the code measured."""
    slow = slow_rows(results)
    return [
        f"Over the {TARGET_MS:.0f} ms target: " + ("; ".join(slow) if slow else "none") + ".",
        "",
        "Machine: " + "; ".join(machine(load)) + ".",
        "",
        code_line(),
        "",
    ]


def finish(text: str, output: Path, results: list[dict]) -> int:
    """Write and show the report; the exit status: 1 when anything missed the target."""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text)
    print(f"\n{text}\nWrote {output}")
    return 1 if slow_rows(results) else 0
