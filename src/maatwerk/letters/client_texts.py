"""Texts a client reads that are built in code, for the plain-language check
(``maatwerk.plain_language.pages.code_texts``)."""


def client_texts() -> dict[str, str]:
    from .overview import home_texts

    return {"home card": home_texts()}
