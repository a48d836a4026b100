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

import os
import re
import sys
from datetime import datetime
from urllib.parse import urlencode

from common import (
    TARGET_MS,
    arguments,
    command_line,
    each_database,
    finish,
    footer,
    maatwerk,
    measure_in_child,
    measured_in_child,
    page_table,
    repeat_arguments,
    setup_django,
    timed,
)

NAME = "pages"
SEARCH_WORD = "jans"  # part of Jansen and Janssen, two of the most common Dutch surnames


# The parent: build or find the databases, start one measuring process per database, report.


def measure(name: str, env: dict, args) -> dict:
    created = maatwerk(["api_token", "create", "adviseur", "--name", "bench"], env, capture=True)
    token = created.stdout.strip()
    # stderr says "API-sleutel <id> (bench) voor adviseur aangemaakt. ..."
    token_id = re.search(r"API-sleutel (\d+) ", created.stderr).group(1)
    try:
        return measure_in_child(
            __file__,
            name,
            {**env, "BENCH_API_TOKEN": token},
            args,
            *repeat_arguments(args),
        )
    finally:
        maatwerk(["api_token", "revoke", token_id], env, capture=True)


# The child: Django set up for one database; measure each page, write the figures as JSON.


def measure_here(repeat: int, warmup: int) -> dict:
    setup_django()

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client as TestClient

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

        def warm(browser=browser, path=path, data=data, label=label):
            check(browser.get(path, data), label, must_show.get(label))

        def run(browser=browser, path=path, data=data, label=label):
            check(browser.get(path, data), label, None)

        rows.append(
            {
                "page": label,
                "user": who,
                "path": f"{path}?{urlencode(data)}" if data else path,
                **timed(run, repeat, warmup, warm=warm),
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


def report(results: list[dict], args, command: str, load: tuple) -> str:
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
            f"{args.seed}`, {result['prepared']}). Load average before measuring: "
            f"{result['load_before'][0]:.2f}. The adviser (`adviseur`) has {facts['caseload']:,} "
            f"clients, {facts['caseload_jans']:,} of them with '{facts['search_word']}' in the "
            f"surname; the manager's office has {facts['office']:,} clients "
            f"({facts['office_jans']:,} with '{facts['search_word']}'). The client file and "
            f"timeline are of the first client on the adviser's list ({facts['file_events']} "
            f"timeline events); `klant` has {facts['klant_events']} events.",
            "",
            *page_table(result["rows"]),
        ]
    lines += [
        *footer(results, load),
        "The BSN searched for and the client file opened are those of the first client on the "
        "adviser's caseload (sorted by name); `api` is the adviser's token. Every client-file "
        "view (page and API timeline) writes an audit row under a lock on the audit chain's "
        "head, which is part of its cost. SQLite runs without `ANALYZE` statistics, as the "
        "application never gathers them; PostgreSQL is analysed after the load.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    if measured_in_child(measure_here):
        return 0

    args = arguments(__doc__.split("\n")[0], NAME).parse_args()
    command = command_line(NAME)
    load = os.getloadavg()
    results = each_database(args, NAME, measure)
    return finish(report(results, args, command, load), args.output, results)


if __name__ == "__main__":
    sys.exit(main())
