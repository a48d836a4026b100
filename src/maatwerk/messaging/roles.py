"""Default grants for a new database (merged by maatwerk.access.roles.default_roles)."""

ANSWER_ROLES = ["Adviseur werk", "E-werkcoach", "Vestigingsmanager"]

DEFAULT_GRANTS = {role: ["messaging.answer_messages"] for role in ANSWER_ROLES}
