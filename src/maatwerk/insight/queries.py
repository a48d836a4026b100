"""Reading labels back: the corrected ones, as training examples for the next model."""

from collections import defaultdict

from maatwerk.core import text_sources

from .models import Label


def corrected_examples() -> list[dict[str, str]]:
    """Every corrected label with its text, in the shape ``maatwerk voice fit`` reads
    (``text``, ``themes`` ';'-joined, ``sentiment``). Private texts are never handed out; a text
    whose source no longer has it is left out."""
    labels = (
        Label.objects.filter(corrected=True, private=False)
        .prefetch_related("themes")
        .order_by("source", "source_id")
    )
    by_source = defaultdict(list)
    for label in labels:
        by_source[label.source].append(label)
    rows = []
    for source, wanted in by_source.items():
        if source not in text_sources.registry:
            continue
        texts = {
            t.source_id: t.text
            for t in text_sources.registry.get(source).texts_by_id(
                [lab.source_id for lab in wanted]
            )
        }
        for label in wanted:
            if label.source_id in texts:
                rows.append(
                    {
                        "text": texts[label.source_id],
                        "themes": ";".join(sorted(c.code for c in label.themes.all())),
                        "sentiment": label.sentiment,
                    }
                )
    return rows
