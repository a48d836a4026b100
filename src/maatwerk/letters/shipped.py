"""The letters Maatwerk ships: data (Dutch letter texts in ``data/<key>.txt``), added as drafts by
``actions.install_shipped`` so every organisation approves them itself before sending."""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def body(key: str) -> str:
    return (DATA / f"{key}.txt").read_text(encoding="utf-8").strip()


SHIPPED = [
    {
        "key": "welkom",
        "title": "Welkomstbrief WW",
        "purpose": "Voor nieuwe cliënten met een WW-uitkering: wie hun adviseur is en wat zij "
        "moeten doen.",
        "subject": "Welkom, {{ client.first_name }}: dit is uw adviseur",
        "usable_as_reply": False,
    },
    {
        "key": "antwoord-afspraak",
        "title": "Antwoord: afspraak maken",
        "purpose": "Antwoord op een bericht als een gesprek nodig is.",
        "subject": "Laten we een afspraak maken",
        "usable_as_reply": True,
    },
    {
        "key": "antwoord-ontvangen",
        "title": "Antwoord: vraag ontvangen",
        "purpose": "Antwoord op een vraag die tijd kost om uit te zoeken.",
        "subject": "Uw vraag is ontvangen",
        "usable_as_reply": True,
    },
]
