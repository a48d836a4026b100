from maatwerk.feedback.scrub import scrub


def test_email_phone_and_bsn_are_taken_out():
    result = scrub(
        "Mail mij op piet.jansen@example.org of bel 06-12345678. Mijn BSN is 123456782; "
        "mijn vrouw 1234.56.782 en kantoor 088 123 45 67 of +31 6 1234 5678."
    )
    assert "example.org" not in result.text
    assert "12345678" not in result.text
    assert "123456782" not in result.text
    assert "1234.56.782" not in result.text
    assert "088 123 45 67" not in result.text
    assert "+31" not in result.text
    assert result.found == {"email": 1, "phone": 3, "bsn": 2}
    assert "[e-mailadres weggehaald]" in result.text
    assert result.changed


def test_ordinary_text_and_numbers_stay():
    text = "Op 12-05-2026 waren er 15 cliënten; de wachttijd was 20 minuten. Huisnummer 12a."
    result = scrub(text)
    assert result.text == text
    assert not result.changed
    assert result.describe() == ""


def test_describe_names_what_was_removed():
    assert scrub("bel 020-1234567").describe() == "1× telefoonnummer"
