"""How one notification reaches one client: pure, from the client's facts and the kind.

- A task for the adviser is always a phone task.
- A client who prefers letters gets a letter.
- A client who uses digital channels and has an e-mail address gets an e-mail.
- Otherwise a phone task when they prefer the phone (or the kind is ``phone_first``) and have a
  number, else a letter for print;
  a kind that allows no letter becomes a phone task (the adviser finds a way).
- A letter for a kind marked ``call_too`` also puts a call on the adviser's list when the client
  has a phone number.
"""

from dataclasses import dataclass

from .kinds import NotificationKind

EMAIL, LETTER, PHONE = "email", "letter", "phone"


@dataclass(frozen=True)
class Facts:
    digital: bool
    email: str
    phone: str
    preferred: str  # a clients ContactPreference.Channel value ("" when none)

    @classmethod
    def of(cls, client) -> "Facts":
        preference = getattr(client, "preference", None) if client.pk else None
        return cls(
            digital=bool(client.uses_digital_channels),
            email=client.email or "",
            phone=client.phone or "",
            preferred=preference.channel if preference is not None else "",
        )


@dataclass(frozen=True)
class Choice:
    channel: str
    call_too: bool = False


def choose(kind: NotificationKind, facts: Facts) -> Choice:
    if kind.adviser_task:
        return Choice(PHONE)
    if facts.preferred == LETTER and kind.letter_ok:
        channel = LETTER
    elif facts.digital and facts.email:
        channel = EMAIL
    elif (facts.preferred == PHONE or kind.phone_first) and facts.phone and kind.phone_ok:
        channel = PHONE
    elif kind.letter_ok:
        channel = LETTER
    else:
        channel = PHONE
    return Choice(channel, channel == LETTER and kind.call_too and bool(facts.phone))
