"""Feedback settings, each with its default; an organisation sets its own in Django's settings.

- ``FEEDBACK_ANSWER_TERMS`` ({}): answer terms per kind of input that replace the defaults in
  ``ANSWER_TERMS``, as ``{"complaint": ("weeks", 6)}``; the unit is one of ``TERM_UNITS``.
- ``FEEDBACK_HOLIDAY_COUNTRY`` ("NL"): whose public holidays count (the `holidays` package).
"""

from maatwerk.core.conf import AppSettings, Setting, holiday_country

TERM_UNITS = ("working_days", "weeks", "days")
# A complaint six weeks, as the law requires (Awb 9:11); feedback and suggestions ten working days.
ANSWER_TERMS = {
    "feedback": ("working_days", 10),
    "suggestion": ("working_days", 10),
    "complaint": ("weeks", 6),
}


def _valid_terms(value) -> bool:
    return isinstance(value, dict) and all(
        kind in ANSWER_TERMS
        and isinstance(term, tuple | list)
        and len(term) == 2
        and term[0] in TERM_UNITS
        and isinstance(term[1], int)
        and not isinstance(term[1], bool)
        and term[1] > 0
        for kind, term in value.items()
    )


app_settings = AppSettings(
    FEEDBACK_ANSWER_TERMS=Setting(
        {},
        f"a dict from a kind ({', '.join(ANSWER_TERMS)}) to (unit, whole number above 0), "
        f"with the unit one of {', '.join(TERM_UNITS)}",
        _valid_terms,
    ),
    FEEDBACK_HOLIDAY_COUNTRY=holiday_country("NL"),
)
