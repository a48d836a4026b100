"""Reads: who is in the panel now, a client's own panel page, a plan's progress and results."""

import hashlib
import hmac
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.clients.models import Client
from maatwerk.core import disclosure
from maatwerk.core.disclosure import min_group_size
from maatwerk.organisation.models import Region

from .models import Invitation, MembershipChange, OutboxMessage, PanelSurvey
from .sampling import current_rules, draw_sample
from .strata import DIMENSION_LABELS, DIMENSIONS, Bands


def _latest_changes() -> QuerySet[MembershipChange]:
    later = MembershipChange.objects.filter(
        client=OuterRef("client"), number__gt=OuterRef("number")
    )
    return MembershipChange.objects.filter(~Exists(later))


def members() -> QuerySet[Client]:
    """Current panel members: clients whose last membership change is a join. Practice
    accounts never count."""
    joined = _latest_changes().filter(kind=MembershipChange.Kind.JOIN, client=OuterRef("pk"))
    return Client.objects.real().filter(Exists(joined))


def member_ids_among(client_ids) -> set[int]:
    """Which of these clients are members right now (the dispatcher's check at send time)."""
    ids = list(client_ids)
    result = set()
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        result |= set(
            _latest_changes()
            .filter(client_id__in=part, kind=MembershipChange.Kind.JOIN)
            .values_list("client_id", flat=True)
        )
    return result


def last_change(client: Client) -> MembershipChange | None:
    return MembershipChange.objects.filter(client=client).order_by("-number").first()


def is_member(client: Client) -> bool:
    change = last_change(client)
    return change is not None and change.kind == MembershipChange.Kind.JOIN


def invitations_of(client: Client) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(client=client, status=Invitation.Status.SENT)
        .select_related("plan__survey", "plan__topic")
        .order_by("-sent_at")
    )


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class TokenCheck:
    invitation: Invitation | None
    problem: str = ""  # a Dutch sentence for the client; empty when the link is good


def check_token(token: str, client: Client | None = None) -> TokenCheck:
    """Look up an invitation link. Tokens are stored hashed; the final comparison is constant
    time. A link of another client is reported like a forged one (nothing is revealed)."""
    forged = TokenCheck(
        None, _("Deze link klopt niet. Gebruik de link uit de e-mail, of kijk bij Klantpanel.")
    )
    if not token or len(token) > 100:
        return forged
    digest = hash_token(token)
    message = (
        OutboxMessage.objects.filter(token_hash=digest)
        .select_related("invitation__plan__survey", "invitation__client")
        .first()
    )
    if message is None or not hmac.compare_digest(message.token_hash, digest):
        return forged
    invitation = message.invitation
    if client is not None and invitation.client_id != client.pk:
        return forged
    if invitation.answered_at is not None:
        return TokenCheck(invitation, _("U heeft deze vragenlijst al ingevuld. Dank u wel!"))
    if not is_member(invitation.client):
        return TokenCheck(
            invitation,
            _("U doet niet meer mee aan het klantpanel. Deze uitnodiging geldt daarom niet meer."),
        )
    plan = invitation.plan
    if plan.expires_at and plan.expires_at < timezone.now() or not plan.survey.is_published:
        return TokenCheck(
            invitation, _("Deze uitnodiging is verlopen. De vragenlijst is gesloten.")
        )
    return TokenCheck(invitation)


def plan_progress(plan: PanelSurvey) -> dict:
    invitations = Counter(
        dict(plan.invitations.order_by().values_list("status").annotate(n=Count("id")))
    )
    outbox = defaultdict(Counter)
    for kind, status, n in (
        plan.outbox.order_by().values_list("kind", "status").annotate(n=Count("id"))
    ):
        outbox[kind][status] = n
    waiting = invitations[Invitation.Status.PLANNED] + invitations[Invitation.Status.SENDING]
    return {"invitations": invitations, "outbox": outbox, "waiting": waiting}


def _respondent_ids(plan: PanelSurvey) -> set[int]:
    from maatwerk.surveys.queries import respondent_client_ids

    return respondent_client_ids(plan.survey)


def _protected(counts: Counter, keys) -> tuple[dict, int]:
    """Counts per group as disclosure control lets them be shown: each in steps of the minimum
    (people outside the listed groups too), a group hidden (None) when it or the rest would be
    too few. Returns the shown counts and the total they are shares of."""
    stepped = {key: disclosure.step(counts.get(key, 0)) for key in keys}
    rest = disclosure.step(sum(n for key, n in counts.items() if key not in stepped))
    total = sum(stepped.values()) + rest
    _total_shown, shown = disclosure.visible_parts(total, stepped)
    return {key: stepped[key] if key in shown else None for key in keys}, total


def _cell(count: int | None, total: int) -> dict:
    if count is None:
        return {"too_few": True}
    return {"too_few": False, "count": count, "percent": round(100 * count / total) if total else 0}


def response_rates(plan: PanelSurvey) -> tuple[list[dict], dict]:
    """Per stratum: invited, responded, rate. Responses count in steps of the minimum group
    size; a stratum with too few of them (or too few invited) shows 'too few responses'
    (``maatwerk.core.disclosure``)."""
    minimum = min_group_size()
    respondents = _respondent_ids(plan)
    invited = defaultdict(int)
    answered = Counter()
    for client_id, stratum, answered_at in plan.invitations.filter(
        status=Invitation.Status.SENT
    ).values_list("client_id", "stratum", "answered_at"):
        invited[stratum] += 1
        if answered_at is not None or client_id in respondents:
            answered[stratum] += 1
    labels = {s["key"]: s["label"] for s in plan.report.get("strata", [])}
    shown, total_answered = _protected(answered, list(invited))
    rows = []
    for key in sorted(invited, key=lambda k: labels.get(k, k)):
        too_few = shown[key] is None or invited[key] < minimum
        rows.append(
            {
                "label": labels.get(key, key),
                "invited": invited[key] if invited[key] >= minimum else None,
                "too_few": too_few,
                "answered": None if too_few else shown[key],
                "rate": None if too_few else round(100 * shown[key] / invited[key]),
            }
        )
    total_invited = sum(invited.values())
    total_shown = disclosure.shown(total_answered)
    total = {
        "invited": total_invited,
        "too_few": not total_shown,
        "answered": total_answered if total_shown else None,
        "rate": round(100 * total_answered / total_invited)
        if total_invited and total_shown
        else None,
    }
    return rows, total


def _distribution(queryset, dimension: str, bands: Bands, today) -> Counter:
    """Group sizes of a whole population, counted in the database."""
    if dimension == "region":
        grouped = queryset.order_by().values_list("office__region_id")
    else:
        grouped = (
            queryset.order_by().annotate(band=bands.case(dimension, today)).values_list("band")
        )
    return Counter(dict(grouped.annotate(n=Count("id"))))


def _respondent_distribution(plan, dimension: str, bands: Bands, today) -> Counter:
    """Group sizes of this plan's respondents (at most the sample), counted here."""
    respondents = _respondent_ids(plan)
    counts = Counter()
    rows = plan.invitations.filter(status=Invitation.Status.SENT).values_list(
        "client_id",
        "answered_at",
        "client__office__region_id",
        "client__date_of_birth",
        "client__benefit_start",
    )
    for client_id, answered_at, region_id, born, start in rows:
        if answered_at is None and client_id not in respondents:
            continue
        if dimension == "region":
            counts[region_id] += 1
        else:
            band = (
                bands.age_band(born, today)
                if dimension == "age"
                else bands.duration_band(start, today)
            )
            counts[band.pk if band else None] += 1
    return counts


def representativeness(plan: PanelSurvey) -> list[dict]:
    """For region, age band and duration band: the share of each group among the respondents,
    the panel and all clients, side by side. Any group smaller than the minimum reads 'too few'."""
    today = timezone.localdate()
    bands = Bands.load()
    region_names = dict(Region.objects.values_list("pk", "name"))
    tables = []
    for dimension in DIMENSIONS:
        counts = {
            "respondents": _respondent_distribution(plan, dimension, bands, today),
            "panel": _distribution(members(), dimension, bands, today),
            "clients": _distribution(Client.objects.real(), dimension, bands, today),
        }
        if dimension == "region":
            groups = sorted(region_names.items(), key=lambda item: item[1])
        else:
            groups = [
                (b.pk, b.label) for b in (bands.age if dimension == "age" else bands.duration)
            ]
        keys = [key for key, _label in groups]
        protected = {name: _protected(c, keys) for name, c in counts.items()}
        totals = {name: total for name, (_shown, total) in protected.items()}
        rows = []
        for key, label in groups:
            if all(counts[name].get(key, 0) == 0 for name in counts):
                continue
            cells = [_cell(shown[key], total) for shown, total in protected.values()]
            rows.append({"label": label, "cells": cells})
        tables.append({"dimension": DIMENSION_LABELS[dimension], "rows": rows, "totals": totals})
    return tables


def plans() -> QuerySet[PanelSurvey]:
    return PanelSurvey.objects.select_related("survey", "topic", "created_by").annotate(
        invited=Count("invitations", filter=Q(invitations__status=Invitation.Status.SENT))
    )


def uncertain_count(plan: PanelSurvey) -> int:
    return plan.outbox.filter(status=OutboxMessage.Status.UNCERTAIN).count()


def preview(plan: PanelSurvey):
    """The sample as it would be drawn now (no writes)."""
    return draw_sample(
        members=members(),
        dimensions=plan.strata,
        target_size=plan.target_size,
        seed=plan.seed,
        rules=current_rules(),
        rules_exception=plan.rules_exception,
    )


def sample_table(report: dict) -> dict:
    """The sample's groups worth a row: those that get invitations. With every grouping chosen
    a panel splits into a hundred groups or more, most too small to get one; they are counted
    under the table instead of listed (issue 13)."""
    strata = report.get("strata", [])
    hidden = [s for s in strata if not s["planned"]]
    return {
        "shown": [s for s in strata if s["planned"]],
        "hidden_groups": len(hidden),
        "hidden_members": sum(s["members"] for s in hidden),
    }
