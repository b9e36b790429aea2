"""The change list between two versions of the tariff appendix is a pure function of their
rows (no database): per offer its unit and each component before → after, added, removed."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tariffs.appendix import (
    ADDED,
    CHANGED,
    COMPONENT,
    OFFER,
    REMOVED,
    UNIT,
    AppendixChange,
    AppendixRow,
    appendix_changes,
)

D = Decimal


def row(offer_id=1, *components, unit="day", name="Kastanjebo", status="final"):
    return AppendixRow(offer_id, name, "Aalborg", unit, status, tuple(components))


BASE = ("base", "", D("1500.00"))
PACK1 = ("service", "Pakke 1", D("812.50"))


def test_nothing_changed_gives_no_changes_and_amounts_compare_as_numbers():
    before = [row(1, BASE, PACK1)]
    after = [row(1, ("base", "", D("1500")), ("service", "Pakke 1", D("812.5")))]
    assert appendix_changes(before, after) == []


def test_a_changed_amount_is_before_and_after():
    changes = appendix_changes(
        [row(1, BASE, PACK1)], [row(1, BASE, ("service", "Pakke 1", D(900)))]
    )
    assert changes == [
        AppendixChange(
            1,
            "Kastanjebo",
            "Aalborg",
            CHANGED,
            COMPONENT,
            "service",
            "Pakke 1",
            D("812.50"),
            D(900),
        )
    ]


def test_an_added_and_a_removed_package_and_a_changed_unit():
    changes = appendix_changes(
        [row(1, BASE, PACK1)],
        [row(1, BASE, ("service", "Pakke 2", D(1000)), unit="month")],
    )
    assert [(c.change, c.item, c.package, c.before, c.after) for c in changes] == [
        (CHANGED, UNIT, "", "day", "month"),
        (ADDED, COMPONENT, "Pakke 2", None, D(1000)),
        (REMOVED, COMPONENT, "Pakke 1", D("812.50"), None),
    ]


def test_offers_added_and_removed_with_their_components_new_order_first():
    before = [row(1, BASE), row(2, BASE, name="Birkely")]
    after = [row(3, PACK1, name="Egely"), row(1, BASE)]
    changes = appendix_changes(before, after)
    assert [(c.offer, c.change, c.item) for c in changes] == [
        ("Egely", ADDED, OFFER),
        ("Egely", ADDED, UNIT),
        ("Egely", ADDED, COMPONENT),
        ("Birkely", REMOVED, OFFER),
        ("Birkely", REMOVED, UNIT),
        ("Birkely", REMOVED, COMPONENT),
    ]


def test_a_tariff_approved_after_the_last_version_is_added_to_a_listed_offer():
    changes = appendix_changes([row(1, unit=None, status=None)], [row(1, BASE)])
    assert [(c.change, c.item, c.after) for c in changes] == [
        (ADDED, UNIT, "day"),
        (ADDED, COMPONENT, D("1500.00")),
    ]


def test_rows_and_changes_survive_the_json_they_are_stored_as():
    first = row(1, BASE, PACK1)
    assert AppendixRow.from_json(first.to_json()) == first
    for change in appendix_changes([first], [row(1, ("base", "", D(1600)), unit="month")]):
        assert AppendixChange.from_json(change.to_json()) == change


AMOUNTS = st.decimals(min_value=0, max_value=10**6, places=2)
COMPONENTS = st.dictionaries(
    st.sampled_from([("base", ""), ("service", "Pakke 1"), ("service", "Pakke 2"), ("total", "")]),
    AMOUNTS,
    max_size=4,
)
ROWS = st.dictionaries(st.integers(1, 6), st.tuples(st.sampled_from(["day", "month"]), COMPONENTS))


def _rows(data):
    return [
        row(i, *((k, p, a) for (k, p), a in comps.items()), unit=u)
        for i, (u, comps) in data.items()
    ]


@given(before=ROWS, after=ROWS)
def test_the_changes_are_empty_exactly_when_the_rows_say_the_same(before, after):
    changes = appendix_changes(_rows(before), _rows(after))
    assert (not changes) == (before == after)
    for change in (c for c in changes if c.item != OFFER):  # an offer's line has no values
        assert (change.before is None) == (change.change == ADDED)
        assert (change.after is None) == (change.change == REMOVED)
