"""Reactions to other apps' events. Connected in ``SurveysConfig.ready``."""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def on_event_recorded(sender, event, **kwargs):
    """A contact was recorded: ask the client a short question if a rule says so.

    This runs inside the transaction of somebody else's change, so it must never break it: the
    work happens in a savepoint, and any error only loses the question (logged), not the contact.
    """
    from .actions import ask_after_contact

    try:
        with transaction.atomic():
            ask_after_contact(event)
    except Exception:  # noqa: BLE001  (see above: never break the contact being recorded)
        logger.exception("Could not create the question after contact for event %s", event.pk)
