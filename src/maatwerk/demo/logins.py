"""The text that tells a demo visitor where and as whom to log in."""

from django.contrib.auth import get_user_model

from .organisation import DEMO_PASSWORD

LOGIN_URL = "http://127.0.0.1:8000/inloggen/"
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


def logins_text() -> str:
    users = {
        user.username: user
        for user in get_user_model()
        .objects.filter(username__in=DEMO_USERNAMES)
        .select_related("client", "staff_member")
    }
    if not users:
        return "Deze database heeft geen demo-log-ins."
    lines = [
        f"Inloggen: {LOGIN_URL}",
        f"Wachtwoord voor alle demo-log-ins: {DEMO_PASSWORD}",
        "",
    ]
    for username in DEMO_USERNAMES:
        if username in users:
            lines.append(f"  {username:<12} {_describe(users[username])}")
    return "\n".join(lines)
