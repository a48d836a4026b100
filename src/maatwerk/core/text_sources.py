"""What clients wrote, handed to the insight app without it importing the apps that hold it.

A capability that stores client texts (survey answers, feedback, compliments, session notes,
messages) registers one ``TextSource`` per kind of text from its ``AppConfig.ready()``, and
calls ``arrived`` in the transaction that stores a new text. ``insight`` reads the sources in
batches and listens to ``text_arrived`` to classify new texts shortly after the commit.

A source marked ``private`` is correspondence between a client and their adviser: it is analysed
only when the organisation turns that on (``INSIGHT_ANALYSE_CLIENT_MESSAGES``), and never quoted.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.dispatch import Signal
from django.utils.functional import Promise

from .registry import Registry


@dataclass(frozen=True)
class ClientText:
    source_id: int
    text: str
    office_id: int | None  # where the contact took place, or the client's office
    written_at: datetime


@dataclass(frozen=True)
class TextSource:
    label: Promise  # what the text is, for staff: "Klacht", "Antwoord na een contact"
    # Texts with a source id above ``after_id``, in id order, at most ``limit``.
    texts_after: Callable[[int, int], Iterable[ClientText]]
    # The texts with these ids (those that still exist and still count as this source).
    texts_by_id: Callable[[Iterable[int]], Iterable[ClientText]]
    private: bool = False


registry: Registry[TextSource] = Registry("text source")

# Sent by ``arrived``; ``source`` is the registry key, ``ids`` the new texts' source ids.
text_arrived = Signal()


def register(key: str, source: TextSource) -> TextSource:
    return registry.register(key, source)


def arrived(key: str, ids: Iterable[int]) -> None:
    """Call inside the transaction that stored the texts; listeners act after the commit."""
    registry.get(key)  # an unregistered key is a programming error: fail loudly
    ids = [int(i) for i in ids]
    if ids:
        text_arrived.send(sender=key, source=key, ids=ids)
