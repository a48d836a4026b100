"""The demo step, on the demo log-ins made here with the factories."""

import pytest

from maatwerk.core.tests import factories
from maatwerk.letters import demo
from maatwerk.letters.models import LetterTemplate, SentLetter, State
from maatwerk.letters.queries import latest_version, state_of

pytestmark = pytest.mark.django_db


def test_demo_publishes_the_welcome_letter_and_sends_the_klant_letters(office, adviser):
    factories.make_staff("Briefredacteur", offices=[office], username="redacteur")
    factories.make_staff("Juridisch controleur", offices=[office], username="jurist")
    factories.make_staff("Lid cliëntenraad", offices=[office], username="raadslid")
    klant = factories.make_client(
        contact_person=adviser,
        street="Lindelaan",
        house_number="8",
        postal_code="3511 AA",
        city="Utrecht",
    )
    from django.contrib.auth import get_user_model

    klant.user = get_user_model().objects.create_user("klant")
    klant.save(update_fields=["user"])
    messages = []
    demo.load(messages.append)
    welcome = LetterTemplate.objects.get(shipped_key="welkom")
    assert welcome.published_version is not None
    draft = LetterTemplate.objects.get(title=demo.DRAFT_TITLE)
    assert state_of(latest_version(draft)) == State.LEGAL_REVIEW
    assert SentLetter.objects.filter(client=klant).count() == 2
    demo.load(messages.append)  # a second run adds nothing
    assert SentLetter.objects.count() == 2
