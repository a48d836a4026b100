"""Survey topics are data; a new installation starts with these."""

DEFAULT_TOPICS = [
    "Dienstverlening en contact",
    "Werk zoeken",
    "Digitale kanalen",
    "Brieven en informatie",
]


def install_default_topics(topic_model) -> None:
    if topic_model.objects.exists():
        return
    topic_model.objects.bulk_create(topic_model(name=name) for name in DEFAULT_TOPICS)
