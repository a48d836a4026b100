"""Reads of the service plan, used by its pages, the API, the call list and other apps."""

from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet

from maatwerk.clients.models import Client
from maatwerk.core.dates import long_date
from maatwerk.core.source_text import show

from . import cycle
from .models import (
    NO_BAND,
    Conversation,
    CycleRule,
    Plan,
    PlanItem,
    PlanVersion,
    ServiceRequest,
    ServiceType,
)

# A planned conversation is "due" from this many days before its date; after it, "overdue".
DUE_SOON_DAYS = 7


def catalogue() -> QuerySet[ServiceType]:
    return ServiceType.objects.filter(is_active=True).order_by("order", "name", "pk")


def requestable_services() -> QuerySet[ServiceType]:
    return catalogue().filter(client_can_request=True).exclude(kind=ServiceType.Kind.ONLINE_BASE)


def online_base() -> ServiceType | None:
    return catalogue().filter(kind=ServiceType.Kind.ONLINE_BASE).first()


def plan_of(client: Client) -> Plan | None:
    return Plan.objects.filter(client=client).first()


def _versions(client: Client) -> QuerySet[PlanVersion]:
    items = PlanItem.objects.select_related("service").order_by("service__order", "service__name")
    return (
        PlanVersion.objects.filter(plan__client=client)
        .select_related("decided_by")
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("-number")
    )


def history(client: Client) -> QuerySet[PlanVersion]:
    """Every version of the client's plan, newest first."""
    return _versions(client)


def latest_version(client: Client) -> PlanVersion | None:
    return _versions(client).first()


def current_plan(client: Client) -> PlanVersion | None:
    """The plan in force: the latest decided version (a newer proposal is not a plan yet)."""
    return _versions(client).filter(status=PlanVersion.Status.DECIDED).first()


def latest_proposal(client: Client) -> PlanVersion | None:
    return _versions(client).filter(status=PlanVersion.Status.PROPOSED).first()


def open_proposal(client: Client) -> PlanVersion | None:
    """The latest version when it is a proposal nobody decided on yet."""
    latest = latest_version(client)
    if latest is not None and latest.status == PlanVersion.Status.PROPOSED:
        return latest
    return None


def open_requests(client: Client) -> QuerySet[ServiceRequest]:
    return ServiceRequest.objects.filter(client=client, answered_in__isnull=True).select_related(
        "service"
    )


def requests_of(client: Client) -> QuerySet[ServiceRequest]:
    return ServiceRequest.objects.filter(client=client).select_related("service")


def latest_band(client: Client) -> str:
    """The band of the client's latest Werkverkenner score, or NO_BAND."""
    from maatwerk.werkverkenner.queries import latest_score

    score = latest_score(client)
    return score.band if score is not None else NO_BAND


def proposal_for(client: Client):
    """What Maatwerk would propose now (not stored): the band, the preferences, the requests."""
    from .proposal import propose

    preference = getattr(client, "preference", None)
    return propose(
        catalogue=catalogue(),
        band=latest_band(client),
        uses_digital_channels=client.uses_digital_channels,
        channel=preference.channel if preference is not None else "",
        requested=[request.service for request in open_requests(client)],
    )


def cycle_rule(band: str) -> cycle.Rule:
    row = (
        CycleRule.objects.filter(band=band).first()
        or CycleRule.objects.filter(band=NO_BAND).first()
    )
    if row is None:
        return cycle.Rule()
    return cycle.Rule(
        first_within_days=row.first_within_days,
        follow_ups=row.follow_ups,
        min_gap_days=row.min_gap_days,
        end_margin_days=row.end_margin_days,
    )


def conversations(client: Client) -> QuerySet[Conversation]:
    return (
        Conversation.objects.filter(client=client)
        .exclude(status=Conversation.Status.CANCELLED)
        .select_related("held_by")
        .order_by("due_on", "pk")
    )


def next_conversation(client: Client) -> Conversation | None:
    return conversations(client).filter(status=Conversation.Status.PLANNED).first()


def state_of(conversation: Conversation, today: date) -> str:
    """'held', 'overdue', 'due' (within DUE_SOON_DAYS) or 'later'."""
    if conversation.status == Conversation.Status.HELD:
        return "held"
    if conversation.due_on < today:
        return "overdue"
    if conversation.due_on <= today + timedelta(days=DUE_SOON_DAYS):
        return "due"
    return "later"


def conversations_due(clients: QuerySet[Client], today: date) -> QuerySet[Conversation]:
    """Planned conversations of these clients that are due soon or overdue."""
    return (
        Conversation.objects.filter(
            client__in=clients,
            status=Conversation.Status.PLANNED,
            due_on__lte=today + timedelta(days=DUE_SOON_DAYS),
            appointment_ref="",
        )
        .select_related("client")
        .order_by("due_on", "pk")
    )


def own_clients(staff) -> QuerySet[Client]:
    """The clients whose named contact person this staff member is now."""
    return Client.objects.filter(assignments__staff=staff, assignments__ended_at__isnull=True)


def calls_for_conversations(staff, day: date):
    """Call-list source: a call to plan each conversation of the cycle that is due or overdue."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from maatwerk.core.call_list import CallItem

    for conversation in conversations_due(own_clients(staff), day):
        if conversation.due_on < day:
            reason = _("Gesprek is te laat (was uiterlijk %(date)s): bel om een afspraak te maken.")
        else:
            reason = _("Gesprek uiterlijk %(date)s: bel om een afspraak te maken.")
        yield CallItem(
            client=conversation.client,
            reason=reason % {"date": long_date(conversation.due_on)},
            url=reverse("serviceplan:plan", args=[conversation.client_id]),
            source="serviceplan",
        )


def open_work(client: Client):
    """Open-work source (``core.open_work``): the services in the client's plan, open
    requests and planned conversations, for the manager's list of clients without a contact
    person."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from maatwerk.core.open_work import OpenWork

    url = reverse("serviceplan:plan", args=[client.pk])
    plan = current_plan(client)
    return [
        OpenWork(_("Onderdelen van het plan"), len(plan.items.all()) if plan else 0, url),
        OpenWork(_("Open aanvragen"), open_requests(client).count(), url),
        OpenWork(
            _("Geplande gesprekken"),
            conversations(client).filter(status=Conversation.Status.PLANNED).count(),
            url,
        ),
    ]


# The appointments app's events about a booked appointment (heard of through the timeline only).
APPOINTMENT_EVENTS = ("appointment.booked", "appointment.moved")


def booked_for(conversation: Conversation) -> str:
    """When the appointment that fulfils this conversation is ("maandag 2 november 2026 om
    10:00"), from its latest booked or moved event; empty when none is booked."""
    from maatwerk.timeline.models import TimelineEvent

    if not conversation.appointment_ref or conversation.status != Conversation.Status.PLANNED:
        return ""
    event = (
        TimelineEvent.objects.filter(
            client_id=conversation.client_id,
            kind__in=APPOINTMENT_EVENTS,
            object_id=conversation.appointment_ref,
        )
        .order_by("-occurred_at", "-pk")
        .first()
    )
    return show(event.data.get("when", "")) if event is not None else ""


def cycle_rows(client: Client, today: date) -> list[dict]:
    """The plan page's cycle: each conversation with its state, the appointment booked for it,
    and whether "Gesprek gehouden" is offered (only for the first planned one, when it is due)."""
    rows, first_planned = [], True
    for conversation in conversations(client):
        state = state_of(conversation, today)
        planned = conversation.status == Conversation.Status.PLANNED
        rows.append(
            {
                "conversation": conversation,
                "state": state,
                "booked": booked_for(conversation),
                "can_hold": planned and first_planned and state in ("due", "overdue"),
            }
        )
        first_planned = first_planned and not planned
    return rows
