"""A major change the register shows (an offer closed, a year's places changed) without a
change notice of that kind for the offer within a year: found from the offers' history and
listed for the secretariat."""

import datetime as dt

import pytest
from django.utils import timezone

from notices.calculations import (
    NoticeRef,
    RegisterChange,
    Snapshot,
    changes_without_notice,
    transitions,
)
from notices.selectors import months_ago, register_changes, unnoticed_changes
from offers.services import capacity_set
from tests.factories import TargetGroupFactory
from tests.factories.notices import ChangeNoticeFactory

D = dt.date


def test_transitions_report_changes_between_records_of_the_same_key_since_the_date():
    snapshots = [
        Snapshot(1, 1, D(2019, 1, 1), "active"),
        Snapshot(2, 2, D(2019, 1, 1), "active"),
        Snapshot(1, 1, D(2019, 2, 1), "closed"),  # before `since`: not reported
        Snapshot(1, 1, D(2019, 4, 1), "active"),
        Snapshot(1, 1, D(2019, 5, 1), "closed"),
        Snapshot(2, 2, D(2019, 5, 2), "closed"),
        Snapshot(2, 2, D(2019, 5, 3), "closed"),  # saved again without a change
        Snapshot(3, 3, D(2019, 5, 3), "closed"),  # created closed: its first record
    ]
    found = transitions(snapshots, kind="closing", since=D(2019, 3, 1), became="closed")
    assert [(c.offer_id, c.on) for c in found] == [(1, D(2019, 5, 1)), (2, D(2019, 5, 2))]
    assert (found[0].before, found[0].after) == ("active", "closed")


def test_a_change_is_covered_only_by_a_notice_of_its_kind_for_its_offer_within_the_window():
    change = RegisterChange(offer_id=1, kind="places", on=D(2019, 6, 1))
    covered = [NoticeRef(1, "places", D(2019, 1, 10))]
    assert changes_without_notice([change], covered) == []
    for other in (
        NoticeRef(2, "places", D(2019, 6, 1)),  # another offer
        NoticeRef(1, "closing", D(2019, 6, 1)),  # another kind
        NoticeRef(1, "places", D(2018, 5, 1)),  # more than a year before
    ):
        assert changes_without_notice([change], [other]) == [change]
    late = [NoticeRef(1, "places", D(2019, 7, 1))]  # a late notice is still a notice
    assert changes_without_notice([change], late) == []


def test_months_ago_counts_back_calendar_months():
    assert months_ago(D(2019, 3, 31), 12) == D(2018, 3, 28)
    assert months_ago(D(2019, 1, 15), 1) == D(2018, 12, 15)


@pytest.fixture
def since():
    return timezone.localdate() - dt.timedelta(days=1)


@pytest.mark.django_db
def test_a_closed_offer_and_changed_places_are_found_in_the_history(offer, region_offer, since):
    offer.status = "closed"
    offer.save(update_fields=["status"])
    capacity_set(offer=region_offer, year=2019, as_written="120")
    capacity_set(offer=region_offer, year=2019, as_written="90")
    capacity_set(offer=region_offer, year=2020, as_written="90")  # a new year: no change
    changes = {(c.offer_id, c.kind, c.before, c.after) for c in register_changes(since)}
    assert changes == {
        (offer.pk, "closing", "active", "closed"),
        (region_offer.pk, "places", 120, 90),
    }


@pytest.mark.django_db
def test_a_notice_of_the_kind_removes_the_change_from_the_list(offer, region_offer, since):
    offer.status = "closed"
    offer.save(update_fields=["status"])
    capacity_set(offer=region_offer, year=2019, as_written="120")
    capacity_set(offer=region_offer, year=2019, as_written="90")
    today = timezone.localdate()
    ChangeNoticeFactory(offer=region_offer, noticed_on=today, decided_on=today)
    ChangeNoticeFactory(offer=offer, kind="places", noticed_on=today, decided_on=today)
    found = unnoticed_changes(since)
    assert [(f.offer, f.change.kind, f.detail) for f in found] == [
        (offer, "closing", "Aktivt → Lukket")
    ]


@pytest.mark.django_db
def test_the_secretariat_sees_the_list_and_can_download_it(client, secretariat, offer):
    offer.status = "closed"
    offer.save(update_fields=["status"])
    client.force_login(secretariat)
    page = client.get("/aendringer/uden-varsel/?maaneder=1").content.decode()
    assert "Løvdal" in page and "Tilbud lukket" in page and "Aktivt → Lukket" in page
    csv = client.get("/aendringer/uden-varsel/?_export=csv").content.decode("utf-8-sig")
    assert "Løvdal;Aalborg Kommune;Tilbud lukket" in csv


def test_a_target_group_change_counts_only_when_a_group_is_added():
    snapshots = [
        Snapshot(1, 1, D(2019, 1, 1), frozenset({1})),
        Snapshot(1, 1, D(2019, 5, 1), frozenset()),  # a group removed: not a new target group
        Snapshot(1, 1, D(2019, 6, 1), frozenset({2})),
    ]
    found = transitions(snapshots, kind="target_group", since=D(2019, 1, 1), grew=True)
    assert [(c.on, c.after) for c in found] == [(D(2019, 6, 1), frozenset({2}))]


@pytest.mark.django_db
def test_a_new_target_group_in_the_register_without_notice_is_listed(offer, since):
    offer.target_groups.add(TargetGroupFactory(slug="adhd", name="ADHD"))
    offer.target_groups.add(TargetGroupFactory(slug="autisme", name="Autisme"))
    found = unnoticed_changes(since)
    assert [(f.change.kind, f.detail) for f in found] == [
        ("target_group", "+ ADHD"),
        ("target_group", "+ Autisme"),
    ]
    today = timezone.localdate()
    ChangeNoticeFactory(offer=offer, kind="target_group", decided_on=today, noticed_on=today)
    assert unnoticed_changes(since) == []
