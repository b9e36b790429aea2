from celery import shared_task

from . import services


@shared_task(acks_late=True, time_limit=300, soft_time_limit=240)
def render_document(document_id: int) -> None:
    # The soft limit raises SoftTimeLimitExceeded inside the renderer; the service records it.
    services.document_render(document_id=document_id)
