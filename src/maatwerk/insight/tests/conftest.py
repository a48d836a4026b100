import pytest

from maatwerk.insight import classifier, store


@pytest.fixture(scope="session")
def starter_model():
    """The shipped starter model, loaded once (its encoder loads on first use)."""
    return store.load_named("default")


@pytest.fixture(scope="session")
def tiny_model():
    """A TF-IDF model fitted in a blink on a handful of sentences."""
    return classifier.fit(*tiny_examples(), method=classifier.TFIDF)


def tiny_examples():
    rows = [
        ("Mijn uitkering kwam te laat.", ["inkomen"], "negatief"),
        ("De uitkering is op tijd betaald.", ["inkomen"], "positief"),
        ("Ik kreeg geen geld deze maand.", ["inkomen"], "negatief"),
        ("De website doet het niet.", ["digitaal"], "negatief"),
        ("Inloggen op de website ging makkelijk.", ["digitaal"], "positief"),
        ("De app werkt goed.", ["digitaal"], ""),
        ("Mijn adviseur luisterde goed.", ["bejegening"], "positief"),
        ("Ze was onvriendelijk.", ["bejegening"], "negatief"),
        ("Ik heb een vraag.", [], "neutraal"),
    ]
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


@pytest.fixture
def insight_on(settings):
    """Classification on arrival, as in production (the root conftest turns it off)."""
    settings.INSIGHT_CLASSIFY_ON_ARRIVAL = True
    return settings
