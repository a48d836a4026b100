"""Default grants for the insight app (merged by maatwerk.access.roles.default_roles)."""

CORRECT = "insight.correct_label"

DEFAULT_GRANTS = {
    "Vestigingsmanager": [CORRECT],
    "Klantonderzoeker": [CORRECT],
}
