"""Default grants for new installations (existing ones get them from migration 0002)."""

GRANTS = {
    "view_agenda": (
        "Eigen agenda bekijken",
        ["Adviseur werk", "E-werkcoach", "Vestigingsmanager"],
    ),
    "book_for_client": (
        "Afspraken maken voor een cliënt",
        ["Adviseur werk", "E-werkcoach", "Vestigingsmanager"],
    ),
    "manage_availability": ("Beschikbaarheid van de vestiging beheren", ["Vestigingsmanager"]),
}

DEFAULT_GRANTS: dict[str, list[str]] = {}
for _codename, (_name, _roles) in GRANTS.items():
    for _role in _roles:
        DEFAULT_GRANTS.setdefault(_role, []).append(f"appointments.{_codename}")

# Administrators keep the kinds of appointment and each office's agenda system in the admin.
ADMIN_GRANTS = {
    model: {
        f"{action}_{model}": (f"Can {action} {model}", ["Beheerder"])
        for action in (["view", "add", "change"] if editable else ["view"])
    }
    for model, editable in [
        ("appointmenttype", True),
        ("officeagenda", True),
        ("availability", False),
        ("appointment", False),
    ]
}
for _model, _grants in ADMIN_GRANTS.items():
    for _codename in _grants:
        DEFAULT_GRANTS.setdefault("Beheerder", []).append(f"appointments.{_codename}")
