from celery import shared_task

from . import services


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def compute_analysis(run_id: int) -> None:
    # Failures are recorded on the run by the service, so the task is not retried forever.
    services.analysis_run_compute(run_id=run_id)
