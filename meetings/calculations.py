"""Numbering of agenda items and attachments (pure): items are numbered in section order,
attachments consecutively across the whole agenda in the order of their items."""

from collections.abc import Sequence

SECTIONS = ["welcome", "decision", "information", "closing", "municipal"]

# The fixed verbs of "Det indstilles, at …" (SPEC §7); "{text}" is where the bullet's text goes.
RECOMMENDATION_VERBS = {
    "godkender": "godkender {text}",
    "drøfter": "drøfter {text}",
    "beslutter": "beslutter {text}",
    "tager stilling til": "tager stilling til {text}",
    "tager til efterretning": "tager {text} til efterretning",
}


def recommendation_sentence(body_name: str, verb: str, text: str) -> str:
    """("Den Administrative Styregruppe", "tager til efterretning", "orienteringen") ->
    "Den Administrative Styregruppe tager orienteringen til efterretning"."""
    pattern = RECOMMENDATION_VERBS.get(verb, verb + " {text}")
    return f"{body_name} {pattern.format(text=text.strip())}".strip()


def number_items(items: Sequence[tuple[int, str, int]]) -> dict[int, int]:
    """(item id, section, position) -> item id: number 1, 2, … in section order."""
    ordered = sorted(items, key=lambda item: (SECTIONS.index(item[1]), item[2], item[0]))
    return {item_id: number for number, (item_id, _section, _pos) in enumerate(ordered, 1)}


def number_attachments(
    item_numbers: dict[int, int], attachments: Sequence[tuple[int, int, int]]
) -> dict[int, int]:
    """(attachment id, item id, position) -> attachment id: "Bilag 1", "Bilag 2", … following
    the items' numbers, so the numbering is consecutive across the agenda."""
    ordered = sorted(attachments, key=lambda a: (item_numbers[a[1]], a[2], a[0]))
    return {attachment_id: number for number, (attachment_id, _i, _p) in enumerate(ordered, 1)}


# An item counts as small when its texts together are short and it has no attachments (an
# attachment's pages follow its item in the pack, so such an item always ends its page).
SMALL_ITEM_CHARACTERS = 600
ITEMS_PER_SHARED_PAGE = 4


def page_groups(
    items: Sequence[tuple[int, str, int, bool]], breaks: frozenset[int] = frozenset()
) -> list[list[int]]:
    """(number, section, characters of text, has attachments), in number order -> the items
    printed together: consecutive small items of the same section share a page ("Punkt 1 + 2");
    every other item starts its own page, and so does every item in `breaks` (the items the
    rendered document showed did not fit on their group's page)."""
    groups: list[list[int]] = []
    previous_section, previous_small = None, False
    for number, section, characters, has_attachments in items:
        small = characters <= SMALL_ITEM_CHARACTERS and not has_attachments
        if (
            groups
            and small
            and previous_small
            and section == previous_section
            and len(groups[-1]) < ITEMS_PER_SHARED_PAGE
            and number not in breaks
        ):
            groups[-1].append(number)
        else:
            groups.append([number])
        previous_section, previous_small = section, small
    return groups


def overflowing_items(
    groups: Sequence[Sequence[int]], start_pages: dict[int, int], page_count: int
) -> set[int]:
    """Read back from the rendered document (item number -> page where its heading starts):
    the items of shared pages that did not fit. An item of a group that starts on a later page
    than the item before it must start a new page; if all start on the page but the group runs
    on to the next page (the next group does not start right after it), its last item moves to
    a page of its own. Groups are all the document's groups, in order."""
    breaks = set()
    for index, group in enumerate(groups):
        if len(group) < 2:
            continue
        first_page = start_pages.get(group[0])
        # Items of a shared page never split (break-inside: avoid), so one pass shows every
        # item that moved on: each starts a new group, and the next render keeps this layout.
        late = [
            number
            for previous, number in zip(group, group[1:], strict=False)
            if start_pages.get(number) != start_pages.get(previous)
        ]
        if late:
            breaks.update(late)
            continue
        following = start_pages.get(groups[index + 1][0]) if index + 1 < len(groups) else page_count
        if first_page is not None and following is not None and following > first_page + 1:
            breaks.add(group[-1])
    return breaks
