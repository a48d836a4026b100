"""Organisation settings, each with its default.

- ``ORGANISATION_DEFAULTS`` ({}): names shown until an administrator fills in the organisation
  (``Organisation`` in the admin), replacing some of the neutral ``NEUTRAL_NAMES`` below, as
  ``{"name": "Werkbedrijf Noord", "phone": "088 123 45 67"}``.
"""

from maatwerk.core.conf import AppSettings, Setting

NEUTRAL_NAMES = {
    "name": "Maatwerk",
    "short_name": "Maatwerk",
    "phone": "",
    "website": "",
    "client_portal_name": "Mijn Maatwerk",
    "return_address": "",
}

app_settings = AppSettings(
    ORGANISATION_DEFAULTS=Setting(
        {},
        f"a dict from some of {', '.join(NEUTRAL_NAMES)} to texts",
        lambda value: (
            isinstance(value, dict)
            and all(key in NEUTRAL_NAMES and isinstance(text, str) for key, text in value.items())
        ),
    ),
)
