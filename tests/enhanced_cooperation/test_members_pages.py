"""The public members list and member page, and the secretariat's member and period forms."""

import datetime as dt

import pytest

from enhanced_cooperation import services_members as services
from enhanced_cooperation.models import Member, Period
from tests.factories.enhanced_cooperation import MemberFactory, PeriodFactory

pytestmark = pytest.mark.django_db


def test_anonymous_sees_the_members_of_the_current_period(client, aalborg_member, region_member):
    later = PeriodFactory(start_year=2099)
    MemberFactory(period=later, name="Fremtidens Center")
    Member.objects.filter(pk=region_member.pk).update(
        ends_on=dt.date(2019, 12, 31), end_reason="KKR"
    )
    response = client.get("/samarbejde/", {"periode": aalborg_member.period.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Løvdals Center" in page and "Fremtidens Center" not in page
    assert aalborg_member.offers.get().get_absolute_url() in page
    assert "Udtrådt pr. 31. december 2019" in page
    assert ">Medlem<" in page
    assert "Fremtidens Center" in client.get("/samarbejde/", {"periode": later.pk}).content.decode()


def test_the_members_download_is_the_csv_dialect(client, aalborg_member):
    response = client.get("/samarbejde/", {"periode": aalborg_member.period.pk, "_export": "csv"})
    assert response.status_code == 200
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    assert "Løvdals Center;Løvdal;" in text
    xlsx = client.get("/samarbejde/", {"_export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_the_member_page_shows_criteria_decision_rights_and_history(client, aalborg_member):
    offer = aalborg_member.offers.get()
    later = MemberFactory(period=PeriodFactory(start_year=2021), name="Løvdal igen", offers=[offer])
    page = client.get(aalborg_member.get_absolute_url()).content.decode()
    for text in (
        "Kriterier",
        "Målgruppe",
        "Kompetencer",
        "Specialiseringsprofil",
        "Eneste tilbud af sin art i regionen",
        "Højt specialiserede kompetencer",
        "Rettigheder og forpligtelser",
        "Beskyttede konkurrencevilkår"[:10],
        "DAS 12. december 2018",
        "12. december 2018",
        later.get_absolute_url(),
    ):
        assert text in page, text
    assert "Giv besked om udtræden" not in page


@pytest.mark.parametrize("url", ["/samarbejde/medlemmer/ny/", "/samarbejde/perioder/ny/"])
def test_only_the_secretariat_keeps_members_and_periods(
    client, url, aalborg_operator, aalborg_reporter, secretariat
):
    for user in (aalborg_operator, aalborg_reporter):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404
    client.force_login(secretariat)
    assert client.get(url).status_code == 200


def test_unknown_member_is_404(client):
    assert client.get("/samarbejde/medlemmer/999999/").status_code == 404


def _member_data(member, **changes):
    data = {
        "period": member.period.pk,
        "name": member.name,
        "offers": [o.pk for o in member.offers.all()],
        "target_group": member.target_group,
        "criterion_target_group": "Lille målgruppe",
        "criterion_competences": "Kompetencer",
        "criterion_profile": "Profil",
        "criterion_only_offer": "Eneste",
        "decided_by": "DAS",
        "decision_meeting": "DAS 21. maj 2019, punkt 6",
        "decided_on": "21.05.2019",
    }
    return {**data, **changes}


def test_the_secretariat_creates_a_member(client, secretariat, aalborg_member):
    client.force_login(secretariat)
    data = _member_data(aalborg_member, name="Nyt Center")
    response = client.post("/samarbejde/medlemmer/ny/", data)
    assert response.status_code == 302
    created = Member.objects.get(name="Nyt Center")
    assert list(created.offers.all()) == list(aalborg_member.offers.all())
    assert created.decided_on == dt.date(2019, 5, 21)


def test_a_stale_member_edit_is_refused(client, secretariat, aalborg_member):
    client.force_login(secretariat)
    url = f"/samarbejde/medlemmer/{aalborg_member.pk}/ret/"
    token = client.get(url).context["form"]["edit_token"].value()
    services.member_save(
        member=aalborg_member,
        offers=list(aalborg_member.offers.all()),
        **{k: getattr(aalborg_member, k) for k in ("period", "target_group", "decided_by")},
        name="Ændret af en anden",
    )
    response = client.post(url, _member_data(aalborg_member, name="Mit navn", edit_token=token))
    assert response.status_code == 409
    assert Member.objects.get(pk=aalborg_member.pk).name == "Ændret af en anden"
    fresh = response.context["form"]["edit_token"].value()
    again = client.post(url, _member_data(aalborg_member, name="Mit navn", edit_token=fresh))
    assert again.status_code == 302
    assert Member.objects.get(pk=aalborg_member.pk).name == "Mit navn"


def test_a_cpr_like_justification_is_refused(client, secretariat, aalborg_member):
    client.force_login(secretariat)
    data = _member_data(aalborg_member, name="Nyt", criterion_profile="Borger 010190-1234")
    response = client.post("/samarbejde/medlemmer/ny/", data)
    assert response.status_code == 400
    assert "010190-1234" not in response.content.decode()
    assert not Member.objects.filter(name="Nyt").exists()


def test_the_secretariat_creates_and_edits_a_period(client, secretariat, period):
    client.force_login(secretariat)
    data = {"start_year": 2021, "end_year": 2022, "rights_and_duties": "Dialog\nBeskyttelse"}
    assert client.post("/samarbejde/perioder/ny/", data).status_code == 302
    created = Period.objects.get(start_year=2021)
    assert created.rights_and_duties_lines == ["Dialog", "Beskyttelse"]
    overlap = {"start_year": 2020, "end_year": 2021, "rights_and_duties": "x"}
    refused = client.post("/samarbejde/perioder/ny/", overlap)
    assert refused.status_code == 400 and "overlapper perioden" in refused.content.decode()
    url = f"/samarbejde/perioder/{created.pk}/ret/"
    token = client.get(url).context["form"]["edit_token"].value()
    edit = {**data, "rights_and_duties": "Kun dialog", "edit_token": token}
    assert client.post(url, edit).status_code == 302
    assert client.post(url, {**edit, "rights_and_duties": "Igen"}).status_code == 409


@pytest.mark.parametrize(
    "persona", [None, "aalborg_reporter", "aalborg_operator", "das_member", "secretariat"]
)
def test_everyone_reads_the_list_and_member_page_only_the_secretariat_sees_edit_links(
    client, request, persona, aalborg_member
):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    listing = client.get("/samarbejde/")
    page = client.get(aalborg_member.get_absolute_url())
    assert listing.status_code == page.status_code == 200
    assert listing.context["may_manage"] is (persona == "secretariat")
    edit_url = f"/samarbejde/medlemmer/{aalborg_member.pk}/ret/"
    assert (edit_url in page.content.decode()) is (persona == "secretariat")
    notice_shown = page.context["exit_form"] is not None
    assert notice_shown is (persona in ("aalborg_operator", "secretariat"))


def test_the_status_says_leaves_before_the_day_and_left_after(db):
    import datetime as dt

    from enhanced_cooperation.tables.members import member_status
    from tests.factories.enhanced_cooperation import MemberFactory

    member = MemberFactory(ends_on=dt.date(2019, 12, 31), end_reason="Ikke fornyet")
    assert member_status(member, today=dt.date(2019, 6, 1)) == "Udtræder pr. 31. december 2019"
    assert member_status(member, today=dt.date(2020, 1, 1)) == "Udtrådt pr. 31. december 2019"
