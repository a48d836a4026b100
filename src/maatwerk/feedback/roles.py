"""Default grants for the feedback app (merged by maatwerk.access.roles.default_roles)."""

ANSWER = "feedback.answer_feedback"
MANAGE = "feedback.manage_office_feedback"
OFFICE_COMPLIMENTS = "feedback.view_office_compliments"
RECORD = "feedback.record_sessions"
EVERYWHERE = "feedback.sessions_everywhere"

DEFAULT_GRANTS = {
    "Adviseur werk": [ANSWER],
    "E-werkcoach": [ANSWER],
    "Vestigingsmanager": [ANSWER, MANAGE, OFFICE_COMPLIMENTS, RECORD],
    "Klantonderzoeker": [RECORD, EVERYWHERE],
}
