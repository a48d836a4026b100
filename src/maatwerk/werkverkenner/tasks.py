"""Background work: batch scoring. The task works through the clients in chunks; each chunk
commits together with the run's progress (processed, last client id). When a worker stops
mid-run, at most the uncommitted chunk is lost: enqueueing the same run again continues after
the last committed client (``maatwerk werkverkenner batch-score --resume``)."""

from django_tasks import task

from . import actions
from .models import BatchRun


@task()
def score_batch(run_id: int) -> str:
    run_all_chunks(run_id)
    run = BatchRun.objects.get(pk=run_id)
    return f"{run.processed}/{run.total}"


def run_all_chunks(run_id: int, progress=None) -> BatchRun:
    run = BatchRun.objects.get(pk=run_id)
    while True:
        finished = actions.run_batch_chunk(run)
        if progress is not None:
            progress(run)
        if finished:
            return run
