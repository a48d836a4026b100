"""The appointment e-mail subjects a client reads, for the plain-language check
(``maatwerk.plain_language.pages.code_texts``); the bodies are marked templates."""


def client_texts() -> dict[str, str]:
    from .notices import SUBJECTS

    return {f"subject {what}": str(subject) for what, subject in SUBJECTS.items()}
