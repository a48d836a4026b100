"""The panel e-mails a client reads, with example values, for the plain-language check
(``maatwerk.plain_language.pages.code_texts``)."""

from datetime import UTC, datetime


def client_texts() -> dict[str, str]:
    from .dispatch import _email_text
    from .models import OutboxMessage

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
    return texts
