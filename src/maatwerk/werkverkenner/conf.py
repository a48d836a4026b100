"""Werkverkenner settings, each with its default; an organisation sets its own in Django's
settings (``settings.py`` maps the environment variables of the same names onto them).

- ``WERKVERKENNER_THRESHOLD`` (0.5): a score at or below this probability puts the client on the
  adviser's work list with the advice to invite.
- ``WERKVERKENNER_MODEL_ROOT`` (""): where model versions are stored; empty means
  ``MEDIA_ROOT/werkverkenner-modellen``.
"""

from maatwerk.core.conf import AppSettings, fraction, text

app_settings = AppSettings(
    WERKVERKENNER_THRESHOLD=fraction(0.5),
    WERKVERKENNER_MODEL_ROOT=text(""),
)
