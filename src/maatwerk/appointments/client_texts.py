"""The appointment e-mail subjects a client reads, for the plain-language check
(``maatwerk.plain_language.pages.code_texts``); the bodies are marked templates."""


def client_texts() -> dict[str, str]:
    from .notices import SUBJECTS
    from .overview import home_texts

    texts = {f"subject {what}": str(subject) for what, subject in SUBJECTS.items()}
    return texts | {"home card": home_texts()}
