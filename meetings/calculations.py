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


# An item counts as small when its texts together are short and it has no attachments (an
# attachment's pages follow its item in the pack, so such an item always ends its page).
SMALL_ITEM_CHARACTERS = 600
ITEMS_PER_SHARED_PAGE = 4


def page_groups(items: Sequence[tuple[int, str, int, bool]],
                breaks: frozenset[int] = frozenset()) -> list[list[int]]:  # fmt: skip
    """(number, section, characters of text, has attachments), in number order -> the items
    printed together: consecutive small items of the same section share a page ("Punkt 1 + 2");
    every other item starts its own page, and so does every item in `breaks` (the items the
    rendered document showed did not fit on their group's page)."""
    groups: list[list[int]] = []
    previous_section, previous_small = None, False
    for number, section, characters, has_attachments in items:
        small = characters <= SMALL_ITEM_CHARACTERS and not has_attachments
        if (groups and small and previous_small and section == previous_section
                and len(groups[-1]) < ITEMS_PER_SHARED_PAGE and number not in breaks):  # fmt: skip
            groups[-1].append(number)
        else:
            groups.append([number])
        previous_section, previous_small = section, small
    return groups


def overflowing_items(groups: Sequence[Sequence[int]], start_pages: dict[int, int]) -> set[int]:
    """Given where each item's heading landed (number -> page), the first item of every shared
    group that did not start on the group's first page: it must start a page of its own."""
    breaks = set()
    for group in groups:
        first_page = start_pages.get(group[0])
        for number in group[1:]:
            if start_pages.get(number) != first_page:
                breaks.add(number)
                break
    return breaks
