"""Who reads which notices: the secretariat, the reporters and the bodies' members every one,
an operator those of its own offers; the expert panel and users without a role get a 404.
Only the secretariat edits; the offer's page shows its notices to those who may read them."""

import pytest

from tests.factories.notices import ChangeNoticeFactory

EVERY = {"secretariat", "aalborg_reporter", "das_member"}


@pytest.fixture
def notices(offer, region_offer):
    return {
        "own": ChangeNoticeFactory(offer=offer),
        "other": ChangeNoticeFactory(offer=region_offer),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("secretariat", {"own", "other"}),
        ("aalborg_reporter", {"own", "other"}),
        ("das_member", {"own", "other"}),
        ("aalborg_operator", {"own"}),
        ("outsider", None),
    ],
)
def test_each_persona_reads_the_notices_its_role_allows(client, request, notices, persona, sees):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/aendringer/")
    if sees is None:
        assert response.status_code == 404
        assert client.get(f"/aendringer/{notices['own'].pk}/").status_code == 404
        return
    listed = {n.pk for n in response.context["notices"]}
    assert listed == {notices[name].pk for name in sees}
    for name, notice in notices.items():
        expected = 200 if name in sees else 404
        assert client.get(f"/aendringer/{notice.pk}/").status_code == expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["aalborg_operator", "aalborg_reporter", "das_member"])
def test_only_the_secretariat_edits_a_notice(client, request, notices, persona):
    client.force_login(request.getfixturevalue(persona))
    notice = notices["own"]
    assert client.get(f"/aendringer/{notice.pk}/").context["form"] is None
    response = client.post(f"/aendringer/{notice.pk}/", {"description": "x"})
    assert response.status_code == 404
    notice.refresh_from_db()
    assert notice.description != "x"


@pytest.mark.django_db
def test_an_operator_records_notices_only_for_its_own_offers(
    client, aalborg_operator, offer, region_offer
):
    client.force_login(aalborg_operator)
    choices = client.get("/aendringer/ny/").context["form"].fields["offer"].queryset
    assert list(choices) == [offer]
    data = {"offer": region_offer.pk, "kind": "other", "description": "x"}
    data |= {"decided_on": "01.09.2019", "noticed_on": "01.09.2019"}
    assert client.post("/aendringer/ny/", data).status_code == 200  # not a valid choice
    assert not region_offer.change_notices.exists()


@pytest.mark.django_db
def test_reporters_may_not_record(client, aalborg_reporter):
    client.force_login(aalborg_reporter)
    assert client.get("/aendringer/ny/").status_code == 404


@pytest.mark.django_db
def test_the_offer_page_lists_its_notices_for_readers_only(client, aalborg_operator, notices):
    offer = notices["own"].offer
    public = client.get(f"/tilbud/{offer.pk}/").content.decode()
    assert "Ændringsvarsler" not in public
    client.force_login(aalborg_operator)
    page = client.get(f"/tilbud/{offer.pk}/").content.decode()
    assert "Ændringsvarsler" in page and f"/aendringer/{notices['own'].pk}/" in page
    assert f"/aendringer/ny/?tilbud={offer.pk}" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "shown"),
    [("secretariat", True), ("aalborg_operator", True), ("das_member", True), ("outsider", False)],
)
def test_the_main_menu_links_the_notices_for_those_who_may_read_them(
    client, request, persona, shown
):
    client.force_login(request.getfixturevalue(persona))
    assert ('href="/aendringer/"' in client.get("/").content.decode()) is shown
