"""Who may see meetings: the secretariat everything; a member of a body (the expert panel's
members are the members of Ekspertpanelet) the meetings whose agenda has been published, or
whose items went out as an information e-mail (documents and public items); anyone else
nothing (404)."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import roles_for

from .models import Meeting, MeetingStatus

PUBLISHED = [MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED]
# The body whose members have the expert panel role (Body.short_name, as memberships name DAS
# and KKR by theirs).
EXPERT_PANEL_BODY = "Ekspertpanelet"


def member_bodies(roles) -> frozenset[str]:
    """The short names of the bodies whose published meetings the user reads."""
    return roles.bodies | ({EXPERT_PANEL_BODY} if roles.is_expert_panel else frozenset())


def visible_meetings(user):
    roles = roles_for(user)
    meetings = Meeting.objects.select_related("body")
    if roles.is_secretariat:
        return meetings
    # A cancelled meeting whose items went out as an information e-mail is readable too: the
    # e-mail links to its attachments.
    informed = Q(status=MeetingStatus.CANCELLED, information_sent_at__isnull=False)
    return meetings.filter(
        Q(status__in=PUBLISHED) | informed, body__short_name__in=member_bodies(roles)
    )


def get_meeting_for_user(user, reference: str) -> Meeting:
    return get_object_or_404(visible_meetings(user), reference=reference)


def may_see_document(user, params: dict) -> bool:
    """Members get the agenda and the pack once published, the minutes once approved."""
    meeting = visible_meetings(user).filter(reference=params.get("meeting")).first()
    return meeting is not None and may_see_document_of(user, meeting, params.get("document"))


def may_see_document_of(user, meeting: Meeting, document: str) -> bool:
    """For a meeting the user already sees: whether this document is for them too."""
    if document == "minutes" and not roles_for(user).is_secretariat:
        return meeting.status == MeetingStatus.MINUTES_APPROVED
    return True


def require_visible(user, reference: str) -> None:
    if not visible_meetings(user).filter(reference=reference).exists():
        raise Http404


def get_attachment_for_user(user, reference: str, pk: int):
    """An attachment of a meeting the user may see, else 404. Closed items ("lukket punkt")
    are closed to the public, not to the body's members: members read the whole agenda, as on
    paper; the flag marks the item in the documents and keeps its text out of e-mail."""
    from .models import Attachment

    meeting = get_meeting_for_user(user, reference)
    attachments = Attachment.objects.select_related("item", "document")
    return get_object_or_404(attachments.filter(item__meeting=meeting), pk=pk)
