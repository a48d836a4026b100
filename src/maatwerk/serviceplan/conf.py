"""Service-plan settings, each with its default; an organisation sets its own in Django's settings.

- ``SERVICEPLAN_HOLIDAY_COUNTRY`` ("NL"): whose public holidays a conversation of the cycle is
  never due on (the `holidays` package, through ``maatwerk.core.working_days``).
"""

from maatwerk.core.conf import AppSettings, holiday_country

app_settings = AppSettings(SERVICEPLAN_HOLIDAY_COUNTRY=holiday_country("NL"))
