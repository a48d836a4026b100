"""Proportional stratified sampling under the contact-frequency rules. Pure reads: the preview
and the plan step call the same ``draw_sample``, so what the researcher saw is what is sent
(given the same seed and the same panel)."""

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils import timezone

from maatwerk.organisation.models import Region

from .conf import app_settings
from .models import ContactRules, Invitation
from .strata import Bands, stratum_key, stratum_label

SKIP_MAX_PER_YEAR = "max_per_year"
SKIP_TOO_RECENT = "too_recent"
# Members without an e-mail address are sampled like everyone else and invited by letter, with
# a personal code (docs/adr/0035); the report counts them. Plans drawn before that have a
# "no_email" skip count in their stored report.
SKIP_REASONS = (SKIP_MAX_PER_YEAR, SKIP_TOO_RECENT)


def current_rules() -> ContactRules:
    """The organisation's rules; unsaved defaults (from settings) when none were set."""
    rules = ContactRules.objects.filter(pk=1).first()
    if rules is None:
        rules = ContactRules(
            pk=1,
            max_per_year=app_settings.PANEL_MAX_INVITATIONS_PER_YEAR,
            min_days_between=app_settings.PANEL_MIN_DAYS_BETWEEN,
            reminder_after_days=app_settings.PANEL_REMINDER_AFTER_DAYS,
            valid_days=app_settings.PANEL_INVITATION_VALID_DAYS,
        )
    return rules


def rules_snapshot(rules: ContactRules) -> dict:
    return {
        "max_per_year": rules.max_per_year,
        "min_days_between": rules.min_days_between,
        "reminder_after_days": rules.reminder_after_days,
        "valid_days": rules.valid_days,
    }


def rule_skips(rules: ContactRules, now: dt.datetime, exclude_plan_id=None) -> dict[int, str]:
    """Client id → why the rules forbid inviting them now. Only invitations count (planned or
    sent, not cancelled); reminders are not invitations and never count."""
    year_ago = now - dt.timedelta(days=365)
    recent = now - dt.timedelta(days=rules.min_days_between)
    history = Invitation.objects.filter(created_at__gt=year_ago).exclude(
        status=Invitation.Status.CANCELLED
    )
    if exclude_plan_id is not None:
        history = history.exclude(plan_id=exclude_plan_id)
    skips = {}
    for client_id, count, last in (
        history.values("client_id")
        .annotate(n=Count("id"), last=Max("created_at"))
        .values_list("client_id", "n", "last")
    ):
        if count >= rules.max_per_year:
            skips[client_id] = SKIP_MAX_PER_YEAR
        elif last > recent:
            skips[client_id] = SKIP_TOO_RECENT
    return skips


def allocate(sizes: dict[str, int], capacity: dict[str, int], n: int) -> dict[str, int]:
    """Share ``n`` over strata in proportion to their size in the panel (largest remainder),
    never more than a stratum can give; what a full stratum cannot take goes to the others,
    again in proportion."""
    allocation = dict.fromkeys(sizes, 0)
    remaining = min(n, sum(capacity.values()))
    while remaining > 0:
        open_keys = sorted(k for k in sizes if allocation[k] < capacity[k])
        weight = sum(sizes[k] for k in open_keys)
        if not open_keys or weight == 0:
            break
        quotas = {k: remaining * sizes[k] / weight for k in open_keys}
        shares = {k: int(quotas[k]) for k in open_keys}
        leftover = remaining - sum(shares.values())
        for k in sorted(open_keys, key=lambda k: (-(quotas[k] - shares[k]), k))[:leftover]:
            shares[k] += 1
        given = 0
        for k in open_keys:
            take = min(shares[k], capacity[k] - allocation[k])
            allocation[k] += take
            given += take
        remaining -= given
        if given == 0:
            break
    return allocation


@dataclass
class Sample:
    chosen: dict[str, list[int]]  # stratum key → client ids
    report: dict = field(default_factory=dict)

    @property
    def size(self) -> int:
        return sum(len(ids) for ids in self.chosen.values())


def draw_sample(
    *,
    members,
    dimensions,
    target_size: int,
    seed: int,
    rules: ContactRules,
    rules_exception: bool,
    now=None,
    exclude_plan_id=None,
) -> Sample:
    """``members`` is a queryset of current panel members (clients). Deterministic: the same
    members, rules, seed and target always give the same sample."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    bands = Bands.load()
    skips = {} if rules_exception else rule_skips(rules, now, exclude_plan_id)
    sizes: dict[str, int] = defaultdict(int)
    eligible: dict[str, list[int]] = defaultdict(list)
    skipped: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SKIP_REASONS, 0))
    without_email: set[int] = set()
    rows = members.values_list("pk", "office__region_id", "date_of_birth", "benefit_start", "email")
    for pk, region_id, born, start, email in rows.order_by("pk").iterator(chunk_size=5000):
        key = stratum_key(
            dimensions,
            region_id,
            bands.age_band(born, today) if "age" in dimensions else None,
            bands.duration_band(start, today) if "duration" in dimensions else None,
        )
        sizes[key] += 1
        if not email:
            without_email.add(pk)
        reason = skips.get(pk)
        if reason:
            skipped[key][reason] += 1
        else:
            eligible[key].append(pk)
    capacity = {k: len(eligible[k]) for k in sizes}
    allocation = allocate(dict(sizes), capacity, target_size)
    chosen = {}
    for key in sorted(sizes):
        ids = eligible[key]
        random.Random(f"{seed}:{key}").shuffle(ids)  # noqa: S311 (sampling, not security)
        chosen[key] = sorted(ids[: allocation[key]])
    region_names = dict(Region.objects.values_list("pk", "name"))
    strata = [
        {
            "key": key,
            "label": stratum_label(key, bands, region_names),
            "members": sizes[key],
            "skipped": dict(skipped[key]),
            "eligible": capacity[key],
            "planned": allocation[key],
            "by_letter": sum(1 for pk in chosen[key] if pk in without_email),
        }
        for key in sorted(sizes, key=lambda k: stratum_label(k, bands, region_names))
    ]
    totals = {"members": sum(sizes.values()), "eligible": sum(capacity.values())}
    totals["planned"] = sum(allocation.values())
    totals["by_letter"] = sum(s["by_letter"] for s in strata)
    for reason in SKIP_REASONS:
        totals[reason] = sum(s["skipped"][reason] for s in strata)
    report = {
        "strata": strata,
        "totals": totals,
        "target_size": target_size,
        "seed": seed,
        "dimensions": list(dimensions),
        "rules_exception": rules_exception,
        "rules": rules_snapshot(rules),
        "drawn_at": now.isoformat(),
    }
    return Sample(chosen, report)
