"""Writes for the agenda. Two people editing the same item: the second save is refused (the
form carries the version it was opened at; the update only happens if it is still current)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from .models import AgendaItem, Meeting

EDITABLE_FIELDS = ["section", "title", "guest_line", "summary", "background", "body_heading",
                   "body", "decision", "editorial_note", "is_public"]  # fmt: skip


class EditConflict(ValidationError):
    pass


@transaction.atomic
def item_create(*, meeting: Meeting, section: str, title: str) -> AgendaItem:
    last = meeting.items.filter(section=section).aggregate(p=Max("position"))["p"]
    return AgendaItem.objects.create(meeting=meeting, section=section, title=title,
                                     position=(last or 0) + 1)  # fmt: skip


@transaction.atomic
def item_save(*, item: AgendaItem, values: dict, expected_version: int) -> AgendaItem:
    """Compare-and-set on edit_version: nothing is overwritten if someone saved in between."""
    changes = {name: values[name] for name in EDITABLE_FIELDS if name in values}
    updated = AgendaItem.objects.filter(pk=item.pk, edit_version=expected_version).update(
        **changes, edit_version=F("edit_version") + 1)  # fmt: skip
    if not updated:
        raise EditConflict(
            _(
                "Someone else saved this item while you were editing it. Nothing "
                "was overwritten: open the item again to see their changes."
            )
        )
    item.refresh_from_db()
    return item


@transaction.atomic
def item_move(*, item: AgendaItem, direction: str) -> AgendaItem:
    """Up or down within its section (swapping positions with the neighbour)."""
    siblings = list(item.meeting.items.filter(section=item.section).order_by("position", "id"))
    index = siblings.index(item)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return item
    neighbour = siblings[other]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    siblings[index].position, neighbour.position = neighbour.position, siblings[index].position
    AgendaItem.objects.bulk_update(siblings, ["position"])
    item.refresh_from_db()
    return item
