"""Every write of the service plan, each in one transaction with its timeline event.

A plan is never edited: a proposal or decision appends a ``PlanVersion``. A form token
(``SubmitOnceForm``) makes a double submit return the version or request made the first time.
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from maatwerk.access.rules import require, staff_of
from maatwerk.clients.models import Client
from maatwerk.core.source_text import date_value, sentences_value, text_value
from maatwerk.timeline.actions import Actor, record_event
from maatwerk.timeline.models import TimelineEvent
from maatwerk.werkverkenner.explain import band_sentence

from . import cycle, queries, rules
from .conf import app_settings
from .models import Conversation, Plan, PlanItem, PlanVersion, ServiceRequest, ServiceType
from .proposal import Proposal

MIN_REASON_LENGTH = 10
NOT_YET_DUE = gettext_lazy(
    "Dit gesprek is nog niet aan de beurt. Leg het gesprek vast dat nu aan de beurt is."
)
MAX_WHY_LENGTH = 500


def _actor(user, client: Client) -> Actor:
    staff = staff_of(user)
    if staff is not None and not (client.is_practice and client.practice_owner_id == staff.pk):
        return Actor.of_staff(staff)
    return Actor.client()


def _names(services: Iterable[ServiceType]) -> list[str]:
    return [service.name for service in services]


def _locked_plan(client: Client) -> Plan:
    """The client's plan row, created when missing, locked for this transaction: versions of
    one plan are numbered one after another."""
    if not Plan.objects.filter(client=client).exists():
        try:
            with transaction.atomic():
                Plan.objects.create(client=client)
        except IntegrityError:
            pass  # made by a request at the same moment
    return Plan.objects.select_for_update().get(client=client)


def _next_number(plan: Plan) -> int:
    latest = plan.versions.order_by("-number").values_list("number", flat=True).first()
    return (latest or 0) + 1


def _earlier(model, token, client: Client):
    if token is None:
        return None
    found = model.objects.filter(submission_token=token).first()
    if found is None:
        return None
    owner = found.client_id if model is ServiceRequest else found.plan.client_id
    if owner != client.pk:
        raise ValidationError(
            _("Dit formulier hoort bij een andere cliënt. Laad de pagina opnieuw.")
        )
    return found


def _proposal_for(client: Client) -> Proposal:
    return queries.proposal_for(client)


def _add_version(plan, *, status, source: Proposal, items, **fields) -> PlanVersion:
    version = PlanVersion.objects.create(
        plan=plan,
        number=_next_number(plan),
        status=status,
        band=source.band,
        uses_digital_channels=source.uses_digital_channels,
        **fields,
    )
    PlanItem.objects.bulk_create(
        PlanItem(version=version, service=service, why=why) for service, why in items
    )
    return version


def _propose_locked(plan: Plan, client: Client) -> PlanVersion:
    proposal = _proposal_for(client)
    latest = plan.versions.order_by("-number").first()
    if (
        latest is not None
        and latest.status == PlanVersion.Status.PROPOSED
        and set(latest.items.values_list("service_id", flat=True)) == proposal.service_ids()
    ):
        return latest  # nothing new to propose
    version = _add_version(
        plan,
        status=PlanVersion.Status.PROPOSED,
        source=proposal,
        items=[(item.service, item.why) for item in proposal.items],
    )
    record_event(
        client,
        "serviceplan.proposed",
        Actor.system(),
        {"services": _names(proposal.services), "basis": band_sentence(proposal.band)},
        about=version,
    )
    return version


def propose_plan(*, client: Client) -> PlanVersion:
    """The rules' proposal from the Werkverkenner band, the preferences and the client's
    requests. Returns the open proposal unchanged when nothing new would be proposed."""
    with transaction.atomic():
        plan = _locked_plan(client)
        return _propose_locked(plan, client)


def _checked_services(services: Iterable[ServiceType]) -> list[ServiceType]:
    chosen = {service.pk: service for service in services}
    inactive = [service.name for service in chosen.values() if not service.is_active]
    if inactive:
        raise ValidationError(
            {
                "services": _("Deze dienst wordt niet meer aangeboden: %(names)s.")
                % {"names": ", ".join(inactive)}
            }
        )
    base = queries.online_base()
    if base is not None:
        chosen.setdefault(base.pk, base)  # the online base is always part of the plan
    return sorted(chosen.values(), key=lambda s: (s.order, s.name, s.pk))


def _request_answers(requests, chosen_ids: set[int]) -> dict:
    lines = []
    for request in requests:
        if request.service_id in chosen_ids:
            lines.append(
                text_value(
                    gettext_noop("U vroeg om %(service)s: dit staat in uw plan."),
                    service=request.service.name,
                )
            )
        else:
            lines.append(
                text_value(
                    gettext_noop(
                        "U vroeg om %(service)s: dit staat nu niet in uw plan. Uw adviseur legt "
                        "u uit waarom."
                    ),
                    service=request.service.name,
                )
            )
    return sentences_value(lines)


def decide_plan(
    *,
    client: Client,
    services: Iterable[ServiceType],
    user,
    reason: str = "",
    submission_token=None,
    today: date | None = None,
) -> PlanVersion:
    """The adviser decides the plan: the proposal as it is, or changed with a reason. The online
    base is always in it. Answers the client's open requests and replans the conversations."""
    staff = staff_of(user)
    if staff is None:
        raise ValidationError(_("Alleen een medewerker kan een plan vastleggen."))
    require(rules.may_decide_plan, user, client)
    reason = (reason or "").strip()
    chosen = _checked_services(services)
    chosen_ids = {service.pk for service in chosen}
    try:
        with transaction.atomic():
            plan = _locked_plan(client)
            earlier = _earlier(PlanVersion, submission_token, client)
            if earlier is not None:
                return earlier
            latest = plan.versions.order_by("-number").first()
            proposal_version = (
                latest
                if latest is not None and latest.status == PlanVersion.Status.PROPOSED
                else None
            )
            if proposal_version is None and latest is None:
                proposal_version = _propose_locked(plan, client)
            current = queries.current_plan(client)
            if (
                proposal_version is None
                and current is not None
                and {item.service_id for item in current.items.all()} == chosen_ids
            ):
                raise ValidationError(
                    {"services": _("Het plan is niet veranderd. Kies andere diensten of ga terug.")}
                )
            basis = proposal_version or (current and current.proposal)
            proposed_ids = (
                set(basis.items.values_list("service_id", flat=True)) if basis else chosen_ids
            )
            deviates = proposed_ids != chosen_ids
            if deviates and len(reason) < MIN_REASON_LENGTH:
                raise ValidationError(
                    {
                        "reason": _(
                            "Je wijkt af van het voorstel. Schrijf in minstens 10 tekens waarom."
                        )
                    }
                )
            why = {}
            if basis is not None:
                why = {item.service_id: item.why for item in basis.items.all()}
            proposal = _proposal_for(client)
            requests = list(queries.open_requests(client).select_for_update(of=("self",)))
            version = _add_version(
                plan,
                status=PlanVersion.Status.DECIDED,
                source=proposal,
                items=[(service, why.get(service.pk, [])) for service in chosen],
                proposal=basis,
                deviates=deviates,
                reason=reason,
                decided_by=staff,
                submission_token=submission_token,
            )
            ServiceRequest.objects.filter(pk__in=[r.pk for r in requests]).update(
                answered_in=version
            )
            _replan_conversations(plan, client, version, chosen, today or timezone.localdate())
            actor = Actor.of_staff(staff)
            kind = "serviceplan.changed" if current is not None else "serviceplan.decided"
            record_event(
                client,
                kind,
                actor,
                {
                    "staff_name": staff.full_name,
                    "job_title": staff.job_title,
                    "services": _names(chosen),
                    "answers": _request_answers(requests, chosen_ids),
                },
                about=version,
            )
            if deviates or reason:
                record_event(
                    client,
                    "serviceplan.decision_reason",
                    actor,
                    {
                        "deviation": gettext_noop("wijkt af van het voorstel")
                        if deviates
                        else gettext_noop("volgt het voorstel"),
                        "reason": reason,
                    },
                    about=version,
                )
    except IntegrityError:
        earlier = _earlier(PlanVersion, submission_token, client)
        if earlier is None:
            raise
        return earlier
    return version


def _replan_conversations(plan, client, version, chosen, today: date) -> None:
    """Planned conversations make way for the new cycle; held ones stay."""
    Conversation.objects.filter(plan=plan, status=Conversation.Status.PLANNED).update(
        status=Conversation.Status.CANCELLED
    )
    if not any(service.kind == ServiceType.Kind.CONVERSATION for service in chosen):
        return
    held = list(
        Conversation.objects.filter(plan=plan, status=Conversation.Status.HELD).values_list(
            "held_on", flat=True
        )
    )
    dates = cycle.plan_cycle(
        start=client.benefit_start,
        end=client.benefit_expected_end,
        today=today,
        rule=queries.cycle_rule(version.band),
        held=held,
        country=app_settings.SERVICEPLAN_HOLIDAY_COUNTRY,
    )
    Conversation.objects.bulk_create(
        Conversation(plan=plan, client=client, planned_in=version, due_on=due) for due in dates
    )


def request_service(
    *, client: Client, service: ServiceType, why: str, user, submission_token=None
) -> ServiceRequest:
    """The client asks for a service; a new proposal includes it for the adviser to decide."""
    why = (why or "").strip()
    errors = {}
    if service is None or not service.is_active or not service.client_can_request:
        errors["service"] = _("Kies een dienst uit de lijst.")
    if not why:
        errors["why"] = _("Schrijf kort waarom u dit wilt.")
    elif len(why) > MAX_WHY_LENGTH:
        errors["why"] = _("Gebruik maximaal %(n)s tekens.") % {"n": MAX_WHY_LENGTH}
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            plan = _locked_plan(client)
            earlier = _earlier(ServiceRequest, submission_token, client)
            if earlier is not None:
                return earlier
            if queries.open_requests(client).filter(service=service).exists():
                raise ValidationError(
                    {"service": _("U heeft hier al om gevraagd. Uw adviseur kijkt ernaar.")}
                )
            current = queries.current_plan(client)
            if current is not None and current.items.filter(service=service).exists():
                raise ValidationError({"service": _("Dit staat al in uw plan.")})
            request = ServiceRequest.objects.create(
                client=client, service=service, why=why, submission_token=submission_token
            )
            record_event(
                client,
                "serviceplan.service_requested",
                _actor(user, client),
                {"service": service.name, "why": why},
                about=request,
            )
            _propose_locked(plan, client)
    except IntegrityError:
        earlier = _earlier(ServiceRequest, submission_token, client)
        if earlier is None:
            raise
        return earlier
    return request


def record_conversation_held(
    *, conversation: Conversation, user, held_on: date | None = None
) -> Conversation:
    """The adviser held the conversation that is due (the first planned one, due or overdue on
    ``held_on``); a later one cannot be recorded ahead of it."""
    staff = staff_of(user)
    if staff is None:
        raise ValidationError(_("Alleen een medewerker kan een gesprek vastleggen."))
    require(rules.may_decide_plan, user, conversation.client)
    held_on = held_on or timezone.localdate()
    if held_on > timezone.localdate():
        raise ValidationError(_("Een gesprek in de toekomst kan nog niet gehouden zijn."))
    with transaction.atomic():
        locked = (
            Conversation.objects.select_for_update()
            .select_related("client")
            .get(pk=conversation.pk)
        )
        if locked.status != Conversation.Status.PLANNED:
            raise ValidationError(_("Dit gesprek is al vastgelegd of vervallen."))
        first = _planned(locked.client_id).order_by("due_on", "pk").first()
        if first.pk != locked.pk or queries.state_of(locked, held_on) == "later":
            raise ValidationError(NOT_YET_DUE)
        locked.status = Conversation.Status.HELD
        locked.held_on = held_on
        locked.held_by = staff
        locked.save(update_fields=["status", "held_on", "held_by"])
        record_event(
            locked.client,
            "serviceplan.conversation_held",
            Actor.of_staff(staff),
            {"staff_name": staff.full_name, "job_title": staff.job_title},
            about=locked,
        )
    return locked


# --- following the appointments app -------------------------------------------------------------

APPOINTMENT_BOOKED = "appointment.booked"
APPOINTMENT_CANCELLED = "appointment.cancelled"
APPOINTMENT_HELD = "appointment.held"
APPOINTMENT_KINDS = {APPOINTMENT_BOOKED, APPOINTMENT_CANCELLED, APPOINTMENT_HELD}


def _planned(client_id):
    return Conversation.objects.select_for_update().filter(
        client_id=client_id, status=Conversation.Status.PLANNED
    )


def follow_appointment(event: TimelineEvent) -> None:
    """A booked appointment takes the next conversation off the call list, a cancelled one puts
    it back, and one held by a staff member marks the conversation held (with its event)."""
    if event.kind not in APPOINTMENT_KINDS or not event.object_id:
        return
    ref = str(event.object_id)
    with transaction.atomic():
        if event.kind == APPOINTMENT_BOOKED:
            planned = _planned(event.client_id).filter(appointment_ref="")
            conversation = planned.order_by("due_on").first()
            if conversation is not None:
                conversation.appointment_ref = ref
                conversation.save(update_fields=["appointment_ref"])
        elif event.kind == APPOINTMENT_CANCELLED:
            _planned(event.client_id).filter(appointment_ref=ref).update(appointment_ref="")
        elif event.actor_staff_id is not None:
            _held_at_appointment(event, ref)


def _held_at_appointment(event: TimelineEvent, ref: str) -> None:
    planned = _planned(event.client_id)
    conversation = planned.filter(appointment_ref=ref).first() or planned.order_by("due_on").first()
    if conversation is None:
        return
    conversation.status = Conversation.Status.HELD
    conversation.held_on = timezone.localdate(event.occurred_at)
    conversation.held_by_id = event.actor_staff_id
    conversation.appointment_ref = ref
    conversation.save(update_fields=["status", "held_on", "held_by", "appointment_ref"])
    record_event(
        event.client,
        "serviceplan.cycle_followed",
        Actor.of_staff(event.actor_staff),
        {"due_on": date_value(conversation.due_on)},
        about=conversation,
    )


# --- following the Werkverkenner ---------------------------------------------------------------

# A new or corrected result, or the adviser's decision on it, can change the band the proposal
# is made from.
WERKVERKENNER_KINDS = {
    "werkverkenner.submitted",
    "werkverkenner.corrected",
    "werkverkenner.invited",
    "werkverkenner.not_invited",
}


def follow_werkverkenner(event: TimelineEvent) -> PlanVersion | None:
    """A client with a plan gets a fresh proposal when the Werkverkenner outcome changes (none
    when it would propose the same). Without a plan the plan page shows the live proposal."""
    if event.kind not in WERKVERKENNER_KINDS:
        return None
    if not Plan.objects.filter(client_id=event.client_id).exists():
        return None
    return propose_plan(client=event.client)
