"""Survey settings, each with its default; an organisation sets its own in Django's settings.

- ``SURVEY_PSEUDONYM_SECRET`` (""): the key of the pseudonyms in exports; empty means the
  project's ``SECRET_KEY``.
- ``SURVEY_MAX_OPTIONS`` (50): the most answers a choice question may have.
- ``SURVEY_SYNC_GRACE_HOURS`` (24): how long after an interview session or its survey closed a
  tablet that was offline may still send interviews it recorded before the close
  (docs/adr/0027-survey-structure-integrity.md). 0 refuses everything after the close.

The smallest group a result may describe is core's ``VOICE_MIN_GROUP_SIZE``
(``maatwerk.core.disclosure.min_group_size``).
"""

from maatwerk.core.conf import AppSettings, text, whole_number

app_settings = AppSettings(
    SURVEY_PSEUDONYM_SECRET=text(""),
    SURVEY_MAX_OPTIONS=whole_number(50, minimum=2),
    SURVEY_SYNC_GRACE_HOURS=whole_number(24, minimum=0),
)
