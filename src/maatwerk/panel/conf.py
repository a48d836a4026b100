"""Client panel settings, each with its default; an organisation sets its own in Django's settings.

The contact rules below are defaults until a research lead saves the organisation's own rules
(``ContactRules``, in the admin):

- ``PANEL_MAX_INVITATIONS_PER_YEAR`` (12): invitations a member gets at most in a year.
- ``PANEL_MIN_DAYS_BETWEEN`` (14): days at least between two invitations to one member.
- ``PANEL_REMINDER_AFTER_DAYS`` (7): days after the invitation that one reminder goes out.
- ``PANEL_INVITATION_VALID_DAYS`` (30): days an invitation link stays valid.

- ``PANEL_RELAY_TASKS`` (4): with the database task backend, how many tasks hand the panel's
  e-mails to the mail server side by side.

The smallest group a result may describe is core's ``VOICE_MIN_GROUP_SIZE``.
"""

from maatwerk.core.conf import AppSettings, whole_number

app_settings = AppSettings(
    PANEL_MAX_INVITATIONS_PER_YEAR=whole_number(12, minimum=1),
    PANEL_MIN_DAYS_BETWEEN=whole_number(14, minimum=0),
    PANEL_REMINDER_AFTER_DAYS=whole_number(7, minimum=1),
    PANEL_INVITATION_VALID_DAYS=whole_number(30, minimum=1),
    PANEL_RELAY_TASKS=whole_number(4, minimum=1),
)
