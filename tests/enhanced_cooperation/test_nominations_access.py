"""Who sees which nominations (issue 14): the secretariat and the expert panel all, the
nominating organisation its own; anyone else a 404. The list downloads as CSV and XLSX."""

import pytest

from tests.factories.enhanced_cooperation import NominationFactory, panel_user
from tests.factories.offers import OfferFactory

from .nomination_data import open_round

pytestmark = pytest.mark.django_db
LIST = "/samarbejde/indmeldinger/"


@pytest.fixture
def nomination(hjorring):
    return NominationFactory(
        round=open_round(2019),
        offer=OfferFactory(name="Kvisten"),
        nominated_by=hjorring,
        receipt_code="IND-2019-0001",
    )


def test_the_nominating_municipality_sees_its_own(client, hjorring_reporter, nomination):
    client.force_login(hjorring_reporter)
    page = client.get(LIST)
    assert list(page.context["nominations"]) == [nomination]
    detail = client.get(f"{LIST}{nomination.pk}/")
    assert detail.status_code == 200
    assert "Kvisten" in detail.content.decode()
    assert not detail.context["may_assess"] and not detail.context["may_decide"]


def test_another_municipality_gets_404(client, aalborg_reporter, aalborg_operator, nomination):
    for user in (aalborg_reporter, aalborg_operator):
        client.force_login(user)
        assert list(client.get(LIST).context["nominations"]) == []
        assert client.get(f"{LIST}{nomination.pk}/").status_code == 404
        assert client.get(f"{LIST}{nomination.pk}/kvittering/").status_code == 404


def test_the_panel_and_the_secretariat_see_all(client, secretariat, nomination):
    for user in (secretariat, panel_user()):
        client.force_login(user)
        assert list(client.get(LIST).context["nominations"]) == [nomination]
        assert client.get(f"{LIST}{nomination.pk}/").context["may_assess"]


def test_outsiders_get_404(client, das_member, outsider, nomination):
    for user in (das_member, outsider):
        client.force_login(user)
        assert client.get(LIST).status_code == 404
        assert client.get(f"{LIST}{nomination.pk}/").status_code == 404


def test_the_list_downloads_as_csv_and_xlsx(client, secretariat, nomination):
    client.force_login(secretariat)
    csv = client.get(LIST, {"_export": "csv"})
    assert csv.status_code == 200
    text = csv.content.decode("utf-8-sig")
    assert "IND-2019-0001;Kvisten;Hjørring Kommune" in text
    xlsx = client.get(LIST, {"_export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"
