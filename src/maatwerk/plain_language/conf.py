"""Plain-language settings: ``PLAIN_LANGUAGE`` ({}) overrides any of the B1 thresholds, whose
defaults are the fields of ``rules.Rules``, with upper- or lower-case keys::

    PLAIN_LANGUAGE = {"MAX_AVERAGE_SENTENCE_WORDS": 12, "KNOWN_WORDS": ["sollicitatiecode"]}
"""

from maatwerk.core.conf import AppSettings, Setting


def _known_thresholds(value) -> bool:
    from .rules import rule_names  # rules reads this module: import it only when checking

    return isinstance(value, dict) and all(str(key).lower() in rule_names() for key in value)


app_settings = AppSettings(
    PLAIN_LANGUAGE=Setting(
        {}, "a dict of thresholds named in plain_language/rules.py (Rules)", _known_thresholds
    ),
)
