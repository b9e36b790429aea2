"""The offer's change history as its maintainers see it: people by name, fields by their
Danish labels and choices by theirs, never a raw id or an empty row; place updates and
tariff reports and approvals appear in it, made through the pages (the services)."""

import pytest

from offers.models import Offer, TargetGroup
from tariffs.models import Tariff
from tariffs.services import tariff_approve, tariff_token
from tests.posted import posted


def history(client, offer):
    return client.get(f"/tilbud/{offer.pk}/").context["history"]


def lines(entries) -> list[str]:
    return [
        f"{entry.who} | {entry.subject}: {entry.action} {entry.note} | "
        + "; ".join(f"{c.field}: {c.old} → {c.new}" for c in entry.changes)
        for entry in entries
    ]


def assert_no_ids_or_empty_rows(entries, *ids):
    for entry in entries:
        assert entry.changes or entry.note or entry.action == "Oprettet", lines([entry])
        for change in entry.changes:
            assert change.new not in {str(i) for i in ids}, lines([entry])


@pytest.mark.django_db
def test_confirming_shows_who_confirmed_by_name(client, aalborg_operator, offer):
    aalborg_operator.first_name, aalborg_operator.last_name = "Ole", "Olsen"
    aalborg_operator.save(update_fields=["first_name", "last_name"])
    client.force_login(aalborg_operator)
    data = posted(client.get(f"/tilbud/{offer.pk}/").content.decode(), "edit_token")
    assert client.post(f"/tilbud/{offer.pk}/bekraeft/", data).status_code == 302
    entry = history(client, offer)[0]
    assert entry.who == "Ole Olsen"
    changes = {c.field: (c.old, c.new) for c in entry.changes}
    assert changes["senest bekræftet af"] == ("–", "Ole Olsen")
    assert_no_ids_or_empty_rows(history(client, offer), aalborg_operator.pk)


@pytest.mark.django_db
def test_target_groups_and_unchanged_saves_give_no_empty_rows(client, secretariat, offer):
    group = TargetGroup.objects.create(name="Udviklingshæmning", slug="udv")
    offer.target_groups.set([group])
    Offer.objects.get(pk=offer.pk).save()  # a save that changes nothing
    client.force_login(secretariat)
    entries = history(client, offer)
    assert_no_ids_or_empty_rows(entries, group.pk)
    assert "målgrupper: – → Udviklingshæmning" in " ".join(lines(entries))
    assert len(entries) == 2  # the creation and the target group, nothing else


@pytest.mark.django_db
def test_a_status_change_shows_the_choice_labels(client, secretariat, offer):
    client.force_login(secretariat)
    data = posted(client.get(f"/tilbud/{offer.pk}/rediger/").content.decode(), "edit_token")
    response = client.post(f"/tilbud/{offer.pk}/rediger/", {**data, "status": "closed"})
    assert response.status_code == 302
    assert "status: Aktivt → Lukket" in lines(history(client, offer))[0]


@pytest.mark.django_db
def test_a_place_update_appears_in_the_offers_history(client, aalborg_operator, offer):
    client.force_login(aalborg_operator)
    url = f"/tilbud/{offer.pk}/pladser/?aar=2019"
    data = posted(client.get(url).content.decode(), "edit_token")
    assert client.post(url, {**data, "as_written": "ca. 20"}).status_code == 302
    line = lines(history(client, offer))[0]
    assert line.startswith(f"Test {aalborg_operator.username} | Kapacitet 2019: Oprettet")
    assert "pladser som angivet: – → ca. 20" in line


@pytest.mark.django_db
def test_a_tariff_report_and_its_approval_appear_in_the_offers_history(
    client, aalborg_operator, secretariat, offer
):
    client.force_login(aalborg_operator)
    data = {"unit": "day", "note": "", "edit_token": tariff_token(offer, 2021)}
    data |= {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0"}
    data |= {"form-0-kind": "base", "form-0-amount": "1.500,00", "form-1-kind": "service"}
    data |= {"form-1-package": "Pakke 1", "form-1-amount": "812,50"}
    assert client.post(f"/takster/tilbud/{offer.pk}/2021/", data).status_code == 302
    tariff_approve(tariff=Tariff.objects.get(), user=secretariat)
    approved, reported = lines(history(client, offer))[:2]
    assert reported.startswith(f"Test {aalborg_operator.username} | Takst 2021: Oprettet")
    assert "Basistakst 1.500,00 kr.; Servicetakst (Pakke 1) 812,50 kr." in reported
    assert "status: – → Foreløbig" in reported and "provisional" not in reported
    assert "status: Foreløbig → Endelig" in approved
    assert "godkendt af: – → Sara" in approved
    assert_no_ids_or_empty_rows(history(client, offer), secretariat.pk, aalborg_operator.pk)


@pytest.mark.django_db
def test_the_history_keeps_a_constant_number_of_queries(client, secretariat, offer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from offers.services import capacity_set

    def count():
        with CaptureQueriesContext(connection) as captured:
            history(client, offer)
        return len(captured)

    client.force_login(secretariat)
    capacity_set(offer=offer, year=2019, as_written="5")
    offer.target_groups.add(TargetGroup.objects.create(name="G", slug="g"))
    count()  # the first request of a session does one-off work
    few = count()
    for year in range(2000, 2010):
        capacity_set(offer=offer, year=year, as_written=str(year - 1990))
        offer.target_groups.add(TargetGroup.objects.create(name=f"G{year}", slug=f"g{year}"))
    assert count() == few
