"""Where and as whom a demo visitor logs in: printed last by `maatwerk demo_data` and shown on the
log-in page in demo mode (never in production: ``accounts`` asks only when MAATWERK_MODE=demo)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from .organisation import DEMO_PASSWORD

DEMO_USERNAMES = (
    "klant",
    "adviseur",
    "manager",
    "beheerder",
    "redacteur",
    "jurist",
    "onderzoeker",
    "raadslid",
)


def login_url() -> str:
    """The log-in page at SITE_URL, which `make demo PORT=…` sets to the port it serves on."""
    return settings.SITE_URL.rstrip("/") + reverse("accounts:login")


def _describe(user) -> str:
    client = getattr(user, "client", None)
    if client is not None:
        return f"cliënt {client.full_name}: Mijn omgeving en de tijdlijn"
    staff = getattr(user, "staff_member", None)
    if staff is None:
        return "gebruiker"
    office = staff.offices.first()
    where = f", werkplein {office.name}" if office else ""
    extra = "; ook het beheer op /beheer/" if user.is_superuser else ""
    return f"{staff.full_name}, {staff.job_title}{where}{extra}"


def demo_logins() -> list[tuple[str, str]]:
    """(username, who that is) for each demo log-in this database has, in a fixed order."""
    users = {
        user.username: user
        for user in get_user_model()
        .objects.filter(username__in=DEMO_USERNAMES, is_active=True)
        .select_related("client", "staff_member")
    }
    return [(name, _describe(users[name])) for name in DEMO_USERNAMES if name in users]


def logins_text() -> str:
    logins = demo_logins()
    if not logins:
        return "Deze database heeft geen demo-log-ins."
    lines = [
        "Demo-log-ins",
        f"Inloggen: {login_url()}",
        f"Wachtwoord voor alle demo-log-ins: {DEMO_PASSWORD}",
        "",
    ]
    lines += [f"  {username:<12} {who}" for username, who in logins]
    return "\n".join(lines)
