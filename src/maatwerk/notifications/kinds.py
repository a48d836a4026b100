"""The registry of notification kinds: every message Maatwerk sends a client on its own.

Each app registers its kinds in its ``AppConfig.ready()``::

    from maatwerk.notifications import kinds

    kinds.register("appointment.booked", _("Afspraak gemaakt"), call_too=True)

``phone_ok``: a phone task on the adviser's call list may carry it (the adviser tells it).
``letter_ok``: it may go as a letter for print. A kind that allows neither could end "sent
nowhere" for a client without e-mail, so registering one is refused.
``call_too``: when it goes by letter, the adviser also calls (the letter may arrive too late,
as with a reminder for tomorrow).
``phone_first``: a client without e-mail who has a phone number is called rather than written
to (unless they prefer letters).
``adviser_task``: always a phone task for the adviser (something they must do for the client).
"""

from dataclasses import dataclass

from django.utils.functional import Promise

from maatwerk.core.registry import Registry


@dataclass(frozen=True)
class NotificationKind:
    code: str
    label: Promise
    phone_ok: bool = True
    letter_ok: bool = True
    call_too: bool = False
    adviser_task: bool = False
    phone_first: bool = False


registry: Registry[NotificationKind] = Registry("notification kind")


def register(
    code: str,
    label: Promise,
    *,
    phone_ok: bool = True,
    letter_ok: bool = True,
    call_too: bool = False,
    adviser_task: bool = False,
    phone_first: bool = False,
) -> NotificationKind:
    if adviser_task:
        phone_ok = True
    if not (phone_ok or letter_ok):
        raise ValueError(
            f"Notification kind {code!r} allows neither a letter nor a phone task: a client "
            "without e-mail would never hear of it."
        )
    return registry.register(
        code,
        NotificationKind(
            code,
            label,
            phone_ok,
            letter_ok,
            call_too and phone_ok,
            adviser_task,
            phone_first and phone_ok,
        ),
    )


def get(code: str) -> NotificationKind:
    return registry.get(code)


def all_kinds() -> list[NotificationKind]:
    return registry.values()
