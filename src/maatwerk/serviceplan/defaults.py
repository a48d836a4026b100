"""The catalogue and cycle rules a new installation starts with. After that they are data: the
administrator edits them in the admin. Used by a data migration and after a ``flush``.

Names and descriptions are Dutch source text in the catalogue, so a shipped service is shown in
the reader's language; one the administrator adds or rewrites shows as typed (core.source_text).
"""

from django.utils.translation import gettext_noop

SERVICES = [
    {
        "code": "online-basis",
        "name": gettext_noop("Online basis"),
        "kind": "online_base",
        "order": 10,
        "description": gettext_noop(
            "U zoekt zelf werk met de hulp van Mijn omgeving. U vindt er vacatures, tips en "
            "uw berichten. U kunt altijd een vraag stellen aan uw adviseur."
        ),
        "client_can_request": False,
        "needs_digital": False,
        "proposed_for_bands": [],
        "proposed_when_not_digital": False,
    },
    {
        "code": "persoonlijk-gesprek",
        "name": gettext_noop("Persoonlijk gesprek"),
        "kind": "conversation",
        "order": 20,
        "description": gettext_noop(
            "U praat met uw adviseur over werk. Samen kijkt u wat u nodig heeft. Het gesprek is "
            "op een werkplein, of via de telefoon of video."
        ),
        "client_can_request": True,
        "needs_digital": False,
        "proposed_for_bands": ["0-25", "25-50", "geen"],
        "proposed_when_not_digital": True,
    },
    {
        "code": "workshop-solliciteren",
        "name": gettext_noop("Workshop solliciteren"),
        "kind": "workshop",
        "order": 30,
        "description": gettext_noop(
            "In een groep oefent u met een sollicitatiebrief en een sollicitatiegesprek. De "
            "workshop duurt een ochtend."
        ),
        "client_can_request": True,
        "needs_digital": False,
        "proposed_for_bands": ["25-50"],
        "proposed_when_not_digital": False,
    },
    {
        "code": "online-training",
        "name": gettext_noop("Online training"),
        "kind": "online_training",
        "order": 40,
        "description": gettext_noop(
            "U volgt thuis een training op de computer, wanneer het u uitkomt. Bijvoorbeeld over "
            "uw cv of over zoeken op internet."
        ),
        "client_can_request": True,
        "needs_digital": True,
        "proposed_for_bands": ["50-75"],
        "proposed_when_not_digital": False,
    },
    {
        "code": "netwerktraining",
        "name": gettext_noop("Netwerktraining"),
        "kind": "network_training",
        "order": 50,
        "description": gettext_noop(
            "U leert hoe u via mensen die u kent aan werk komt. U doet dit samen met andere "
            "werkzoekenden."
        ),
        "client_can_request": True,
        "needs_digital": False,
        "proposed_for_bands": ["0-25", "25-50"],
        "proposed_when_not_digital": False,
    },
]

# More help, more conversations: the lower the estimated chance of work, the more follow-ups.
CYCLE_RULES = [
    {"band": "0-25", "first_within_days": 14, "follow_ups": 5, "min_gap_days": 21},
    {"band": "25-50", "first_within_days": 14, "follow_ups": 4, "min_gap_days": 21},
    {"band": "50-75", "first_within_days": 28, "follow_ups": 2, "min_gap_days": 28},
    {"band": "75-100", "first_within_days": 28, "follow_ups": 1, "min_gap_days": 28},
    {"band": "geen", "first_within_days": 21, "follow_ups": 3, "min_gap_days": 21},
]


def install(ServiceType, CycleRule, using: str = "default") -> None:
    """Add the defaults that are missing (by code or band); never changes existing rows."""
    for row in SERVICES:
        ServiceType.objects.using(using).get_or_create(code=row["code"], defaults=row)
    for row in CYCLE_RULES:
        CycleRule.objects.using(using).get_or_create(band=row["band"], defaults=row)
