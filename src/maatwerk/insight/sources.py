"""Which registered text sources insight analyses. Light on purpose: the receiver runs in web
workers on every stored text, and must not pull numpy or the classifier in (ADR 0019)."""

from maatwerk.core import text_sources

from .conf import app_settings


def analysed(key: str) -> bool:
    """Whether texts of this source are analysed at all: private ones only when turned on."""
    if key not in text_sources.registry:
        return False
    source = text_sources.registry.get(key)
    return not source.private or app_settings.INSIGHT_ANALYSE_CLIENT_MESSAGES


def analysed_sources() -> list[tuple[str, text_sources.TextSource]]:
    return [(key, source) for key, source in text_sources.registry.items() if analysed(key)]
