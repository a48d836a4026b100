"""Maatwerk's proposal per Werkverkenner band, contact preference and the client's requests."""

import pytest

from maatwerk.serviceplan.models import ServiceType
from maatwerk.serviceplan.proposal import propose
from maatwerk.serviceplan.queries import catalogue

from .helpers import BASE, NETWORK, ONLINE, TALK, WORKSHOP, service

pytestmark = pytest.mark.django_db


def proposed(band, digital=True, channel="portal", requested=()):
    result = propose(
        catalogue=catalogue(),
        band=band,
        uses_digital_channels=digital,
        channel=channel,
        requested=[service(code) for code in requested],
    )
    return result, {s.code for s in result.services}


@pytest.mark.parametrize(
    ("band", "expected"),
    [
        ("0-25", {BASE, TALK, NETWORK}),
        ("25-50", {BASE, TALK, WORKSHOP, NETWORK}),
        ("50-75", {BASE, ONLINE}),
        ("75-100", {BASE}),
        (None, {BASE, TALK}),  # no Werkverkenner: get to know the client
    ],
)
def test_proposal_per_band(band, expected):
    assert proposed(band)[1] == expected


def test_online_base_is_always_proposed_with_its_reason():
    result, _ = proposed("75-100")
    assert result.items[0].service.code == BASE
    assert result.items[0].why == ["De online basis is voor iedereen."]


def test_client_without_digital_channels_gets_a_conversation_and_no_online_training():
    result, codes = proposed("50-75", digital=False, channel="letter")
    assert codes == {BASE, TALK}
    talk = next(item for item in result.items if item.service.code == TALK)
    assert "De cliënt gebruikt geen digitale kanalen." in talk.why
    assert any("Online training is niet voorgesteld" in note for note in result.notes)


def test_phone_preference_is_named_for_the_conversation():
    result, _ = proposed("0-25", channel="phone")
    talk = next(item for item in result.items if item.service.code == TALK)
    assert "Voorkeur van de cliënt: gesprek via telefoon." in talk.why


def test_what_the_client_asked_for_is_proposed():
    result, codes = proposed("75-100", requested=[WORKSHOP])
    assert codes == {BASE, WORKSHOP}
    workshop = next(item for item in result.items if item.service.code == WORKSHOP)
    assert workshop.why == ["De cliënt heeft hierom gevraagd."]


def test_inactive_services_are_never_proposed():
    ServiceType.objects.filter(code=NETWORK).update(is_active=False)
    assert NETWORK not in proposed("0-25", requested=[NETWORK])[1]


def test_rules_are_data():
    # An organisation changes its rules in the admin; the proposal follows without code changes.
    ServiceType.objects.filter(code=WORKSHOP).update(proposed_for_bands=["75-100"])
    assert proposed("75-100")[1] == {BASE, WORKSHOP}


def test_band_list_is_checked():
    from django.core.exceptions import ValidationError

    workshop = service(WORKSHOP)
    workshop.proposed_for_bands = ["0-25", "veel"]
    with pytest.raises(ValidationError) as error:
        workshop.full_clean()
    assert "proposed_for_bands" in error.value.message_dict
