"""Text written down once and shown in the reader's language (docs/adr/0041).

What is stored for later (timeline data, the rows Maatwerk ships with) is Dutch source text, never
text in the language of the request that wrote it: a client who works in English must not leave
English in the file their adviser reads, and an English reader must not get the Dutch of the day
it was written. Stored values are shown by ``show``:

- a string is a msgid: translated when a catalogue has it (a stored label, a shipped service
  name), else shown as written (a name, a subject, the client's own words);
- a list is shown item by item, joined with commas;
- ``{"date": "2026-12-15"}`` and ``{"moment": "2026-12-15T10:00:00+01:00"}`` are shown as a date,
  or a day and time, in the reader's language;
- ``{"text": "msgid with %(name)s", "with": {...}}`` is a sentence translated as a whole, its
  values shown by these same rules; ``{"sentences": [...]}`` is sentences one after another.

Write with ``source``, ``date_value``, ``moment_value``, ``text_value`` and ``sentences_value``.
"""

from datetime import date, datetime
from typing import Any

from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from maatwerk.core.dates import long_date

DAY_FORMAT = "l j F Y"


def source(text: Any) -> str:
    """The Dutch source of a (lazy) translatable text, whatever language the request uses."""
    with translation.override("nl"):
        return str(text)


def date_value(day: date) -> dict:
    return {"date": day.isoformat()}


def moment_value(moment: datetime) -> dict:
    return {"moment": moment.isoformat()}


def text_value(msgid: str, **values: Any) -> dict:
    """A sentence with values; mark ``msgid`` with ``gettext_noop`` so it reaches the catalogue."""
    return {"text": msgid, "with": values}


def sentences_value(sentences: list) -> dict:
    return {"sentences": list(sentences)}


def show(value: Any) -> str:
    if isinstance(value, str):
        return gettext(value) if value else value
    if isinstance(value, list | tuple):
        return ", ".join(show(item) for item in value)
    if isinstance(value, dict):
        return _show_structured(value)
    return "" if value is None else str(value)


def shown(data: dict) -> dict:
    """Every value of ``data`` shown (for ``str.format_map`` over a summary)."""
    return {name: show(value) for name, value in data.items()}


def _show_structured(value: dict) -> str:
    if "date" in value:
        return long_date(date.fromisoformat(value["date"]))
    if "moment" in value:
        local = timezone.localtime(datetime.fromisoformat(value["moment"]))
        return gettext("%(day)s om %(time)s") % {
            "day": formats.date_format(local, DAY_FORMAT),
            "time": local.strftime("%H:%M"),
        }
    if "text" in value:
        return gettext(value["text"]) % shown(value.get("with") or {})
    if "sentences" in value:
        return " ".join(show(sentence) for sentence in value["sentences"])
    return str(value)
