"""Sentence splitting, word tokens and cleaning, with offsets into the original text."""

from maatwerk.plain_language.text import PLACEHOLDER, analyse, clean


def sentences(text: str) -> list[str]:
    _cleaned, found = analyse(text)
    return [text[sentence.start : sentence.end] for sentence in found]


def words(text: str) -> list[list[str]]:
    _cleaned, found = analyse(text)
    return [[token.text for token in sentence.tokens] for sentence in found]


def test_abbreviations_do_not_end_a_sentence():
    text = "Neem bijv. uw cv mee. Dat is o.a. handig, d.w.z. voor het gesprek. Mevr. Jansen belt."
    assert sentences(text) == [
        "Neem bijv. uw cv mee.",
        "Dat is o.a. handig, d.w.z. voor het gesprek.",
        "Mevr. Jansen belt.",
    ]
    assert words(text)[0] == ["Neem", "bijv.", "uw", "cv", "mee"]


def test_enz_ends_a_sentence_before_a_capital():
    assert sentences("Neem pen, papier enz. mee. Wij helpen enz. Daarna bellen wij.") == [
        "Neem pen, papier enz. mee.",
        "Wij helpen enz.",
        "Daarna bellen wij.",
    ]


def test_initials_numbers_and_times():
    text = (
        "Uw adviseur is J. de Vries. U krijgt € 1.500,50 op 3 mei om 9.00 uur. "
        "Dat is 2,5 keer zoveel."
    )
    assert len(sentences(text)) == 3
    assert words(text)[1] == ["U", "krijgt", "€ 1.500,50", "op", "3", "mei", "om", "9.00", "uur"]


def test_question_exclamation_and_lowercase_continuation():
    assert sentences("Heeft u vragen? Bel ons! Of mail: wij helpen. Echt? ja, echt.") == [
        "Heeft u vragen?",
        "Bel ons!",
        "Of mail: wij helpen.",
        "Echt? ja, echt.",
    ]


def test_list_lines_and_lead_in_are_their_own_sentences():
    text = (
        "U moet:\n- elke week solliciteren\n- naar afspraken komen\n1. Bel ons\n"
        "Daarna volgt een brief."
    )
    assert words(text)[3] == ["Bel", "ons"]  # "1." is a list marker, not a word
    assert sentences(text) == [
        "U moet:",
        "elke week solliciteren",
        "naar afspraken komen",
        "Bel ons",
        "Daarna volgt een brief.",
    ]


def test_salutation_and_closing_lines_are_their_own_sentences():
    text = "Beste {{ naam }},\nWij bellen u.\nMet vriendelijke groet,\nSanne de Vries"
    assert sentences(text) == [
        "Beste {{ naam }},",
        "Wij bellen u.",
        "Met vriendelijke groet,",
        "Sanne de Vries",
    ]
    # A line that only happens to start with "dag" and end with a comma is wrapped prose.
    assert len(sentences("Wij bellen u op een dag,\nmaar niet vandaag.")) == 1


def test_blank_line_ends_a_sentence_but_a_wrapped_line_does_not():
    text = "Met vriendelijke groet\n\nSanne de Vries\nAdviseur werk"
    assert sentences(text) == ["Met vriendelijke groet", "Sanne de Vries\nAdviseur werk"]
    assert sentences("Dit is een zin die\nverder gaat op de volgende regel.") == [
        "Dit is een zin die\nverder gaat op de volgende regel."
    ]


def test_links_and_phone_numbers_are_one_word():
    text = (
        "Kijk op www.werk.nl/uitkering of mail info@maatwerk.nl. Bel 030-1234567 of https://x.nl."
    )
    assert words(text) == [
        ["Kijk", "op", "www.werk.nl/uitkering", "of", "mail", "info@maatwerk.nl"],
        ["Bel", "030-1234567", "of", "https://x.nl"],
    ]


def test_words_with_hyphens_and_apostrophes():
    assert words("Zo'n e-mail komt 's ochtends van Noord-Holland.") == [
        ["Zo'n", "e-mail", "komt", "'s", "ochtends", "van", "Noord-Holland"]
    ]


def test_html_is_stripped_and_block_tags_end_sentences():
    text = (
        "<h1>Welkom</h1><p>U bent <strong>welkom</strong> &amp; wij helpen u</p>"
        "<ul><li>werk</li></ul>"
    )
    assert [s.strip() for s in sentences(text)] == [
        "Welkom",
        "U bent <strong>welkom</strong> &amp; wij helpen u",
        "werk",
    ]
    assert words(text)[1] == ["U", "bent", "welkom", "wij", "helpen", "u"]


def test_scripts_styles_and_comments_are_ignored():
    text = "<style>p { color: red }</style><script>var x = 1;</script><!-- geheim -->Hallo."
    assert words(text) == [["Hallo"]]


def test_template_tags_and_placeholders():
    text = (
        "Beste {{ client.first_name }},{% if x %} welkom{% endif %}{# notitie #}"
        "{% comment %}weg{% endcomment %}."
    )
    assert words(text) == [["Beste", PLACEHOLDER * len("{{ client.first_name }}"), "welkom"]]


def test_cleaning_keeps_every_offset():
    text = "<p>Beste {{ naam }},</p>\n<p>Wij &euro; helpen {% if a %}u{% endif %}.</p>"
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    _cleaned, found = analyse(text)
    for sentence in found:
        for token in sentence.tokens:
            if token.kind == "word":
                assert text[token.start : token.end] == token.text
