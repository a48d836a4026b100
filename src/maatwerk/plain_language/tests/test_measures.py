"""Syllables and scores against values computed by hand.

Syllables are counted the way a Dutch reader says the word, e.g. "ad-vi-seur" = 3.
"""

import pytest

from maatwerk.plain_language import check
from maatwerk.plain_language.checker import brouwer, flesch_douma
from maatwerk.plain_language.syllables import count_token, count_word


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("werk", 1),
        ("helpen", 2),  # hel-pen
        ("adviseur", 3),  # ad-vi-seur
        ("over", 2),  # o-ver: pyphen keeps it whole, the vowel groups count 2
        ("uitkering", 3),  # uit-ke-ring
        ("sollicitatie", 5),  # sol-li-ci-ta-tie
        ("ideeën", 3),  # i-dee-ën: pyphen says idee-ën (2)
        ("financiële", 5),  # fi-nan-ci-ë-le
        ("België", 3),  # Bel-gi-ë: pyphen says Bel-gië (2)
        ("beëindigen", 4),  # be-ëin-di-gen
        ("zeeën", 2),  # zee-ën
        ("ruïne", 3),  # ru-ï-ne
        ("coördinator", 5),  # co-ör-di-na-tor
        ("werkoriëntatiegesprek", 8),  # werk-o-ri-ën-ta-tie-ge-sprek
        ("e-mail", 2),  # loan word
        ("website", 2),  # loan word with a silent e
        ("zo'n", 1),
        ("WW", 2),  # spelled out: wee-wee
        ("BSN", 3),  # bee-es-en
    ],
)
def test_syllables_of_words(word, syllables):
    assert count_word(word) == syllables


def test_syllables_of_other_tokens():
    assert count_token("bijv.", "abbreviation") == 3  # bij-voor-beeld
    assert count_token("d.w.z.", "abbreviation") == 4  # dat wil zeg-gen
    assert count_token("1.500", "number") == 2  # numbers count as 2
    assert count_token("\ue000\ue000", "placeholder") == 2


def test_formulas():
    # 100 words, 10 sentences, 150 syllables: 150 syllables per 100 words, 10 words per sentence.
    # Flesch-Douma = 206.84 - 0.77 * 150 - 0.93 * 10 = 206.84 - 115.5 - 9.3 = 82.04
    assert flesch_douma(100, 10, 150) == pytest.approx(82.04)
    # Brouwer = 195 - 2 * 10 - 0.67 * 150 = 195 - 20 - 100.5 = 74.5
    assert brouwer(100, 10, 150) == pytest.approx(74.5)


def test_two_plain_sentences():
    report = check("Wij helpen u graag. U krijgt binnen twee weken een brief van ons.")
    # Wij(1) hel-pen(2) u(1) graag(1)                                         = 4 words, 5
    # U(1) krijgt(1) bin-nen(2) twee(1) we-ken(2) een(1) brief(1) van(1) ons(1) = 9 words, 11
    assert (report.words, report.sentences, report.syllables) == (13, 2, 16)
    # per 100 words: 16 / 13 * 100 = 123.08; words per sentence: 13 / 2 = 6.5
    # Flesch-Douma = 206.84 - 0.77 * 123.08 - 0.93 * 6.5 = 206.84 - 94.77 - 6.05 = 106.03
    assert report.flesch_douma == pytest.approx(106.0, abs=0.05)
    # Brouwer = 195 - 2 * 6.5 - 0.67 * 123.08 = 195 - 13 - 82.46 = 99.54
    assert report.brouwer == pytest.approx(99.5, abs=0.05)
    assert report.average_sentence_words == 6.5


def test_a_sentence_with_hard_words():
    report = check("De ideeën van uw adviseur gaan over financiële hulp in België.")
    # De(1) i-dee-ën(3) van(1) uw(1) ad-vi-seur(3) gaan(1) o-ver(2) fi-nan-ci-ë-le(5) hulp(1)
    # in(1) Bel-gi-ë(3) = 11 words, 22 syllables, 1 sentence
    assert (report.words, report.sentences, report.syllables) == (11, 1, 22)
    # per 100 words: 22 / 11 * 100 = 200
    # Flesch-Douma = 206.84 - 0.77 * 200 - 0.93 * 11 = 206.84 - 154 - 10.23 = 42.61
    assert report.flesch_douma == pytest.approx(42.6, abs=0.05)
    # Brouwer = 195 - 2 * 11 - 0.67 * 200 = 195 - 22 - 134 = 39
    assert report.brouwer == pytest.approx(39.0, abs=0.05)


def test_a_letter_opening_with_placeholders_and_a_number():
    report = check("Beste {{ client.first_name }},\n\nU krijgt € 1.500 per maand.")
    # Beste(2) {{ placeholder }}(2)                      = 2 words, 4 syllables
    # U(1) krijgt(1) 1.500(2) per(1) maand(1)          = 5 words, 6 syllables
    assert (report.words, report.sentences, report.syllables) == (7, 2, 10)
    # Flesch-Douma = 206.84 - 0.77 * (10 / 7 * 100) - 0.93 * 3.5 = 206.84 - 110 - 3.255 = 93.585
    assert report.flesch_douma == pytest.approx(93.6, abs=0.05)


def test_empty_text_has_no_scores():
    for text in ("", "   ", "<p></p>", "{% if x %}{% endif %}"):
        report = check(text)
        assert report.words == 0
        assert report.flesch_douma is None and report.brouwer is None
        assert not report.meets_b1
        assert report.reasons == ["Er staat geen tekst in om te controleren."]
