"""Insight settings, each with its default; an organisation sets its own in Django's settings.

- ``INSIGHT_ANALYSE_CLIENT_MESSAGES`` (False): also analyse client messages to their adviser.
  They are private correspondence: off unless the organisation turns it on, and never quoted.
- ``INSIGHT_MODEL_DIR`` (""): the model directory that labels new texts; empty means the starter
  model shipped with Maatwerk (``data/starter_model``).
- ``INSIGHT_CLASSIFY_ON_ARRIVAL`` (True): classify a new text in the background right after the
  commit that stored it; off, texts wait for the next batch (``classify_backlog``).
- ``INSIGHT_BATCH_SIZE`` (500): texts per batch, one transaction each.
"""

from maatwerk.core.conf import AppSettings, Setting, text, whole_number


def switch(default: bool) -> Setting:
    return Setting(default, "True or False", lambda v: isinstance(v, bool))


app_settings = AppSettings(
    INSIGHT_ANALYSE_CLIENT_MESSAGES=switch(False),
    INSIGHT_MODEL_DIR=text(""),
    INSIGHT_CLASSIFY_ON_ARRIVAL=switch(True),
    INSIGHT_BATCH_SIZE=whole_number(500, minimum=1),
)
