"""Does a slot suit the client? Human scale in code: someone who needs more time in the morning
is not offered 08:30, someone without a computer is not offered a video call, and someone who
needs step-free access is not sent to an office without it."""

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from maatwerk.clients.models import Client, ContactPreference

from .models import AppointmentType, OfficeAgenda

WORKDAYS = range(5)


@dataclass(frozen=True)
class Window:
    weekday: int | None  # None: every working day
    starts: time
    ends: time

    def applies(self, weekday: int) -> bool:
        return weekday == self.weekday if self.weekday is not None else weekday in WORKDAYS


@dataclass(frozen=True)
class ClientWishes:
    """A client's preferences, read once per request."""

    windows: tuple[Window, ...] = ()
    channel: str = ContactPreference.Channel.PORTAL
    digital: bool = True
    accessibility_needs: str = ""

    @classmethod
    def of(cls, client: Client) -> "ClientWishes":
        try:
            preference = client.preference  # cached when select_related / prefetched
        except ContactPreference.DoesNotExist:
            return cls(digital=client.uses_digital_channels)
        windows = sorted(preference.windows.all(), key=lambda w: w.pk)
        return cls(
            windows=tuple(Window(w.weekday, w.starts, w.ends) for w in windows),
            channel=preference.channel,
            digital=client.uses_digital_channels,
            accessibility_needs=preference.accessibility_needs.strip(),
        )


def channel_clash(wishes: ClientWishes, kind: AppointmentType) -> str:
    if kind.channel != AppointmentType.Channel.VIDEO:
        return ""
    if not wishes.digital:
        return _("de cliënt gebruikt geen digitale kanalen")
    if wishes.channel in (ContactPreference.Channel.PHONE, ContactPreference.Channel.LETTER):
        return _("de cliënt heeft voorkeur voor %(channel)s") % {
            "channel": ContactPreference.Channel(wishes.channel).label
        }
    return ""


def access_clash(wishes: ClientWishes, kind: AppointmentType, agenda: OfficeAgenda | None) -> str:
    step_free = agenda.step_free if agenda is not None else True
    at_office = kind.channel == AppointmentType.Channel.OFFICE
    if at_office and wishes.accessibility_needs and not step_free:
        return _("de vestiging is niet rolstoeltoegankelijk en de cliënt vraagt: %(need)s") % {
            "need": wishes.accessibility_needs[:100]
        }
    return ""


def window_clash(wishes: ClientWishes, start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """A slot clashes when the client named contact windows and none holds the whole slot."""
    if not wishes.windows:
        return ""
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    weekday = local_start.weekday()
    for window in wishes.windows:
        if (
            window.applies(weekday)
            and window.starts <= local_start.time()
            and local_end.time() <= window.ends
            and local_end.date() == local_start.date()
        ):
            return ""
    return _("buiten de tijden die de cliënt past (%(windows)s)") % {
        "windows": describe_windows(wishes.windows)
    }


def describe_windows(windows) -> str:
    from maatwerk.organisation.models import Weekday

    parts = []
    for window in windows:
        day = Weekday(window.weekday).label if window.weekday is not None else _("werkdagen")
        parts.append(f"{day} {window.starts:%H:%M}–{window.ends:%H:%M}")
    return ", ".join(parts)


def clashes(
    wishes: ClientWishes,
    kind: AppointmentType,
    agenda: OfficeAgenda | None,
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
) -> list[str]:
    """Why this slot does not suit the client (Dutch, for staff); empty when it does."""
    found = [
        channel_clash(wishes, kind),
        access_clash(wishes, kind, agenda),
        window_clash(wishes, start, end, zone),
    ]
    return [reason for reason in found if reason]
