"""A notice is written in the client's language (``ContactPreference.preferred_language``, the
client's contact preferences), whoever or
whatever sends it: every text of a notification is rendered inside ``in_language_of(client)``.
A language Maatwerk does not offer falls back to the default (Dutch), never to the sender's."""

from django.conf import settings
from django.utils import translation


def language_of(client) -> str:
    offered = {code for code, _name in settings.LANGUAGES}
    preference = getattr(client, "preference", None) if client.pk else None
    preferred = (getattr(preference, "preferred_language", "") or "").lower()
    return preferred if preferred in offered else settings.LANGUAGE_CODE


def in_language_of(client):
    """A context manager: gettext and templates speak the client's language inside it."""
    return translation.override(language_of(client))
