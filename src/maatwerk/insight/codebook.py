"""The default codebook Maatwerk ships with (issue 14). Written into the database by a data
migration; from then on the organisation edits it (codes are retired, never deleted)."""

DEFAULT_CODES = [
    (
        "contactpersoon",
        "Contactpersoon",
        "Eén vaste contactpersoon, continuïteit, het verhaal niet opnieuw hoeven vertellen, "
        "een contact met naam of anoniem.",
    ),
    ("bejegening", "Bejegening", "Respect, luisteren, inlevingsvermogen, beleefdheid."),
    (
        "digitaal",
        "Digitaal",
        "Website, online formulieren, het kanaal van de e-coach, digitale vaardigheden, "
        "geen computer hebben.",
    ),
    (
        "informatie",
        "Informatie",
        "Duidelijke brieven, regels en plichten, weten waar men aan toe is.",
    ),
    (
        "terugkoppeling",
        "Terugkoppeling",
        "Antwoorden, reactietijd, op de hoogte gehouden worden, reactie op de eigen inbreng.",
    ),
    (
        "inkomen",
        "Inkomen",
        "Betaling van de uitkering, zekerheid over inkomen, besluiten, maatregelen.",
    ),
    (
        "werk",
        "Werk",
        "Hulp bij het zoeken naar werk, vacatures, trainingen, workshops, perspectief.",
    ),
    (
        "maatwerk",
        "Maatwerk",
        "Flexibiliteit, hulp op maat, persoonlijke omstandigheden.",
    ),
]


def install_defaults(code_model=None, **kwargs) -> None:
    """A codebook that is empty gets the default codes; one the organisation has is left alone.

    Called by the data migration (with the historical model) and after a flush (post_migrate).
    """
    if code_model is None:
        from .models import Code as code_model
    if code_model.objects.exists():
        return
    code_model.objects.bulk_create(
        [
            code_model(code=code, name=name, description=description, order=order)
            for order, (code, name, description) in enumerate(DEFAULT_CODES, start=1)
        ]
    )
