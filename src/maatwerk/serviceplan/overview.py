"""The service plan's part of the two first screens (core.client_overview): what is in the
client's plan and when their next conversation is due, on their home page; the plan's status
and the conversations of the cycle in the adviser's summary."""

from datetime import datetime, time

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maatwerk.core.client_overview import Fact, Link, NowItem

from . import queries
from .models import Conversation


def _day(value) -> str:
    return formats.date_format(value, "j F Y")


def _services(version) -> str:
    return ", ".join(item.service.name.lower() for item in version.items.all())


def _unbooked_next_conversation(client) -> Conversation | None:
    """The next planned conversation of the cycle that has no appointment yet: once booked,
    the appointment itself is the next contact."""
    return (
        queries.conversations(client)
        .filter(status=Conversation.Status.PLANNED, appointment_ref="")
        .first()
    )


def now_for_client(client) -> list[NowItem]:
    plan = queries.current_plan(client)
    conversation = _unbooked_next_conversation(client)
    requests = list(queries.open_requests(client))
    if plan is None and conversation is None and not requests:
        return []
    lines = []
    if plan is not None and plan.items.all():
        lines.append(_("In uw plan: %(services)s.") % {"services": _services(plan)})
    badge, tone = "", ""
    if conversation is not None:
        lines.append(
            _("Uw volgende gesprek met uw adviseur is uiterlijk op %(day)s.")
            % {"day": _day(conversation.due_on)}
        )
        if queries.state_of(conversation, timezone.localdate()) in ("due", "overdue"):
            lines.append(_("Uw adviseur belt u om een afspraak te maken."))
            badge, tone = _("Gesprek binnenkort"), "warning"
    if requests:
        lines.append(
            ngettext(
                "U vroeg om %(services)s. Uw adviseur kijkt of dat in uw plan past.",
                "U vroeg om %(services)s. Uw adviseur kijkt of dat in uw plan past.",
                len(requests),
            )
            % {"services": ", ".join(request.service.name.lower() for request in requests)}
        )
    return [
        NowItem(
            "due",
            _("Uw plan"),
            tuple(lines),
            (Link(_("Bekijk uw plan"), reverse("serviceplan:mine")),),
            badge=badge,
            tone=tone,
        )
    ]


def _end_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def facts_for_staff(client) -> list[Fact]:
    url = reverse("serviceplan:plan", args=[client.pk])
    facts = []
    plan = queries.current_plan(client)
    proposal = queries.open_proposal(client)
    requests = queries.open_requests(client).count()
    if plan is not None:
        value = _("Vastgelegd op %(day)s: %(services)s") % {
            "day": _day(timezone.localtime(plan.created_at)),
            "services": _services(plan) or _("geen diensten"),
        }
    else:
        value = _("Nog geen plan vastgelegd")
    badge, tone = "", ""
    if proposal is not None:
        badge, tone = _("voorstel wacht op besluit"), "warning"
    elif requests:
        badge, tone = (
            ngettext(
                "%(count)d vraag van de cliënt",
                "%(count)d vragen van de cliënt",
                requests,
            )
            % {"count": requests},
            "warning",
        )
    elif plan is None:
        badge, tone = _("nog te doen"), "warning"
    facts.append(Fact("plan", value, url, badge=badge, tone=tone))

    today = timezone.localdate()
    conversation = _unbooked_next_conversation(client)
    if conversation is not None:
        state = queries.state_of(conversation, today)
        badge, tone = {
            "overdue": (_("te laat"), "danger"),
            "due": (_("nu plannen"), "warning"),
        }.get(state, ("", ""))
        # Not the next contact: an unbooked conversation is a task; once booked, the
        # appointment is the next contact.
        facts.append(
            Fact(
                "cycle",
                _("Uiterlijk %(day)s, nog geen afspraak") % {"day": _day(conversation.due_on)},
                url,
                badge=badge,
                tone=tone,
            )
        )
    held = (
        queries.conversations(client)
        .filter(status=Conversation.Status.HELD)
        .order_by("-held_on", "-pk")
        .first()
    )
    if held is not None:
        facts.append(
            Fact(
                "last_contact",
                _("%(day)s: gesprek uit de cyclus met %(name)s")
                % {"day": _day(held.held_on), "name": held.held_by.full_name},
                url,
                at=_end_of(held.held_on),
            )
        )
    return facts


def home_texts() -> str:
    """The home page card's texts with example values, for the plain-language check."""
    return "\n".join(
        [
            _("Uw plan"),
            _("In uw plan: %(services)s.") % {"services": "online basis, workshop"},
            _("Uw volgende gesprek met uw adviseur is uiterlijk op %(day)s.")
            % {"day": "7 december"},
            _("Uw adviseur belt u om een afspraak te maken."),
            _("Gesprek binnenkort"),
            _("U vroeg om %(services)s. Uw adviseur kijkt of dat in uw plan past.")
            % {"services": "een workshop"},
            _("Bekijk uw plan"),
        ]
    )
