"""Background work: the panel's dispatch, in the style of the Werkverkenner batch. Each task
works through chunks that commit on their own; running a task again (or in two workers at once)
continues where the last committed chunk ended and never makes a second e-mail (see dispatch).

The relay (outbox → mail server) waits on the mail server and, per e-mail, on one commit; with
the database backend ``dispatch_invitations`` therefore also queues ``PANEL_RELAY_TASKS - 1``
``relay_outbox`` tasks, so several workers hand e-mails over side by side."""

from django_tasks import task

from . import dispatch
from .conf import app_settings


def _extra_relays() -> int:
    return max(0, app_settings.PANEL_RELAY_TASKS - 1)


@task()
def dispatch_invitations(plan_id: int) -> str:
    totals = run_invitations(plan_id, extra_relays=_extra_relays())
    return f"{totals['composed']} klaargezet, {totals['sent']} verstuurd"


@task()
def dispatch_reminders(plan_id: int) -> str:
    totals = run_reminders(plan_id, extra_relays=_extra_relays())
    return f"{totals['sent']} herinneringen verstuurd"


@task()
def relay_outbox(plan_id: int, part: int = 0, parts: int = 1) -> str:
    totals = dispatch.relay(plan_id, part=part, parts=parts)
    return f"{totals['sent']} verstuurd"


def _relay(plan_id: int, extra_relays: int, options: dict) -> dict:
    """Relay here, with ``extra_relays`` tasks taking their own shares beside it; then one
    pass over everything picks up what a share's worker left (it stopped, or a row came back)."""
    pick = _pick(options, "chunk", "after_send", "mail_connection")
    if extra_relays:
        parts = extra_relays + 1
        for part in range(1, parts):
            relay_outbox.enqueue(plan_id, part, parts)
        dispatch.relay(plan_id, part=0, parts=parts, **pick)
    return dispatch.relay(plan_id, **pick)


def run_invitations(plan_id: int, *, extra_relays: int = 0, **options) -> dict:
    composed = dispatch.compose_all(
        plan_id, **_pick(options, "chunk", "stale_after", "after_chunk")
    )
    dispatch.finish_if_done(plan_id)
    sent = _relay(plan_id, extra_relays, options)
    return {"composed": composed["sent"], **sent}


def run_reminders(plan_id: int, *, extra_relays: int = 0, **options) -> dict:
    chunk = options.get("chunk", dispatch.CHUNK)
    while dispatch.compose_reminders_chunk(plan_id, chunk=chunk):
        pass
    return _relay(plan_id, extra_relays, options)


def _pick(options: dict, *names) -> dict:
    return {name: options[name] for name in names if name in options}
