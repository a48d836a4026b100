"""What the two first screens show about one client, gathered from the apps that own it.

The client's home page ("Mijn Werkbedrijf", the portal app) and the adviser's client file (the
clients app) may not import the capabilities that know about appointments, messages, plans or
letters. Each capability registers sources here from its ``AppConfig.ready()``::

    client_overview.for_client.register("appointments", queries.now_for_client)
    client_overview.for_staff.register("appointments", queries.facts_for_staff)

- A ``for_client`` source takes a client and returns ``NowItem`` cards: what matters to the
  client now (written to the client: plain Dutch, "u"). The portal shows them by ``TOPICS``.
- A ``for_staff`` source takes a client and returns ``Fact`` lines for the adviser's summary
  (written to staff). The file shows them by ``FACTS``; when several sources give a fact about
  the next or the last contact, the nearest ``at`` wins (``facts_for``), so those two facts must
  carry ``at``. A fact with a ``permission`` is left out for staff without it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from .registry import Registry

# The utrecht-status-badge modifiers a card or fact may carry.
TONES = ("", "neutral", "success", "warning", "danger")

# The order of the client's cards: first the next appointment, then messages, then what is due,
# then letters.
TOPICS = ("appointment", "messages", "due", "letters")

# The adviser's summary lines a capability may fill, in the order of the page, with their label.
FACTS = {
    "werkverkenner": _("Werkverkenner"),
    "next_contact": _("Volgend contact"),
    "last_contact": _("Laatste contact"),
    "messages": _("Open berichten"),
    "feedback": _("Open reacties"),
    "follow_ups": _("Vervolgtaken"),
    "plan": _("Dienstverleningsplan"),
    "cycle": _("Cyclusgesprek"),
}


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class NowItem:
    """One card on the client's home page."""

    topic: str
    title: str
    lines: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    badge: str = ""  # a short status in words ("Nieuw antwoord"), shown as a status badge
    tone: str = ""

    def __post_init__(self):
        if self.topic not in TOPICS:
            raise ValueError(f"Unknown topic {self.topic!r} for the client's home page.")
        if self.tone not in TONES:
            raise ValueError(f"Unknown tone {self.tone!r}.")


@dataclass(frozen=True)
class Fact:
    """One line of the adviser's summary at the top of the client file."""

    key: str
    value: str
    url: str = ""
    badge: str = ""
    tone: str = ""
    at: datetime | None = field(default=None, compare=False)
    # Staff without this permission do not see the fact at all (e.g. the Werkverkenner outcome
    # only for those who triage it).
    permission: str = ""

    def __post_init__(self):
        if self.key not in FACTS:
            raise ValueError(f"Unknown fact {self.key!r} for the client file.")
        if self.tone not in TONES:
            raise ValueError(f"Unknown tone {self.tone!r}.")

    @property
    def label(self) -> str:
        return str(FACTS[self.key])


ClientSource = Callable[[Any], Iterable[NowItem]]
StaffSource = Callable[[Any], Iterable[Fact]]

for_client: Registry[ClientSource] = Registry("client home source")
for_staff: Registry[StaffSource] = Registry("client file summary source")


def now_for(client) -> list[NowItem]:
    """Every registered card for ``client``, by topic, then in registration order."""
    items = [item for source in for_client.values() for item in source(client)]
    return sorted(items, key=lambda item: TOPICS.index(item.topic))


def facts_for(client, user) -> list[Fact]:
    """Every registered fact for ``client`` that ``user`` may see, in the order of ``FACTS``. Of
    several facts about the next contact the soonest is kept, of several about the last contact
    the latest."""
    facts = [
        fact
        for source in for_staff.values()
        for fact in source(client)
        if not fact.permission or user.has_perm(fact.permission)
    ]
    keep = []
    for key, pick in (("next_contact", min), ("last_contact", max)):
        dated = [fact for fact in facts if fact.key == key and fact.at is not None]
        if dated:
            keep.append(pick(dated, key=lambda fact: fact.at))
    facts = [fact for fact in facts if fact.key not in ("next_contact", "last_contact")] + keep
    order = list(FACTS)
    return sorted(facts, key=lambda fact: order.index(fact.key))
