"""The appointments app's part of the two first screens (core.client_overview): the client's
next appointment on their home page, and the next and last appointment in the adviser's
summary."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from maatwerk.core.client_overview import Fact, Link, NowItem
from maatwerk.core.source_text import show

from .builtin import zone
from .models import Appointment, AppointmentType
from .queries import last_held_for_client, upcoming_for_client


def moment_text(appointment: Appointment) -> str:
    """'maandag 7 december 2026 om 10:00', in the language of the page."""
    local = timezone.localtime(appointment.starts_at, zone())
    return _("%(day)s om %(time)s") % {
        "day": formats.date_format(local, "l j F Y"),
        "time": local.strftime("%H:%M"),
    }


def _where(appointment: Appointment) -> str:
    if appointment.type.channel == AppointmentType.Channel.OFFICE:
        return _("Bij werkplein %(office)s, %(address)s") % {
            "office": appointment.office.name,
            "address": appointment.office.address,
        }
    if appointment.type.channel == AppointmentType.Channel.PHONE:
        return _("Wij bellen u op.")
    return _("Via videobellen. U krijgt de link per e-mail.")


def now_for_client(client) -> list[NowItem]:
    upcoming = upcoming_for_client(client).first()
    if upcoming is None:
        return [
            NowItem(
                "appointment",
                _("U heeft geen afspraak gepland"),
                (_("Wilt u iemand spreken? Maak dan een afspraak."),),
                (Link(_("Afspraak maken"), reverse("appointments:choose")),),
            )
        ]
    return [
        NowItem(
            "appointment",
            _("Uw volgende afspraak"),
            (
                moment_text(upcoming),
                f"{show(upcoming.type.name)}. {_where(upcoming)}",
                _("Met %(name)s, %(job)s")
                % {
                    "name": upcoming.staff.full_name,
                    "job": show(upcoming.staff.job_title),
                },
            ),
            (
                Link(_("Bekijk de afspraak"), reverse("appointments:detail", args=[upcoming.pk])),
                Link(_("Verzetten"), reverse("appointments:move", args=[upcoming.pk])),
                Link(_("Annuleren"), reverse("appointments:cancel", args=[upcoming.pk])),
            ),
        )
    ]


def _staff_text(appointment: Appointment) -> str:
    return _("%(moment)s: %(kind)s met %(name)s") % {
        "moment": moment_text(appointment),
        "kind": appointment.type.name.lower(),
        "name": appointment.staff.full_name,
    }


def facts_for_staff(client) -> list[Fact]:
    facts = []
    upcoming = upcoming_for_client(client).first()
    if upcoming is not None:
        facts.append(
            Fact(
                "next_contact",
                _staff_text(upcoming),
                reverse("appointments:staff_detail", args=[upcoming.pk]),
                at=upcoming.starts_at,
            )
        )
    held = last_held_for_client(client)
    if held is not None:
        facts.append(
            Fact(
                "last_contact",
                _staff_text(held),
                reverse("appointments:staff_detail", args=[held.pk]),
                at=held.starts_at,
            )
        )
    return facts


def home_texts() -> str:
    """The home page card's texts with example values, for the plain-language check."""
    example = {"office": "Utrecht", "address": "Croeselaan 30", "name": "Max", "job": "Adviseur"}
    return "\n".join(
        [
            _("U heeft geen afspraak gepland"),
            _("Wilt u iemand spreken? Maak dan een afspraak."),
            _("Uw volgende afspraak"),
            _("Bij werkplein %(office)s, %(address)s") % example,
            _("Wij bellen u op."),
            _("Via videobellen. U krijgt de link per e-mail."),
            _("Met %(name)s, %(job)s") % example,
            _("Bekijk de afspraak"),
            _("Verzetten"),
            _("Annuleren"),
        ]
    )
