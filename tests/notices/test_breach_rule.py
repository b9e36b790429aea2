"""SPEC §1: notice must be given at the latest when the decision is taken; a notice dated
after its decision is a breach of the agreement, flagged wherever the notice is shown."""

import datetime as dt

import pytest

from notices.calculations import is_breach
from notices.models import ChangeNotice
from tests.factories.notices import ChangeNoticeFactory

DECIDED = dt.date(2019, 9, 1)
FLAG = "Varslet efter beslutning – brud på aftalen"


@pytest.mark.parametrize(
    ("noticed_on", "breach"),
    [
        (dt.date(2019, 6, 1), False),  # months before: as early as possible
        (DECIDED, False),  # on the day of the decision: at the latest, still in time
        (dt.date(2019, 9, 2), True),  # a day late
        (dt.date(2020, 1, 1), True),
    ],
)
def test_a_notice_after_its_decision_is_a_breach_and_on_the_day_is_in_time(noticed_on, breach):
    assert is_breach(decided_on=DECIDED, noticed_on=noticed_on) is breach


@pytest.mark.django_db
def test_the_model_and_the_queryset_agree_on_the_rule(offer):
    late = ChangeNoticeFactory(offer=offer, decided_on=DECIDED, noticed_on=dt.date(2019, 9, 3))
    same_day = ChangeNoticeFactory(offer=offer, decided_on=DECIDED, noticed_on=DECIDED)
    assert late.is_breach and not same_day.is_breach
    assert list(ChangeNotice.objects.breaches()) == [late]
    assert list(ChangeNotice.objects.in_time()) == [same_day]


@pytest.mark.django_db
def test_the_list_flags_the_late_notice_and_filters_by_breach(client, secretariat, offer):
    late = ChangeNoticeFactory(offer=offer, noticed_on=dt.date(2019, 9, 3))
    ChangeNoticeFactory(offer=offer, description="I tide")
    client.force_login(secretariat)
    page = client.get("/aendringer/").content.decode()
    assert page.count(FLAG) == 1
    breaches = client.get("/aendringer/?brud=ja").context["notices"]
    assert [n.pk for n in breaches] == [late.pk]
    assert FLAG in client.get(f"/aendringer/{late.pk}/").content.decode()


@pytest.mark.django_db
def test_the_list_filters_by_kind_and_year_and_exports_the_same_rows(client, secretariat, offer):
    ChangeNoticeFactory(offer=offer, kind="closing", noticed_on=dt.date(2018, 5, 1))
    ChangeNoticeFactory(offer=offer)
    client.force_login(secretariat)
    assert len(client.get("/aendringer/?kind=closing").context["notices"]) == 1
    assert len(client.get("/aendringer/?aar=2019").context["notices"]) == 1
    response = client.get("/aendringer/?brud=nej&_export=csv")
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0].startswith("Tilbud;Part;Art af ændring;Beslutningsdato")
    assert "Løvdal;Aalborg Kommune;Ændring af pladser;2019-09-01;2019-08-25" in text
    assert text.count("Løvdal") == 2
    xlsx = client.get("/aendringer/?_export=xlsx")
    assert xlsx.content.startswith(b"PK")
