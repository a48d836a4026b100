"""Background work: classify texts right after they arrive, and the backlog in batches."""

from django_tasks import task


@task()
def classify_arrived(source: str, ids: list[int]) -> int:
    from .classify import classify_ids

    return classify_ids(source, ids)


@task()
def classify_backlog() -> int:
    from .classify import classify_backlog as run

    return run()
