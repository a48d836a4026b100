"""Messaging settings, each with its default; an organisation sets its own in Django's settings.

- ``MESSAGING_RESPONSE_WORKING_DAYS`` (2): a client's message gets a reply within this many
  working days (weekends and public holidays skipped; the day it arrives does not count).
- ``MESSAGING_HOLIDAY_COUNTRY`` ("NL"): whose public holidays count (the `holidays` package).
- ``MESSAGING_MAX_LENGTH`` (5000): the longest message, in characters.
- ``MESSAGING_ATTACHMENT_MAX_BYTES`` (5 MB): the largest attachment.
- ``MESSAGING_FOLLOW_UP_WORKING_DAYS`` (1): a phone call or letter for a client without
  digital channels is due this many working days after the reply.

The notification e-mail links to the thread when the project's ``SITE_URL`` is set, otherwise it
names the client portal.
"""

from maatwerk.core.conf import AppSettings, holiday_country, whole_number

app_settings = AppSettings(
    MESSAGING_RESPONSE_WORKING_DAYS=whole_number(2, minimum=1),
    MESSAGING_HOLIDAY_COUNTRY=holiday_country("NL"),
    MESSAGING_MAX_LENGTH=whole_number(5000, minimum=1),
    MESSAGING_ATTACHMENT_MAX_BYTES=whole_number(5 * 1024 * 1024, minimum=1),
    MESSAGING_FOLLOW_UP_WORKING_DAYS=whole_number(1, minimum=0),
)
