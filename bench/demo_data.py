"""Benchmark `maatwerk demo_data` on a fresh SQLite file and a fresh PostgreSQL database.

    .venv/bin/python bench/demo_data.py                 # 300,000 clients, both databases
    .venv/bin/python bench/demo_data.py --clients 20000 --only sqlite

Each run migrates an empty database, then times `demo_data --clients N --seed 1` in its own
process, counts what it made, and writes bench/results/demo_data.md. The target is ten minutes
per database; the script exits with status 1 when a run misses it.

PostgreSQL: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) must let
us create and drop the database `maatwerk_bench`.
"""

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from machine import ADMIN_URL, describe
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "demo_data.md"
TARGET_SECONDS = 600
BENCH_DATABASE = "maatwerk_bench"
COUNT_SQL = (
    "SELECT (SELECT count(*) FROM clients_client), (SELECT count(*) FROM timeline_timelineevent)"
)


@dataclass
class Run:
    database: str
    clients: int
    events: int
    migrate_seconds: float
    seconds: float
    cpu_seconds: float  # of the demo_data process only (PostgreSQL's own work is not in it)
    load_before: float

    @property
    def events_per_second(self) -> float:
        return self.events / self.seconds


def maatwerk(args: list[str], env: dict) -> tuple[float, float]:
    """Run a management command; return its wall-clock and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "maatwerk.cli", *args], env=env, check=True)  # noqa: S603
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def run(
    database: str, url: str, media: Path, clients: int, seed: int
) -> tuple[float, float, float, float]:
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "MAATWERK_MODE": "demo"}
    migrate, _ = maatwerk(["migrate", "--no-input", "-v", "0"], env)
    load_before = os.getloadavg()[0]
    print(f"\n== {database}: demo_data --clients {clients} --seed {seed}", flush=True)
    seconds, cpu = maatwerk(["demo_data", "--clients", str(clients), "--seed", str(seed)], env)
    return migrate, seconds, cpu, load_before


def bench_sqlite(clients: int, seed: int, scratch: Path) -> Run:
    path = scratch / "bench.sqlite3"
    migrate, seconds, cpu, load = run(
        "SQLite", f"sqlite:///{path}", scratch / "media-sqlite", clients, seed
    )
    with sqlite3.connect(path) as connection:
        made_clients, events = connection.execute(COUNT_SQL).fetchone()
    return Run("SQLite", made_clients, events, migrate, seconds, cpu, load)


def bench_postgres(clients: int, seed: int, scratch: Path, keep: bool) -> Run:
    name = sql.Identifier(BENCH_DATABASE)
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))
    url = urlsplit(ADMIN_URL)._replace(path=f"/{BENCH_DATABASE}").geturl()
    try:
        migrate, seconds, cpu, load = run("PostgreSQL", url, scratch / "media-pg", clients, seed)
        with psycopg.connect(url) as connection:
            made_clients, events = connection.execute(COUNT_SQL).fetchone()
    finally:
        if not keep:
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(name))
    return Run("PostgreSQL", made_clients, events, migrate, seconds, cpu, load)


def report(runs: list[Run], clients: int, seed: int) -> str:
    lines = [
        "# Benchmark: `maatwerk demo_data`",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} with `.venv/bin/python bench/demo_data.py "
        f"--clients {clients} --seed {seed}` (each database fresh and migrated; only "
        "`demo_data` is timed; `MAATWERK_MODE=demo`).",
        "",
        "| Database | Clients | Timeline events | Seconds | Events/s | CPU s (command) "
        "| Load avg before | Target < 600 s |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in runs:
        verdict = "yes" if r.seconds < TARGET_SECONDS else "**no**"
        lines.append(
            f"| {r.database} | {r.clients:,} | {r.events:,} | {r.seconds:.0f} "
            f"| {r.events_per_second:,.0f} | {r.cpu_seconds:.0f} | {r.load_before:.1f} "
            f"| {verdict} |"
        )
    lines += [
        "",
        "Machine: " + "; ".join(describe()) + ".",
        "",
        "Migrating the empty database took "
        + ", ".join(f"{r.migrate_seconds:.0f} s ({r.database})" for r in runs)
        + " and is not included. The load average shows other work on the machine at the start;",
        "CPU seconds count the command's own process, so on PostgreSQL the server's work is extra.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    runs = []
    with tempfile.TemporaryDirectory(prefix="maatwerk-bench-") as scratch:
        if args.only in (None, "sqlite"):
            runs.append(bench_sqlite(args.clients, args.seed, Path(scratch)))
        if args.only in (None, "postgres"):
            runs.append(bench_postgres(args.clients, args.seed, Path(scratch), args.keep))
    text = report(runs, args.clients, args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    print("\n" + text)
    return 0 if all(r.seconds < TARGET_SECONDS for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
