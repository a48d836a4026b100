"""The feedback part of `maatwerk demo_data`: compliments for the demo adviser, open, overdue and
answered feedback at a few offices, and one mirror conversation with improvement points. Through
the real actions, on a bounded number of rows (a few dozen, whatever the number of clients)."""

import datetime as dt
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from maatwerk.clients.models import Client
from maatwerk.organisation.models import Office

from . import actions, queries
from .models import Compliment

COMPLIMENTS = [
    ("Ze nam echt de tijd voor mij en belde terug toen ze dat beloofde.", False),
    ("Dankzij het gesprek weet ik weer wat ik wil. Heel fijn!", False),
    ("Duidelijke uitleg over mijn plichten, zonder dat ik me dom voelde.", True),
]
FEEDBACK = [
    # kind, text, days ago, answered
    ("complaint", "Ik heb drie keer gebeld en niemand belde terug.", 50, False),
    ("feedback", "De brief over mijn uitkering was moeilijk te lezen.", 20, False),
    ("suggestion", "Kunnen jullie ook 's avonds een spreekuur houden?", 2, False),
    ("feedback", "Het gesprek op het werkplein was prettig en kort.", 12, True),
]
OTHER_OFFICES = 2
ANSWER = (
    "Dank u wel voor uw reactie. Wij hebben het besproken in het team en passen het aan. "
    "Heeft u nog vragen? Bel of mail mij gerust."
)


def _user(username: str):
    return get_user_model().objects.filter(username=username).select_related("staff_member").first()


def _clients_of(office: Office, count: int):
    return list(
        Client.objects.real()
        .filter(office=office, user__isnull=True)
        .with_contact_person()
        .order_by("pk")[:count]
    )


def _adviser_clients(adviser_staff) -> list:
    """The demo adviser's clients, with the 'klant' log-in on the answered one (the last)."""
    clients = list(
        Client.objects.real()
        .filter(assignments__staff=adviser_staff, assignments__ended_at__isnull=True)
        .exclude(user__username="klant")
        .order_by("pk")[: len(FEEDBACK) - 1]
    )
    klant = Client.objects.filter(user__username="klant").first()
    if klant is not None:
        clients.append(klant)
    return clients


def _feedback_for(clients: list) -> None:
    now = timezone.now()
    for client, (kind, text, days_ago, answered) in zip(clients, FEEDBACK, strict=False):
        item = actions.submit_feedback(
            client=client,
            kind=kind,
            text=text,
            wants_answer=True,
            token=uuid.uuid4(),
            received_at=now - dt.timedelta(days=days_ago),
        )
        if answered and item.owner is not None:
            actions.answer_feedback(item=item, by_user=item.owner.user, text=ANSWER)


def load(progress=lambda text: None) -> None:
    adviser, manager = _user("adviseur"), _user("manager")
    if adviser is None or manager is None or Compliment.objects.exists():
        return
    adviser_staff = adviser.staff_member
    home = adviser_staff.offices.order_by("name").first()
    givers = list(
        Client.objects.real()
        .filter(assignments__staff=adviser_staff, assignments__ended_at__isnull=True)
        .order_by("pk")[: len(COMPLIMENTS)]
    )
    for client, (text, anonymous) in zip(givers, COMPLIMENTS, strict=False):
        actions.give_compliment(
            client=client, staff=adviser_staff, text=text, anonymous=anonymous, token=uuid.uuid4()
        )
    progress(f"Reacties: {len(givers)} complimenten voor de demo-adviseur.")

    others = list(Office.objects.exclude(pk=home.pk).order_by("name")[:OTHER_OFFICES])
    _feedback_for(_adviser_clients(adviser_staff))
    for office in others:
        _feedback_for(_clients_of(office, len(FEEDBACK)))
    offices = [home, *others]
    progress(f"Reacties: open, te late en beantwoorde reacties bij {len(offices)} vestigingen.")

    session, _found = actions.record_session(
        by_user=manager,
        kind="mirror",
        held_on=timezone.localdate() - dt.timedelta(days=14),
        office=home,
        topic="Bereikbaarheid van je adviseur",
        notes=(
            "Cliënten willen weten wanneer ze worden teruggebeld. Een cliënt vertelde dat hij "
            "een week wachtte op antwoord. Anderen vonden het fijn dat ze één vaste adviseur "
            "hebben. Brieven zijn vaak te lang."
        ),
        counts={
            "clients_count": 7,
            "advisers_count": 4,
            "managers_count": 1,
            "council_members_count": 2,
        },
        token=uuid.uuid4(),
    )
    owners = list(queries.point_owner_choices(session)[:2]) or [manager.staff_member]
    points = [
        ("Terugbellen binnen één werkdag, en zeggen wanneer.", adviser_staff),
        ("Brieven korter maken, samen met het brievenboek.", owners[-1]),
        ("Een vaste inloop op dinsdagavond proberen.", manager.staff_member),
    ]
    made = [
        actions.add_improvement_point(session=session, by_user=manager, text=text, owner=owner)
        for text, owner in points
    ]
    actions.update_point_status(point=made[0], by_user=manager, status="in_progress")
    progress("Reacties: een spiegelgesprek met drie verbeterpunten.")
