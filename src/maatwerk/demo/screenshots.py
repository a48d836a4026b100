"""`maatwerk screenshots`: every main page, for every demo role, at a desktop and a phone width.

The pictures come from a throwaway demo: a fresh SQLite database in a temporary directory, filled
by ``demo_data`` and served by ``runserver`` on a free port, so the developer's own database is
never touched and every run shows the same made-up people. Debian's Chromium draws the pages
through Playwright (never a downloaded browser). Files are named ``<role>-<page>-<width>.png``.

Playwright is a test dependency: it is imported only when the pictures are taken.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve, reverse

from .organisation import DEMO_PASSWORD

WIDTHS = (1280, 375)
PHONE_HEIGHT, DESKTOP_HEIGHT = 812, 900
DEMO_CLIENTS, DEMO_SEED = 40, 1
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_SECONDS = 60


@dataclass(frozen=True)
class Shot:
    """One page to picture, by URL name (and ``query``).

    A detail page names, as ``via``, an earlier page of the same role: its first link to
    ``url_name`` leads there, so no database id is written down here. ``press`` names a button
    to press first (such as starting the Werkverkenner); the picture is of the page it leads to.
    """

    slug: str
    url_name: str
    query: str = ""
    via: str | None = None
    press: str | None = None

    def path(self) -> str:
        path = reverse(self.url_name)
        return f"{path}?{self.query}" if self.query else path


HOME = Shot("home", "core:home")

# The pages of each demo role: its start page, its menu, and the detail pages and forms it uses
# most. A menu link missing here is still pictured (named after its URL name) and reported.
PAGES: dict[str, tuple[Shot, ...]] = {
    "klant": (
        HOME,
        Shot("werkverkenner", "werkverkenner:start"),
        Shot("werkverkenner-vragen", "werkverkenner:start", press="Beginnen|Verdergaan|Opnieuw"),
        Shot("berichten", "messaging:client_inbox"),
        Shot("bericht", "messaging:client_thread", via="berichten"),
        Shot("bericht-nieuw", "messaging:client_new"),
        Shot("afspraken", "appointments:mine"),
        Shot("afspraak", "appointments:detail", via="afspraken"),
        Shot("afspraak-maken", "appointments:choose"),
        Shot("plan", "serviceplan:mine"),
        Shot("reacties", "feedback:client_overview"),
        Shot("reactie-geven", "feedback:client_new"),
        Shot("compliment", "feedback:compliment_new"),
        Shot("klantpanel", "panel:home"),
        Shot("contact", "portal:contact_preferences"),
        Shot("brieven", "letters:mine"),
        Shot("brief", "letters:mine_detail", via="brieven"),
        Shot("vragenlijsten", "surveys:mine"),
        Shot("vragenlijst", "surveys:answer", via="vragenlijsten"),
    ),
    "adviseur": (
        HOME,
        Shot("clienten", "clients:caseload"),
        Shot("clientdossier", "clients:file", via="clienten"),
        Shot("contactvoorkeuren", "clients:edit_preferences", via="clientdossier"),
        Shot("plan", "serviceplan:plan", via="clientdossier"),
        Shot("werkverkenner", "werkverkenner:worklist"),
        Shot("werkverkenner-beoordelen", "werkverkenner:item", via="werkverkenner"),
        Shot("inbox", "messaging:inbox"),
        Shot("bericht", "messaging:staff_thread", via="inbox"),
        Shot("beldag", "serviceplan:call_list"),
        Shot("complimenten", "feedback:my_compliments"),
        Shot("reacties", "feedback:staff_list"),
        Shot("agenda", "appointments:agenda"),
        Shot("beschikbaarheid", "appointments:availability"),
        Shot("post-om-te-versturen", "notifications:print_queue"),
    ),
    "manager": (
        HOME,
        Shot("vestiging", "clients:caseload", query="bereik=vestiging"),
        Shot("zonder-contactpersoon", "clients:without_contact_person"),
        Shot("werkverkenner", "werkverkenner:worklist"),
        Shot("inbox", "messaging:inbox"),
        Shot("beldag", "serviceplan:call_list"),
        Shot("complimenten", "feedback:my_compliments"),
        Shot("reacties", "feedback:staff_list"),
        Shot("reacties-overzicht", "feedback:office_overview"),
        Shot("spiegelgesprekken", "feedback:session_list"),
        Shot("agenda", "appointments:agenda"),
        Shot("interviews", "surveys:interviews"),
        Shot("onderzoek", "surveys:research"),
        Shot("post-om-te-versturen", "notifications:print_queue"),
    ),
    "beheerder": (
        HOME,
        Shot("clienten", "clients:caseload"),
        Shot("vestiging", "clients:caseload", query="bereik=vestiging"),
        Shot("werkverkenner", "werkverkenner:worklist"),
        Shot("inbox", "messaging:inbox"),
        Shot("beldag", "serviceplan:call_list"),
        Shot("complimenten", "feedback:my_compliments"),
        Shot("klantpanel", "panel:plans"),
        Shot("reacties", "feedback:staff_list"),
        Shot("spiegelgesprekken", "feedback:session_list"),
        Shot("agenda", "appointments:agenda"),
        Shot("brievenboek", "letters:book"),
        Shot("interviews", "surveys:interviews"),
        Shot("onderzoek", "surveys:research"),
        Shot("beheer", "admin:index"),
    ),
    "redacteur": (
        HOME,
        Shot("complimenten", "feedback:my_compliments"),
        Shot("brievenboek", "letters:book"),
        Shot("brief", "letters:template", via="brievenboek"),
        Shot("brief-bewerken", "letters:edit", via="brief"),
        Shot("brief-nieuw", "letters:new"),
    ),
    "jurist": (
        HOME,
        Shot("complimenten", "feedback:my_compliments"),
        Shot("brievenboek", "letters:book"),
        Shot("brief", "letters:template", via="brievenboek"),
    ),
    "onderzoeker": (
        HOME,
        Shot("complimenten", "feedback:my_compliments"),
        Shot("klantpanel", "panel:plans"),
        Shot("klantpanel-nieuw", "panel:new"),
        Shot("spiegelgesprekken", "feedback:session_list"),
        Shot("interviews", "surveys:interviews"),
        Shot("onderzoek", "surveys:research"),
        Shot("vragenlijst", "surveys:detail", via="onderzoek"),
    ),
    "raadslid": (
        HOME,
        Shot("complimenten", "feedback:my_compliments"),
        Shot("brievenboek", "letters:book"),
        Shot("brief", "letters:template", via="brievenboek"),
        Shot("interviews", "surveys:interviews"),
        Shot("onderzoek", "surveys:research"),
    ),
}

# The pictures the README shows and git keeps (docs/screenshots/.gitignore lets exactly these
# through); `make screenshots` renders all the others beside them.
KEY_SHOTS = (
    ("klant", "home"),
    ("klant", "werkverkenner-vragen"),
    ("klant", "contact"),
    ("adviseur", "clienten"),
    ("adviseur", "clientdossier"),
    ("adviseur", "inbox"),
    ("adviseur", "beldag"),
    ("redacteur", "brief-bewerken"),
)


def file_name(role: str, slug: str, width: int) -> str:
    return f"{role}-{slug}-{width}.png"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_environment(workdir: Path) -> dict[str, str]:
    """The environment of the throwaway demo: its own database, media and static directories."""
    return {
        **os.environ,
        "MAATWERK_MODE": "demo",
        "MAATWERK_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
        "MAATWERK_NODE_MODULES": str(settings.NODE_MODULES),
    }


def maatwerk_command() -> list[str]:
    return [sys.executable, "-m", "maatwerk.cli"]


# The subprocesses below run this interpreter's own `maatwerk` with fixed arguments (S603).


def build_demo_database(env: dict[str, str], say: Callable[[str], None]) -> None:
    say(f"Demodatabase maken ({DEMO_CLIENTS} cliënten, seed {DEMO_SEED}) ...")
    demo_data = ["demo_data", "--clients", str(DEMO_CLIENTS), "--seed", str(DEMO_SEED)]
    for arguments in (["migrate", "--no-input"], demo_data):
        done = subprocess.run(  # noqa: S603
            [*maatwerk_command(), *arguments],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if done.returncode:
            raise RuntimeError(f"maatwerk {arguments[0]} mislukte:\n{done.stderr[-2000:]}")


@contextmanager
def demo_server(env: dict[str, str], workdir: Path) -> Iterator[str]:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = (workdir / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [*maatwerk_command(), "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                urllib.request.urlopen(base_url + reverse("accounts:login"), timeout=2)  # noqa: S310
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = (workdir / "server.log").read_text()[-2000:]
                    raise RuntimeError(f"De demoserver start niet:\n{output}") from None
                time.sleep(0.3)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def first_link_to(page, url_name: str) -> str | None:
    """The first link in the page's main content that leads to a page named ``url_name``."""
    for href in page.locator("main a[href]").evaluate_all("links => links.map(a => a.href)"):
        try:
            if resolve(urlsplit(href).path).view_name == url_name:
                return href
        except Resolver404:
            continue
    return None


def menu_url_names(page) -> set[str]:
    """The URL names of the links in the page header's main menu."""
    names = set()
    for href in page.locator("header nav a[href]").evaluate_all("links => links.map(a => a.href)"):
        try:
            names.add(resolve(urlsplit(href).path).view_name)
        except Resolver404:
            continue
    return names


def optimise(path: Path) -> None:
    """A palette PNG: a fraction of the size, and the interface's flat colours survive it."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


class Photographer:
    """Logs in as each role in its own browser context and pictures its pages at each width."""

    def __init__(self, browser, base_url: str, out_dir: Path, say: Callable[[str], None]):
        self.browser, self.base_url, self.out_dir, self.say = browser, base_url, out_dir, say
        self.problems: list[str] = []
        self.notes: list[str] = []

    def role(self, role: str, shots: tuple[Shot, ...]) -> None:
        context = self.browser.new_context(
            locale="nl-NL",
            base_url=self.base_url,
            viewport={"width": WIDTHS[0], "height": DESKTOP_HEIGHT},
        )
        page = context.new_page()
        try:
            landing = self.log_in(page, role)
            listed = {shot.url_name for shot in shots if not shot.via} | {landing}
            unlisted = sorted(menu_url_names(page) - listed - {"set_language"})
            for name in unlisted:
                self.notes.append(f"{role}: menulink {name} staat niet in PAGES (wel gemaakt)")
            extra = tuple(Shot(name.replace(":", "-"), name) for name in unlisted)
            seen: dict[str, str] = {}
            for shot in shots + extra:
                url = self.open(page, role, shot, seen)
                if url is not None:
                    seen[shot.slug] = url
                    self.picture(page, role, shot)
        finally:
            context.close()

    def log_in(self, page, role: str) -> str:
        """Log in as the demo role; the URL name of the page it lands on (its home)."""
        page.goto(reverse("accounts:login"))
        page.get_by_label("Gebruikersnaam").fill(role)
        page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        if urlsplit(page.url).path.startswith(reverse("accounts:login")):
            raise RuntimeError(f"Inloggen als {role} lukt niet (nu op {page.url}).")
        return resolve(urlsplit(page.url).path).view_name

    def open(self, page, role: str, shot: Shot, seen: dict[str, str]) -> str | None:
        """Go to the shot's page; its URL, or None (and a problem noted) when that fails."""
        name = f"{role}-{shot.slug}"
        if shot.via:
            if shot.via not in seen:
                self.problems.append(f"{name}: de pagina {shot.via} lukte niet")
                return None
            page.goto(seen[shot.via])
            href = first_link_to(page, shot.url_name)
            if href is None:
                self.problems.append(f"{name}: geen link naar {shot.url_name} op {shot.via}")
                return None
            response = page.goto(href)
        else:
            response = page.goto(shot.path())
        if response is None or response.status >= 400:
            status = response.status if response else "?"
            self.problems.append(f"{name}: status {status} op {page.url}")
            return None
        url = page.url
        if shot.press:
            button = page.get_by_role("button", name=re.compile(shot.press)).first
            with page.expect_navigation():
                button.click()
        return url

    def picture(self, page, role: str, shot: Shot) -> None:
        for width in WIDTHS:
            height = DESKTOP_HEIGHT if width > 600 else PHONE_HEIGHT
            page.set_viewport_size({"width": width, "height": height})
            path = self.out_dir / file_name(role, shot.slug, width)
            page.screenshot(path=str(path), full_page=True)
            optimise(path)
            wide = page.evaluate("() => document.documentElement.scrollWidth")
            if wide > width:
                self.notes.append(f"{path.name}: de pagina is {wide} px breed, breder dan {width}")
        page.set_viewport_size({"width": WIDTHS[0], "height": DESKTOP_HEIGHT})
        self.say(f"  {role}-{shot.slug}")


def take_screenshots(
    out_dir: Path,
    roles: list[str] | None = None,
    *,
    base_url: str | None = None,
    say: Callable[[str], None] = print,
) -> tuple[list[str], list[str]]:
    """Render the pages of ``roles`` (all demo roles by default) into ``out_dir``. Returns the
    problems (a page that failed) and the notes (a menu link not in PAGES, pictured anyway; a
    page wider than the window, which then scrolls sideways). Without ``base_url`` a throwaway
    demo is built and served; with it, that running demo is pictured."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise RuntimeError("Chromium ontbreekt: apt-get install chromium (geen browser downloaden)")
    out_dir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        if base_url is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="maatwerk-")))
            env = demo_environment(workdir)
            build_demo_database(env, say)
            base_url = stack.enter_context(demo_server(env, workdir))
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        photographer = Photographer(browser, base_url, out_dir, say)
        for role in roles or list(PAGES):
            say(f"{role}:")
            photographer.role(role, PAGES[role])
    return photographer.problems, photographer.notes
