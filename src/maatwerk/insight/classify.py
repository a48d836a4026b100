"""Classifying the texts of the registered sources: new ones right after they arrive, and the
backlog in batches. Writes go through ``actions.label_texts``."""

import threading
from pathlib import Path

from maatwerk.core import text_sources

from . import actions, store
from .conf import app_settings
from .sources import analysed, analysed_sources

_models: dict[str, object] = {}
_lock = threading.Lock()


def active_model():
    """The model that labels new texts: INSIGHT_MODEL_DIR, or the shipped starter model; loaded
    once per process and directory (a tampered directory raises InsightError)."""
    directory = str(Path(app_settings.INSIGHT_MODEL_DIR or store.DEFAULT).resolve())
    with _lock:
        model = _models.get(directory)
    if model is None:
        model = store.load(directory)
        with _lock:
            _models[directory] = model
    return model


def classify_ids(key: str, ids) -> int:
    if not analysed(key):
        return 0
    source = text_sources.registry.get(key)
    texts = list(source.texts_by_id(ids))
    return actions.label_texts(key, texts, active_model(), private=source.private)


def classify_backlog(batch_size: int | None = None, progress=None) -> int:
    """Label every text of every analysed source that has no label yet, batch by batch."""
    from django.db.models import Max

    from .models import Label

    batch_size = batch_size or app_settings.INSIGHT_BATCH_SIZE
    total = 0
    for key, source in analysed_sources():
        after = Label.objects.filter(source=key).aggregate(m=Max("source_id"))["m"] or 0
        while True:
            texts = list(source.texts_after(after, batch_size))
            if not texts:
                break
            total += actions.label_texts(key, texts, active_model(), private=source.private)
            after = max(t.source_id for t in texts)
            if progress is not None:
                progress(key, total)
    return total
