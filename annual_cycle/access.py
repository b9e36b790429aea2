"""Who may see and change the annual cycle: everyone logged in sees the events that concern
them (selectors.events_for); definitions and events are edited by the secretariat only, and
anyone else gets a 404."""

from django.shortcuts import get_object_or_404

from documents.access import newest_viewable
from organisations.access import require_secretariat, roles_for

from .models import CycleDefinition, CycleEvent


def can_edit_cycle(user) -> bool:
    return roles_for(user).is_secretariat


def get_definition_for_edit(user, pk: int) -> CycleDefinition:
    require_secretariat(user)
    return get_object_or_404(CycleDefinition, pk=pk)


def get_event_for_edit(user, pk: int) -> CycleEvent:
    require_secretariat(user)
    return get_object_or_404(CycleEvent.objects.select_related("definition"), pk=pk)


def linked_document(user, document):
    """The document an event's link opens for `user` (documents.access.newest_viewable): a
    published version rather than the secretariat's preview, or None."""
    return newest_viewable(user, document)
