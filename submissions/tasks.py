from celery import shared_task
from django.utils import timezone

from .models import ReportingRound, RoundStatus
from .services import reminders_send_due


@shared_task(acks_late=True, time_limit=240, soft_time_limit=200)
def send_due_reminders() -> int:
    """Daily (beat): each open round's due reminder step, once per unit (idempotent)."""
    today = timezone.localdate()
    rounds = ReportingRound.objects.filter(status=RoundStatus.OPEN)
    return sum(len(reminders_send_due(reporting_round=r, today=today)) for r in rounds)
