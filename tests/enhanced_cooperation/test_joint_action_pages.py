"""The early joint action pages: the secretariat opens one from the flags (reason filled in),
records decisions and closes it; the operator of the member's offer reads its own; everyone
else gets 404. Lists export as CSV and XLSX."""

import datetime as dt
import io
from decimal import Decimal as D

import openpyxl
import pytest
from django.utils import timezone

from enhanced_cooperation.models import JointAction, JointActionDecision
from enhanced_cooperation.services_joint_action import joint_action_token
from tests.factories.enhanced_cooperation import (
    MemberFactory,
    PeriodFactory,
    joint_action,
    panel_user,
)
from tests.factories.offers import OfferFactory, UsageFactory
from tests.factories.organisations import MunicipalityFactory

pytestmark = pytest.mark.django_db
USAGE = "Forbruget hos handlekommunerne er faldet fra 10 pladser i 2017 til 6 i 2018."


@pytest.fixture
def member(aalborg):
    offer = OfferFactory(name="Løvdal", operator=aalborg)
    member = MemberFactory(period=PeriodFactory(start_year=2019), name="Løvdal", offers=[offer])
    buyer = MunicipalityFactory()
    UsageFactory(offer=offer, year=2017, acting_municipality=buyer, places=D(10))
    UsageFactory(offer=offer, year=2018, acting_municipality=buyer, places=D(6))
    return member


@pytest.fixture
def action(member):
    return joint_action(member, year=2019, today=timezone.localdate() - dt.timedelta(days=10))


def test_open_from_the_flags_with_the_reason_filled_in(client, secretariat, member):
    client.force_login(secretariat)
    overview = client.get("/samarbejde/signaler/?aar=2019")
    assert overview.status_code == 200
    page = overview.content.decode()
    assert USAGE in page and "Signaler om faldende efterspørgsel 2019<" in page
    link = f"/samarbejde/faelles-indsats/ny/?medlem={member.pk}&amp;aar=2019"
    assert link in page and "Åbn tidlig fælles indsats" in page
    form = client.get(f"/samarbejde/faelles-indsats/ny/?medlem={member.pk}&aar=2019")
    assert form.context["form"].initial == {"member": member.pk, "year": 2019, "reason": USAGE}
    response = client.post(
        "/samarbejde/faelles-indsats/ny/?medlem=x",
        {"member": member.pk, "year": 2019, "reason": USAGE},
    )
    action = JointAction.objects.get()
    assert (
        response.status_code == 302 and response.url == f"/samarbejde/faelles-indsats/{action.pk}/"
    )
    assert (action.reason, action.year, action.opened_by) == (USAGE, 2019, secretariat)
    again = client.get("/samarbejde/signaler/?aar=2019").content.decode()
    assert link not in again and action.get_absolute_url() in again


def test_opening_twice_is_refused_with_a_danish_message(client, secretariat, member, action):
    client.force_login(secretariat)
    response = client.post(
        "/samarbejde/faelles-indsats/ny/", {"member": member.pk, "year": 2019, "reason": "x"}
    )
    assert response.status_code == 400
    assert "har allerede en åben fælles indsats" in response.content.decode()
    assert JointAction.objects.count() == 1


def test_decide_and_close_on_the_detail_page(client, secretariat, action):
    client.force_login(secretariat)
    url = f"/samarbejde/faelles-indsats/{action.pk}/"
    page = client.get(url)
    token = page.context["decision_form"]["edit_token"].initial
    assert token == joint_action_token(action)
    decided = client.post(
        url,
        {
            "decided_on": timezone.localdate().strftime("%d.%m.%Y"),
            "decided_by": "DAS 21. maj 2019, punkt 6",
            "text": "Handleplan inden 1. oktober",
            "edit_token": token,
        },
    )
    assert decided.status_code == 302
    decision = JointActionDecision.objects.get()
    assert decision.recorded_by == secretariat
    assert "Handleplan inden 1. oktober" in client.get(url).content.decode()
    stale = client.post(f"{url}luk/", {"edit_token": token})  # shown before the decision
    assert stale.status_code == 409
    assert "Nogen har gemt" in stale.content.decode() or stale.context["stale_message"]
    fresh = client.get(url).context["close_form"]["edit_token"].initial
    closed = client.post(f"{url}luk/", {"edit_token": fresh})
    assert closed.status_code == 302
    action.refresh_from_db()
    assert action.status == "closed" and action.closed_on == timezone.localdate()
    after = client.get(url)
    assert after.context["decision_form"] is None and after.context["close_form"] is None


def test_a_stale_decision_keeps_what_was_typed(client, secretariat, action):
    client.force_login(secretariat)
    url = f"/samarbejde/faelles-indsats/{action.pk}/"
    token = client.get(url).context["decision_form"]["edit_token"].initial
    JointActionDecision.objects.create(
        action=action, decided_on=timezone.localdate(), decided_by="DAS", text="Først"
    )
    typed = {
        "decided_on": timezone.localdate().strftime("%d.%m.%Y"),
        "decided_by": "KKR",
        "text": "Min beslutning",
        "edit_token": token,
    }
    response = client.post(url, typed)
    assert response.status_code == 409
    assert "Min beslutning" in response.content.decode()
    assert JointActionDecision.objects.count() == 1
    refreshed = response.context["decision_form"].data["edit_token"]
    assert refreshed == joint_action_token(action)
    assert client.post(url, {**typed, "edit_token": refreshed}).status_code == 302
    assert JointActionDecision.objects.count() == 2


def test_a_bad_decision_names_the_field(client, secretariat, action):
    client.force_login(secretariat)
    url = f"/samarbejde/faelles-indsats/{action.pk}/"
    token = client.get(url).context["decision_form"]["edit_token"].initial
    future = (timezone.localdate() + dt.timedelta(days=3)).strftime("%d.%m.%Y")
    response = client.post(
        url, {"decided_on": future, "decided_by": "DAS", "text": "x", "edit_token": token}
    )
    assert response.status_code == 400
    assert "Beslutningsdatoen kan ikke ligge i fremtiden" in response.content.decode()
    assert not JointActionDecision.objects.exists()


def test_the_operator_reads_its_own_and_others_get_404(
    client, action, aalborg_operator, hjorring_reporter, outsider
):
    url = f"/samarbejde/faelles-indsats/{action.pk}/"
    client.force_login(aalborg_operator)
    page = client.get(url)
    assert page.status_code == 200 and page.context["decision_form"] is None
    assert [a.pk for a in client.get("/samarbejde/faelles-indsats/").context["actions"]] == [
        action.pk
    ]
    assert client.post(url, {"text": "x"}).status_code == 404
    assert client.post(f"{url}luk/", {}).status_code == 404
    assert client.get("/samarbejde/faelles-indsats/ny/").status_code == 404
    assert client.get("/samarbejde/signaler/").status_code == 404
    other = OfferFactory(operator=MunicipalityFactory())
    elsewhere = joint_action(MemberFactory(period=action.member.period, offers=[other]))
    assert client.get(f"/samarbejde/faelles-indsats/{elsewhere.pk}/").status_code == 404
    for user in (hjorring_reporter, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.get("/samarbejde/faelles-indsats/").status_code == 404
    client.force_login(panel_user())
    assert client.get("/samarbejde/signaler/?aar=2019").status_code == 200
    assert client.get(url).status_code == 404
    action.refresh_from_db()
    assert action.status == "open" and not action.decisions.exists()


def test_the_lists_export_as_csv_and_xlsx(client, secretariat, action):
    client.force_login(secretariat)
    csv = client.get("/samarbejde/faelles-indsats/?_export=csv")
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0] == ("Medlem;Tilbud;År;Åbnet den;Status;Lukket den;Beslutninger")
    assert text.splitlines()[1].startswith("Løvdal;Løvdal;2019;")
    xlsx = client.get("/samarbejde/faelles-indsats/?_export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert "Løvdal" in [cell.value for row in sheet.iter_rows() for cell in row]
    flags = client.get("/samarbejde/signaler/?aar=2019&_export=csv").content.decode("utf-8-sig")
    assert flags.splitlines()[0] == "Medlem;Tilbud;Signaler;Tidlig fælles indsats"
    assert USAGE in flags


def test_a_bad_year_on_the_overview_shows_this_year(client, secretariat, member):
    client.force_login(secretariat)
    for value in ("abc", "99999", "-1", ""):
        response = client.get("/samarbejde/signaler/", {"aar": value})
        assert response.status_code == 200
        assert response.context["year"] == timezone.localdate().year


def test_cpr_like_text_is_refused_and_not_echoed(client, secretariat, member):
    client.force_login(secretariat)
    response = client.post(
        "/samarbejde/faelles-indsats/ny/",
        {"member": member.pk, "year": 2019, "reason": "Borger 010190-1234 flytter"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "CPR-nummer" in page and "010190-1234" not in page and "010190-****" in page
    assert not JointAction.objects.exists()
