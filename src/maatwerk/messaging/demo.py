"""The messaging part of `maatwerk demo_data`: a handful of threads through the real actions,
for the demo client `klant` and the demo adviser's clients. Some wait for a reply past the
response-time target, some are nobody's yet, one was handed over, and one reply to a client
without digital channels became a phone call on the adviser's call list."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from maatwerk.clients.models import Client

from . import actions
from .rules import colleagues_for

QUESTIONS = [
    ("Vraag over mijn sollicitatieplicht", "Hoeveel sollicitaties moet ik per maand doen?"),
    ("Cursus Excel", "Kan ik een cursus Excel volgen terwijl ik een uitkering heb?"),
    ("Afspraak verzetten", "Ik kan volgende week dinsdag niet. Kunnen we een andere dag kiezen?"),
    ("Vakantie doorgeven", "Ik ga van 3 tot 10 juni naar mijn familie. Moet ik dat melden?"),
    ("Werkervaringsplaats", "Ik heb gehoord over werkervaringsplaatsen. Is dat iets voor mij?"),
    ("Reiskosten sollicitatiegesprek", "Krijg ik de reiskosten voor een gesprek in Utrecht terug?"),
]


def _user(username):
    return get_user_model().objects.filter(username=username).select_related("staff_member").first()


def load(progress=lambda text: None) -> None:
    adviser_user, klant_user = _user("adviseur"), _user("klant")
    if adviser_user is None:
        return
    adviser = adviser_user.staff_member
    now = timezone.now()
    clients = list(
        Client.objects.real()
        .filter(assignments__staff=adviser, assignments__ended_at__isnull=True)
        .exclude(user__username="klant")
        .order_by("pk")[: len(QUESTIONS)]
    )
    threads = 0
    klant = getattr(klant_user, "client", None)
    if klant is not None:
        first = actions.send_client_message(
            client=klant,
            subject="Hulp bij mijn cv",
            body=f"Beste {adviser.first_name},\nWilt u naar mijn cv kijken? Ik heb het aangepast.",
            at=now - timedelta(days=6),
        ).thread
        actions.reply(
            thread=first,
            author=adviser,
            body="Dank u wel. Uw cv is duidelijk. Zet uw laatste baan bovenaan.",
            at=now - timedelta(days=5),
        )
        actions.send_client_message(
            client=klant,
            subject="Vraag over een workshop",
            body="Is er binnenkort een workshop solliciteren op het werkplein?",
            at=now - timedelta(hours=3),
        )
        threads += 2
    for number, (client, (subject, body)) in enumerate(zip(clients, QUESTIONS, strict=False)):
        # Every other question is old: past the response-time target.
        age = timedelta(days=9) if number % 2 == 0 else timedelta(hours=number + 1)
        thread = actions.send_client_message(
            client=client, subject=subject, body=body, at=now - age
        ).thread
        threads += 1
        if number == 1:
            actions.take(thread=thread, by_staff=adviser, at=now - age + timedelta(minutes=5))
        elif number == 3:
            colleague = colleagues_for(thread).exclude(pk=adviser.pk).first()
            if colleague is not None:
                actions.take(thread=thread, by_staff=colleague, at=now - age)
                actions.hand_over(
                    thread=thread,
                    to_staff=adviser,
                    by_staff=colleague,
                    reason=f"{adviser.first_name} is de vaste adviseur en kent deze cliënt.",
                    at=now - age + timedelta(minutes=30),
                )
    offline = (
        Client.objects.real()
        .filter(
            assignments__staff=adviser,
            assignments__ended_at__isnull=True,
            uses_digital_channels=False,
        )
        .exclude(pk__in=[c.pk for c in clients])
        .order_by("pk")
        .first()
    )
    if offline is not None:
        thread = actions.send_client_message(
            client=offline,
            subject="Brief over mijn uitkering",
            body="Mijn dochter typt dit voor mij. Ik begrijp de brief over mijn uitkering niet.",
            at=now - timedelta(days=2),
        ).thread
        actions.reply(
            thread=thread,
            author=adviser,
            body="Ik bel u om de brief samen door te nemen.",
            at=now - timedelta(days=1),
        )
        threads += 1
    progress(f"Berichten: {threads} gesprekken voor de demo-adviseur en de demo-cliënt.")
