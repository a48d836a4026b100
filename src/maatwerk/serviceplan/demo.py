"""The service plan's part of `maatwerk demo_data`: plans for a bounded number of the demo
adviser's clients (the `klant` log-in among them), through the real actions, so the call list
("Beldag") and the plan pages show something."""

from django.contrib.auth import get_user_model

from maatwerk.clients.models import Client

from . import actions, queries

DEMO_PLANS = 12


def load(progress=lambda text: None) -> None:
    User = get_user_model()
    adviser = User.objects.filter(username="adviseur").select_related("staff_member").first()
    if adviser is None:
        return
    clients = list(
        Client.objects.real()
        .filter(assignments__staff=adviser.staff_member, assignments__ended_at__isnull=True)
        .exclude(user__username="klant")
        .order_by("pk")[: DEMO_PLANS - 1]
    )
    klant = Client.objects.filter(user__username="klant").first()
    for number, client in enumerate(clients):
        proposal = actions.propose_plan(client=client)
        if number % 4 == 3:
            continue  # a few proposals wait for the adviser's decision
        actions.decide_plan(
            client=client,
            services=[item.service for item in proposal.items.all()],
            user=adviser,
        )
    if klant is not None and queries.current_plan(klant) is None:
        proposal = actions.propose_plan(client=klant)
        actions.decide_plan(
            client=klant, services=[item.service for item in proposal.items.all()], user=adviser
        )
        wanted = queries.requestable_services().exclude(
            pk__in=[item.service_id for item in queries.current_plan(klant).items.all()]
        )
        wish = wanted.filter(kind="network_training").first() or wanted.first()
        if wish is not None:
            actions.request_service(
                client=klant,
                service=wish,
                why="Ik wil graag leren hoe ik mijn netwerk gebruik.",
                user=klant.user,
            )
    progress(
        f"Dienstverleningsplan: plannen voor {len(clients) + 1} cliënten van de demo-adviseur."
    )
