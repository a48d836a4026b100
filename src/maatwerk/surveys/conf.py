"""Survey settings, each with its default; an organisation sets its own in Django's settings.

- ``VOICE_MIN_GROUP_SIZE`` (10): an aggregate shown to managers, researchers or councils never
  describes fewer people than this (surveys and the client panel alike); a smaller group reads
  "too few responses". ``settings.py`` maps the environment variable of that name onto it.
- ``SURVEY_PSEUDONYM_SECRET`` (""): the key of the pseudonyms in exports; empty means the
  project's ``SECRET_KEY``.
"""

from maatwerk.core.conf import AppSettings, text, whole_number

app_settings = AppSettings(
    VOICE_MIN_GROUP_SIZE=whole_number(10, minimum=1),
    SURVEY_PSEUDONYM_SECRET=text(""),
)
