"""Benchmark a web worker's resident memory and start-up time.

    .venv/bin/python bench/worker_rss.py                      # the working tree
    .venv/bin/python bench/worker_rss.py --before 85fddf9     # and a commit, side by side

Two measurements per code tree, each in fresh processes, --repeat times (alternating the trees, so
a change in machine load falls on both):

- **In one process**, what a gunicorn worker does at boot: ``django.setup()``, import the URLconf,
  load the WSGI application and serve ``GET /health`` through ``django.test.Client``. Seconds of
  each step, VmRSS afterwards (``/proc/self/status``) and which heavy libraries are in
  ``sys.modules``.
- **A real gunicorn** (``gunicorn maatwerk.wsgi --workers 1``) on 127.0.0.1 at a free port:
  seconds from starting it until ``/health`` answers, then the worker's VmRSS and the heavy
  libraries whose compiled extensions the worker has mapped (``/proc/<pid>/maps``; openpyxl,
  pure Python, does not show there).

Both run with ``MAATWERK_MODE=production`` (DEBUG off) against an empty SQLite database in a
temporary directory; /health only asks the database ``SELECT 1``. ``--before REF`` checks REF out
with ``git worktree add`` into a temporary directory, measures it with the same virtualenv, and
removes the worktree afterwards. Writes bench/results/worker_rss.md.
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from common import ROOT, code_line, git, machine, wait_for_quiet

HEAVY = ("sklearn", "scipy", "pandas", "numpy", "openpyxl", "weasyprint", "fairlearn", "skops")
BOOT_FLAG = "--boot-in-this-process"
GUNICORN_WAIT = 120  # seconds
OUTPUT = ROOT / "bench" / "results" / "worker_rss.md"


def rss_kib(pid: int | str = "self") -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1))


# The child: boot like a worker, in this process.


def boot_here() -> dict:
    started = time.perf_counter()
    steps = {}

    def step(name: str) -> None:
        steps[name] = time.perf_counter() - started - sum(steps.values())

    import django

    django.setup()
    step("setup")
    import maatwerk.urls  # noqa: F401

    step("urlconf")
    from django.core.wsgi import get_wsgi_application

    get_wsgi_application()
    step("wsgi")
    from django.test import Client

    status = Client().get("/health", secure=True).status_code
    step("request")
    if status != 200:
        raise SystemExit(f"/health answered {status}")
    return {
        "steps": steps,
        "seconds": sum(steps.values()),
        "rss_kib": rss_kib(),
        "heavy": [name for name in HEAVY if name in sys.modules],
    }


# The parent.


def environment(src: Path, workdir: Path) -> dict:
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
        "MAATWERK_MODE": "production",
        "SECRET_KEY": secrets.token_hex(40),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{workdir / 'worker.sqlite3'}",
        "MAATWERK_VAR_DIR": str(workdir),
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("PYTHONSTARTUP", None)
    return env


def in_one_process(env: dict) -> dict:
    done = subprocess.run(  # noqa: S603
        [sys.executable, __file__, BOOT_FLAG],
        env=env,
        cwd=env["MAATWERK_VAR_DIR"],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"booting {env['PYTHONPATH']} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def mapped_heavy(pid: int) -> list[str]:
    maps = Path(f"/proc/{pid}/maps").read_text()
    return [name for name in HEAVY if f"/site-packages/{name}/" in maps]


def answer(url: str, deadline: float, master: subprocess.Popen) -> None:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        if master.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"gunicorn did not answer {url}")
        time.sleep(0.02)


def real_gunicorn(env: dict) -> dict:
    port = free_port()
    gunicorn = [sys.executable, "-m", "gunicorn", "maatwerk.wsgi", "--workers", "1"]
    started = time.monotonic()
    master = subprocess.Popen(  # noqa: S603
        [*gunicorn, "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        env=env,
        cwd=env["MAATWERK_VAR_DIR"],
    )
    try:
        answer(f"http://127.0.0.1:{port}/health", started + GUNICORN_WAIT, master)
        seconds = time.monotonic() - started
        (worker,) = children(master.pid)
        return {
            "seconds": seconds,
            "rss_kib": rss_kib(worker),
            "master_rss_kib": rss_kib(master.pid),
            "heavy": mapped_heavy(worker),
        }
    finally:
        master.send_signal(signal.SIGTERM)
        master.wait(timeout=60)


def measure(trees: dict[str, Path], repeat: int) -> dict[str, dict[str, list[dict]]]:
    results = {label: {"process": [], "gunicorn": []} for label in trees}
    with tempfile.TemporaryDirectory(prefix="worker-rss-") as scratch:
        for run in range(repeat):
            for label, src in trees.items():
                workdir = Path(scratch) / f"{label}-{run}"
                workdir.mkdir()
                env = environment(src, workdir)
                results[label]["process"].append(in_one_process(env))
                results[label]["gunicorn"].append(real_gunicorn(env))
                print(f"{label} run {run + 1}/{repeat} done", flush=True)
    return results


@contextlib.contextmanager
def checked_out(ref: str):
    """REF in a temporary git worktree (removed afterwards); yields its src directory."""
    directory = Path(tempfile.mkdtemp(prefix="worker-rss-before-")) / "tree"
    subprocess.run(  # noqa: S603
        ["git", "worktree", "add", "--detach", "--quiet", str(directory), ref],  # noqa: S607
        cwd=ROOT,
        check=True,
    )
    try:
        yield directory / "src"
    finally:
        subprocess.run(  # noqa: S603
            ["git", "worktree", "remove", "--force", str(directory)],  # noqa: S607
            cwd=ROOT,
            check=True,
        )
        directory.parent.rmdir()


# The report.


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f}"


def spread(values: list[float], show) -> str:
    """Median, with the range when there is more than one run."""
    middle = show(statistics.median(values))
    return middle if len(values) == 1 else f"{middle} ({show(min(values))}–{show(max(values))})"


def seconds(value: float) -> str:
    return f"{value:.2f}"


def heavy_text(runs: list[dict]) -> str:
    names = sorted({name for run in runs for name in run["heavy"]}, key=HEAVY.index)
    return ", ".join(names) if names else "none"


def table(results: dict) -> list[str]:
    lines = [
        "| Code | Worker RSS MiB | Start-up s | Heavy libraries loaded |",
        "|---|---:|---:|---|",
    ]
    for how, title in (("gunicorn", "gunicorn, 1 worker"), ("process", "in one process")):
        for label, runs in results.items():
            measured = runs[how]
            lines.append(
                f"| {label}, {title} | {spread([r['rss_kib'] for r in measured], mib)} "
                f"| {spread([r['seconds'] for r in measured], seconds)} "
                f"| {heavy_text(measured)} |"
            )
    return [*lines, ""]


def steps_table(results: dict) -> list[str]:
    names = ["setup", "urlconf", "wsgi", "request"]
    lines = [
        "| Code | `django.setup()` | import URLconf | WSGI application | first `/health` |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, runs in results.items():
        cells = [
            seconds(statistics.median(run["steps"][name] for run in runs["process"]))
            for name in names
        ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def saving(results: dict) -> list[str]:
    if len(results) != 2:
        return []
    (before, after) = results.values()
    rss = [statistics.median(r["rss_kib"] for r in runs["gunicorn"]) for runs in (before, after)]
    boot = [statistics.median(r["seconds"] for r in runs["gunicorn"]) for runs in (before, after)]
    return [
        f"Per gunicorn worker: {mib(rss[0] - rss[1])} MiB less resident memory and "
        f"{boot[0] - boot[1]:.1f} s less from start to the first answer (medians).",
        "",
    ]


def trees_text(args) -> list[str]:
    if not args.before:
        return []
    return [
        f"Before: `{args.before}` checked out in a temporary `git worktree`; after: `{args.src}`. "
        "Both ran with the same virtualenv (the same library versions).",
        "",
    ]


def report(results: dict, args, load) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    command = " ".join([".venv/bin/python bench/worker_rss.py", *sys.argv[1:]])
    return "\n".join(
        [
            "# Benchmark: web worker memory and start-up",
            "",
            f"Measured {now} with `{command}`; {args.repeat} runs per code tree, median (min–max).",
            "",
            "A worker is booted in fresh processes with `MAATWERK_MODE=production` against an "
            "empty SQLite database: a real `gunicorn maatwerk.wsgi --workers 1` on 127.0.0.1 "
            "(start-up is from starting gunicorn until `GET /health` answers; RSS is the "
            "worker's VmRSS afterwards; libraries are those whose compiled extensions the worker "
            "has mapped, so pure-Python openpyxl does not show), and the same steps in one "
            "process (`django.setup()`, import the URLconf, the WSGI application, `GET /health` "
            "through `django.test.Client`; libraries from `sys.modules`).",
            "",
            *table(results),
            *saving(results),
            "Seconds per step, in one process (median):",
            "",
            *steps_table(results),
            *trees_text(args),
            "Machine: " + "; ".join(machine(load)) + ".",
            "",
            code_line(),
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", metavar="REF", help="also measure this commit, first")
    parser.add_argument(
        "--src", type=Path, default=ROOT / "src", help="the code to measure (default: src)"
    )
    parser.add_argument("--max-load", type=float, help="wait until the load average is this low")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        trees = {}
        if args.before:
            label = f"before ({git('rev-parse', '--short', args.before) or args.before})"
            trees[label] = stack.enter_context(checked_out(args.before))
        trees["after" if args.before else "this tree"] = args.src.resolve()
        load = wait_for_quiet("worker_rss", args.max_load)
        results = measure(trees, args.repeat)
    text = report(results, args, load)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    print(f"\n{text}\nWrote {args.output}")
    return 0


if __name__ == "__main__":
    if BOOT_FLAG in sys.argv:
        print(json.dumps(boot_here()))
    else:
        sys.exit(main())
