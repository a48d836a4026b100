"""The panel e-mails and the invitation letter a client reads, with example values, for the
plain-language check (``maatwerk.plain_language.pages.code_texts``)."""

from datetime import UTC, datetime


def client_texts() -> dict[str, str]:
    from .dispatch import _email_text
    from .models import OutboxMessage
    from .paper import letter_text

    texts = {}
    for kind in OutboxMessage.Kind:
        subject, body = _email_text(
            kind,
            "Anna",
            "Uw ervaring met de werkplein",
            "solliciteren",
            "https://maatwerk.example/mijn/klantpanel/",
            datetime(2027, 3, 1, 12, tzinfo=UTC),
        )
        texts[f"{kind.value} e-mail"] = f"{subject}\n\n{body}"
    subject, body = letter_text(
        first_name="Anna",
        title="Uw ervaring met de werkplein",
        topic="solliciteren",
        until="01-03-2027",
        code="KM4TXR7A",
        questions=["1. Hoe tevreden bent u?", "   [ ] ja", "   [ ] nee"],
    )
    texts["letter with a personal code"] = f"{subject}\n\n{body}"
    return texts
