"""Maatwerk's proposal for a plan: pure rules over the catalogue, so they are easy to test.

The rules themselves are data on each service (``proposed_for_bands``, ``needs_digital``,
``proposed_when_not_digital``); this module only applies them. The adviser decides.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from maatwerk.werkverkenner.explain import band_label

from .models import NO_BAND, ServiceType


@dataclass
class ProposedItem:
    service: ServiceType
    why: list[str] = field(default_factory=list)


@dataclass
class Proposal:
    band: str
    uses_digital_channels: bool
    items: list[ProposedItem]
    notes: list[str] = field(default_factory=list)

    @property
    def services(self) -> list[ServiceType]:
        return [item.service for item in self.items]

    def service_ids(self) -> set[int]:
        return {item.service.pk for item in self.items}


def propose(
    *,
    catalogue: Iterable[ServiceType],
    band: str | None,
    uses_digital_channels: bool,
    channel: str = "",
    requested: Iterable[ServiceType] = (),
) -> Proposal:
    band = band or NO_BAND
    requested_ids = {service.pk for service in requested}
    items: list[ProposedItem] = []
    notes: list[str] = []
    for service in sorted(catalogue, key=lambda s: (s.order, s.name, s.pk)):
        if not service.is_active:
            continue
        why = _reasons(service, band, uses_digital_channels, channel, service.pk in requested_ids)
        if why:
            items.append(ProposedItem(service, why))
        elif service.needs_digital and not uses_digital_channels and band in _bands(service):
            notes.append(
                _("%(service)s is niet voorgesteld: de cliënt gebruikt geen digitale kanalen.")
                % {"service": service.name}
            )
    return Proposal(band, uses_digital_channels, items, notes)


def _bands(service: ServiceType) -> list[str]:
    return [str(band) for band in (service.proposed_for_bands or [])]


def _reasons(service, band, digital, channel, requested) -> list[str]:
    why = []
    if service.kind == ServiceType.Kind.ONLINE_BASE:
        why.append(_("De online basis is voor iedereen."))
    if requested:
        why.append(_("De cliënt heeft hierom gevraagd."))
    fits_channel = digital or not service.needs_digital
    if band in _bands(service) and fits_channel:
        if band == NO_BAND:
            why.append(_("De cliënt heeft geen Werkverkenner ingevuld."))
        else:
            why.append(
                _("Past bij de Werkverkenner-uitslag: %(band)s.") % {"band": band_label(band)}
            )
    if not digital and service.proposed_when_not_digital:
        why.append(_("De cliënt gebruikt geen digitale kanalen."))
    if why and service.kind == ServiceType.Kind.CONVERSATION and channel in {"phone", "video"}:
        label = _("telefoon") if channel == "phone" else _("video")
        why.append(_("Voorkeur van de cliënt: gesprek via %(channel)s.") % {"channel": label})
    return why
