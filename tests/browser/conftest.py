"""Browser tests: Debian's Chromium driven by Playwright's sync API against pytest-django's
live server, with axe-core run on every page.

- One browser for the whole browser suite (all of it lives in this package), a fresh context per
  test, so cookies and sessions never leak between tests.
- Every page is checked with axe-core (WCAG 2.0/2.1 A and AA) and must not log a JavaScript error,
  an uncaught exception or a CSP violation (Chromium reports those as console errors).
- Run them alone with `pytest -m browser`, or leave them out with `-m "not browser"`.
- Chromium missing: the tests fail when CI=true and are skipped, with a message, elsewhere.
  Never download a browser (no `playwright install`): `apt-get install chromium`.
"""

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Error,
    Page,
    Response,
    expect,
    sync_playwright,
)

from maatwerk.core.tests import factories
from maatwerk.core.tests.factories import PASSWORD

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async ({tags, disabled}) => {
    const rules = Object.fromEntries(disabled.map((id) => [id, {enabled: false}]));
    const result = await axe.run(document, {
        runOnly: {type: 'tag', values: tags}, rules, resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary})),
    }));
}"""
AXE_URL_PATH = "/__browser-tests__/axe.min.js"
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)


def _axe_path() -> Path:
    candidates = [
        Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js",
        Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    pytest.fail(f"axe-core not found (looked in {', '.join(map(str, candidates))}); run `npm ci`.")


@pytest.fixture(scope="package", autouse=True)
def _allow_orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API runs an asyncio loop in a greenlet on the main thread and leaves it
    marked as running between calls. Django sees that loop and refuses ORM calls from the test
    (SynchronousOnlyOperation), although the test code itself is plain synchronous code and the
    live server answers from its own thread. So the guard is switched off, but only while the
    browser tests run: the browser is package-scoped and stops before any later test runs."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(_allow_orm_beside_playwright) -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        message = (
            "Debian's Chromium is not installed (apt-get install chromium); "
            "the browser tests need it. Never run `playwright install`."
        )
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """One browser tab on the live server, with the checks every page must pass."""

    page: Page
    base_url: str
    problems: list[str] = field(default_factory=list)
    allowed_failed_loads: set[str] = field(default_factory=set)

    def url(self, path: str) -> str:
        return self.base_url + path

    def goto(self, path: str, *, status: int = 200) -> Response:
        if status >= 400:
            # Chromium logs "Failed to load resource" for an error status, also for the page.
            self.allowed_failed_loads.add(self.url(path))
        response = self.page.goto(self.url(path))
        assert response is not None
        assert response.status == status, f"{path}: status {response.status}, expected {status}"
        return response

    def login(self, username: str, password: str = PASSWORD) -> None:
        self.goto("/inloggen/")
        self.page.get_by_label("Gebruikersnaam").fill(username)
        self.page.get_by_label("Wachtwoord").fill(password)
        self.page.get_by_role("button", name="Inloggen").click()
        expect(self.page).not_to_have_url(re.compile(r"/inloggen/(\?|$)"))

    def logout(self) -> None:
        self.page.get_by_role("button", name="Uitloggen").click()
        self.page.wait_for_url(re.compile(r"/inloggen/"))

    def check(self, *, disable_rules: tuple[str, ...] = ()) -> None:
        """axe-core finds no WCAG 2.1 A/AA violation and the page logged no error."""
        self.page.wait_for_load_state()
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            # Not add_script_tag(path=...): that inlines the script, which the page's CSP
            # (script-src 'self') rightly blocks. A same-origin URL that the browser context
            # answers itself (see `visit`) loads under the real CSP, and never reaches Django.
            self.page.add_script_tag(url=self.url(AXE_URL_PATH))
        violations = self.page.evaluate(
            AXE_RUN, {"tags": AXE_TAGS, "disabled": list(disable_rules)}
        )
        self.assert_no_problems()
        assert not violations, f"axe on {self.page.url}:\n" + format_violations(violations)

    def assert_no_problems(self) -> None:
        problems, self.problems[:] = list(self.problems), []
        assert not problems, f"browser errors on {self.page.url}:\n" + "\n".join(problems)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        source = message.location.get("url", "")
        if source == self.url(AXE_URL_PATH):
            # axe itself sets a style attribute while it checks some pages (the Django admin's
            # change form); the page's CSP blocks that and says so. Not the page's fault.
            return
        if source in self.allowed_failed_loads and "Failed to load resource" in message.text:
            return
        self.problems.append(f"console error: {message.text} ({source})")

    def on_page_error(self, error: Error) -> None:
        self.problems.append(f"page error: {error}")


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {node['target']}")
            for detail in (node["summary"] or "").splitlines():
                lines.append(f"      {detail}")
    return "\n".join(lines)


@pytest.fixture
def visit(browser: Browser, live_server) -> Iterator[Visit]:
    """A new browser context (no cookies) on the live server, Dutch as the browser language."""
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    axe_source = _axe_path()
    context.route(
        live_server.url + AXE_URL_PATH,
        lambda route: route.fulfill(path=axe_source, content_type="text/javascript"),
    )
    page = context.new_page()
    tab = Visit(page=page, base_url=live_server.url)
    page.on("console", tab.on_console)
    page.on("pageerror", tab.on_page_error)
    try:
        yield tab
        tab.assert_no_problems()
    finally:
        context.close()


# Data, made through the real actions before the browser opens a page. With in-memory SQLite the
# live server's thread shares the test's database connection, so a test uses the ORM only while
# no request is under way (before the first page, or after an `expect` has seen the response).


@pytest.fixture
def office(transactional_db):
    return factories.OfficeFactory(name="Werkplein Amsterdam-Centrum")


@pytest.fixture
def adviser(office):
    return factories.make_staff(
        "Adviseur werk", offices=[office], first_name="Sanne", surname="Bakker"
    )


@pytest.fixture
def other_adviser(office):
    return factories.make_staff(
        "Adviseur werk",
        offices=[office],
        first_name="Piet",
        surname="Smit",
        job_title="E-werkcoach",
    )


@pytest.fixture
def manager(office):
    return factories.make_staff(
        "Vestigingsmanager",
        offices=[office],
        first_name="Mira",
        surname="Jong",
        surname_prefix="de",
        job_title="Vestigingsmanager",
    )


@pytest.fixture
def administrator(office):
    return factories.make_staff(
        "Beheerder",
        offices=[office],
        first_name="Bram",
        surname="Visser",
        job_title="Functioneel beheerder",
    )


@pytest.fixture
def client_record(adviser):
    return factories.make_client(
        contact_person=adviser,
        user=True,
        first_name="Fatima",
        surname="Amrani",
        phone="06 12345678",
        preference={"channel": "phone", "accessibility_needs": "Liever geen gesprek voor 10:00"},
    )
