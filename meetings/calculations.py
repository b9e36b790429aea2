"""Numbering of agenda items and attachments (pure): items are numbered in section order,
attachments consecutively across the whole agenda in the order of their items."""

from collections.abc import Sequence

SECTIONS = ["welcome", "decision", "information", "closing", "municipal"]


def number_items(items: Sequence[tuple[int, str, int]]) -> dict[int, int]:
    """(item id, section, position) -> item id: number 1, 2, … in section order."""
    ordered = sorted(items, key=lambda item: (SECTIONS.index(item[1]), item[2], item[0]))
    return {item_id: number for number, (item_id, _section, _pos) in enumerate(ordered, 1)}


def number_attachments(item_numbers: dict[int, int],
                       attachments: Sequence[tuple[int, int, int]]) -> dict[int, int]:  # fmt: skip
    """(attachment id, item id, position) -> attachment id: "Bilag 1", "Bilag 2", … following
    the items' numbers, so the numbering is consecutive across the agenda."""
    ordered = sorted(attachments, key=lambda a: (item_numbers[a[1]], a[2], a[0]))
    return {attachment_id: number for number, (attachment_id, _i, _p) in enumerate(ordered, 1)}
