from celery import shared_task

from . import services_runs


@shared_task(acks_late=True, time_limit=600, soft_time_limit=570)
def compute_budget_run(run_id: int) -> None:
    # Failures are recorded on the run by the service, so the task is not retried forever.
    services_runs.budget_run_compute(run_id=run_id)
