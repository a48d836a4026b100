"""Survey topics are data; a new installation starts with these (Dutch source text in the
catalogue, so they are shown in the reader's language: core.source_text)."""

from django.utils.translation import gettext_noop

DEFAULT_TOPICS = [
    gettext_noop("Dienstverlening en contact"),
    gettext_noop("Werk zoeken"),
    gettext_noop("Digitale kanalen"),
    gettext_noop("Brieven en informatie"),
]


def install_default_topics(topic_model) -> None:
    if topic_model.objects.exists():
        return
    topic_model.objects.bulk_create(topic_model(name=name) for name in DEFAULT_TOPICS)
