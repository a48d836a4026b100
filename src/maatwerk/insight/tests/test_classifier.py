"""The classifier's interface: themes, sentiment, and texts it must not guess about."""

import numpy as np
import pytest

from maatwerk.insight import classifier, text
from maatwerk.insight.errors import InsightError

from .conftest import tiny_examples


def test_cleaning_removes_html_and_caps_length():
    assert text.clean("<p>Mijn <b>uitkering</b> &amp; mijn geld</p><script>x()</script>") == (
        "Mijn uitkering & mijn geld"
    )
    assert text.clean(None) == ""
    long = "woord " * 2000
    cleaned = text.clean(long)
    assert len(cleaned) <= text.MAX_CHARS and cleaned.endswith("woord")


@pytest.mark.parametrize(
    "sample, language",
    [
        ("Mijn adviseur luistert goed naar mij en neemt de tijd.", text.DUTCH),
        ("Ik snap de brief niet", text.DUTCH),  # short: too little to tell, counts as Dutch
        ("I do not understand the letter I received from you at all", text.OTHER_LANGUAGE),
        ("Ich verstehe den Brief nicht und brauche Hilfe beim Ausfüllen", text.OTHER_LANGUAGE),
        (
            "Je ne comprends pas cette lettre, pouvez-vous m'aider s'il vous plaît",
            text.OTHER_LANGUAGE,
        ),
        ("   ", text.EMPTY),
        ("<br><br>", text.EMPTY),
    ],
)
def test_language(sample, language):
    assert text.prepare(sample).language == language


def test_starter_set_reads_as_dutch():
    import csv

    from maatwerk.insight.store import DEFAULT

    with open(DEFAULT.parent / "starter_set.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 300
    other = [r["text"] for r in rows if text.prepare(r["text"]).language != text.DUTCH]
    assert other == []


def test_starter_model_labels_clear_sentences(starter_model):
    labels = starter_model.predict(
        [
            "Mijn uitkering is al twee weken te laat, ik kan de huur niet betalen.",
            "Ik moest mijn verhaal weer aan een nieuwe adviseur vertellen.",
            "Ze luisterde echt naar mij, heel vriendelijk.",
        ]
    )
    assert "inkomen" in labels[0].themes and labels[0].sentiment == "negatief"
    assert "contactpersoon" in labels[1].themes and labels[1].sentiment == "negatief"
    assert "bejegening" in labels[2].themes and labels[2].sentiment == "positief"
    assert starter_model.version.startswith("insight-")


def test_no_theme_or_sentiment_is_guessed_for_other_languages_or_empty_texts(starter_model):
    labels = starter_model.predict(
        ["I never got an answer to my complaint about the payment", "", None, "<p> </p>"]
    )
    assert [(lab.themes, lab.sentiment) for lab in labels] == [([], "")] * 4
    assert [lab.language for lab in labels] == ["andere taal", "leeg", "leeg", "leeg"]


def test_html_and_very_long_texts_are_classified(starter_model):
    long = "Mijn uitkering kwam weer te laat. " * 500
    labels = starter_model.predict(["<div>Mijn <i>uitkering</i> kwam te laat!</div>", long])
    assert all(lab.language == "nl" and lab.sentiment for lab in labels)
    assert "inkomen" in labels[0].themes


def test_tiny_fit_learns_and_predicts(tiny_model):
    assert tiny_model.themes == ["bejegening", "digitaal", "inkomen"]
    assert tiny_model.sentiments == ["negatief", "neutraal", "positief"]
    assert tiny_model.card["chosen_by"].startswith("opgegeven")
    label = tiny_model.predict(["De website doet het weer niet."])[0]
    assert label.themes == ["digitaal"]


def test_two_sentiments_give_a_full_softmax():
    texts, themes, _ = tiny_examples()
    sentiments = ["negatief", "positief"] * 4 + ["positief"]
    model = classifier.fit(texts, themes, sentiments, method=classifier.TFIDF)
    _, probabilities = model.scores(["De uitkering is op tijd betaald."])
    assert probabilities.shape == (1, 2) and np.isclose(probabilities.sum(), 1.0)


@pytest.mark.parametrize(
    "themes, sentiments, codebook, message",
    [
        ([["inkomen"]] * 3, ["positief", "negatief", ""], None, "op elke rij"),
        ([["inkomen"], [], ["werk!"]], ["positief", "negatief", ""], None, "Ongeldige code"),
        ([["inkomen"], [], ["werk"]], ["positief", "negatief", ""], ["inkomen"], "Onbekende code"),
        (
            [["inkomen"], [], []],
            ["positief", "negatief", ""],
            ["inkomen", "werk"],
            "zonder voorbeelden",
        ),
        ([[], [], []], ["positief", "negatief", ""], None, "Geen enkele rij heeft een thema"),
        ([["inkomen"], [], []], ["positief", "", ""], None, "minstens twee soorten"),
    ],
)
def test_bad_training_data(themes, sentiments, codebook, message):
    with pytest.raises(InsightError, match=message):
        classifier.fit(["een", "twee", "drie"], themes, sentiments, codebook=codebook)


def test_no_text_to_learn_from():
    with pytest.raises(InsightError, match="geen enkele tekst"):
        classifier.fit(["", "<p></p>"], [["a"], []], ["positief", "negatief"])
