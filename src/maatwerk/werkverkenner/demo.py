"""The Werkverkenner part of `maatwerk demo_data`: a demo model trained on synthetic cases, and a
few clients of the demo adviser who filled in the Werkverkenner, through the real actions."""

from django.contrib.auth import get_user_model

from maatwerk.clients.models import Client

from . import actions
from .demo_model import train_demo_model
from .queries import questions_of

# Answers of someone who will need help (a low estimate) and of someone who will not.
NEEDS_HELP = {
    "leeftijd": "55-plus",
    "werkervaring": 3,
    "sector": "kantoor",
    "opleiding": "geen",
    "eerdere-uitkering": "ja",
    "verwachting": "heel-klein",
    "zoeken-willen": "misschien",
    "sollicitaties": 0,
    "netwerk": "nooit",
    "vertrouwen": "niet",
    "gezondheid": None,
    "uren-gezondheid": None,
    "ander-beroep": "nee",
    "reistijd": "15",
    "steun": "nee",
    "zorgtaken": "veel",
}
DOING_WELL = {
    "leeftijd": "27-44",
    "werkervaring": 15,
    "sector": "zorg",
    "opleiding": "hbo-wo",
    "eerdere-uitkering": "nee",
    "verwachting": "groot",
    "zoeken-willen": "ja",
    "sollicitaties": 12,
    "netwerk": "vaak",
    "vertrouwen": "zeker",
    "gezondheid": "nee",
    "uren-gezondheid": "32-plus",
    "ander-beroep": "ja",
    "reistijd": "60",
    "steun": "ja",
    "zorgtaken": "nee",
}
DEMO_SUBMISSIONS = 5


def fill_in(client, answers: dict, *, user=None):
    """Start, answer page by page and submit (the real actions)."""
    submission = actions.start(client=client, user=user)
    by_page: dict[int, dict] = {}
    for question in questions_of(submission.questionnaire):
        by_page.setdefault(question.page, {})[question.code] = answers[question.code]
    for page, page_answers in sorted(by_page.items()):
        submission = actions.save_page(
            submission=submission, page=page, answers=page_answers, user=user
        )
    return actions.submit(submission=submission, user=user)


def load(progress=lambda text: None) -> None:
    progress("Werkverkenner: demomodel trainen op verzonnen gegevens ...")
    version = train_demo_model(rows=2000, seed=1)
    progress(f"Werkverkenner: {version.name} is actief.")
    User = get_user_model()
    adviser = User.objects.filter(username="adviseur").select_related("staff_member").first()
    if adviser is None:
        return
    clients = (
        Client.objects.real()
        .filter(assignments__staff=adviser.staff_member, assignments__ended_at__isnull=True)
        .exclude(user__username="klant")
        .order_by("pk")[:DEMO_SUBMISSIONS]
    )
    for number, client in enumerate(clients):
        answers = DOING_WELL if number == DEMO_SUBMISSIONS - 1 else NEEDS_HELP
        fill_in(client, dict(answers))
    progress("Werkverkenner: de demo-adviseur heeft uitnodigingen op de werklijst.")
