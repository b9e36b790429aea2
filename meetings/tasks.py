import logging

from celery import shared_task

from .information_mail import InformationMailRefused, send_information_mail

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def send_information(meeting_id: int) -> int:
    """The information e-mail of a cancelled meeting; a second send is refused (and logged),
    not raised, so a double click or a redelivered task never fails loudly or sends twice."""
    try:
        return send_information_mail(meeting_id)
    except InformationMailRefused as refused:
        logger.warning("Information e-mail for meeting %s not sent: %s", meeting_id, refused)
        return 0


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def send_notice(meeting_id: int, action: str) -> int:
    """The members' e-mail when the agenda goes out ("publish") or the minutes are approved."""
    from .notifications import send_notice as send

    return send(meeting_id, action)


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def send_mailing(mailing_id: int) -> int:
    """A stored e-mail to a body's members (meetings.mailing); sends only what still waits,
    so a redelivered task sends nothing twice. Returns how many it has reached."""
    from .mailing import mailing_deliver

    return len(mailing_deliver(mailing_id).reached)
