"""New client texts are classified in the background right after the commit that stored them."""

from django.db import transaction
from django.dispatch import receiver

from maatwerk.core.text_sources import text_arrived

from .conf import app_settings
from .sources import analysed


@receiver(text_arrived, dispatch_uid="maatwerk-insight-arrived")
def classify_after_commit(sender, source: str, ids: list[int], **kwargs):
    if not app_settings.INSIGHT_CLASSIFY_ON_ARRIVAL or not analysed(source):
        return
    from . import tasks

    # robust: a classifier that fails never turns the client's submission into an error; the
    # backlog task picks the text up later.
    transaction.on_commit(lambda: tasks.classify_arrived.enqueue(source, list(ids)), robust=True)
