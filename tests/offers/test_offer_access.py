"""Who may do what with offers: 404 for what a role may not see or change."""

import pytest

from offers.forms import OfferForm
from offers.services import capacity_token, confirm_token
from tests.factories import OfferFactory, RegionFactory

PUBLIC = ["/tilbud/", "/tilbud/{pk}/", "/kommuner/", "/kommuner/851/", "/tilbud/pladser/2018/"]
SECRETARIAT_ONLY = ["/tilbud/ny/", "/tilbud/{pk}/rediger/", "/tilbud/import/"]
MAINTAINERS = ["/tilbud/{pk}/pladser/"]


@pytest.fixture
def aalborg_offer(aalborg):
    return OfferFactory(name="Kastanjebo", operator=aalborg)


@pytest.fixture
def personas(
    secretariat, aalborg_reporter, hjorring_reporter, aalborg_operator, das_member, outsider
):
    return {
        "secretariat": secretariat,
        "aalborg_reporter": aalborg_reporter,
        "hjorring_reporter": hjorring_reporter,
        "aalborg_operator": aalborg_operator,
        "das_member": das_member,
        "outsider": outsider,
    }


def status(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_are_open_to_everyone(client, personas, aalborg_offer, url):
    url = url.format(pk=aalborg_offer.pk)
    assert status(client, None, url) == 200
    for user in personas.values():
        assert status(client, user, url) == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", SECRETARIAT_ONLY)
def test_only_the_secretariat_may_create_edit_and_import_offers(
    client, personas, aalborg_offer, url
):
    url = url.format(pk=aalborg_offer.pk)
    assert status(client, personas["secretariat"], url) == 200
    assert status(client, None, url) == 302  # anonymous: to the login page
    for name, user in personas.items():
        if name != "secretariat":
            assert status(client, user, url) == 404, name


@pytest.mark.django_db
@pytest.mark.parametrize("url", MAINTAINERS)
def test_an_operator_maintains_places_of_its_own_offers_only(client, personas, aalborg_offer, url):
    regional = OfferFactory(name="Kvisten", operator=RegionFactory())
    assert status(client, personas["aalborg_operator"], url.format(pk=aalborg_offer.pk)) == 200
    assert status(client, personas["aalborg_operator"], url.format(pk=regional.pk)) == 404
    assert status(client, personas["secretariat"], url.format(pk=regional.pk)) == 200
    for name in ["aalborg_reporter", "hjorring_reporter", "das_member", "outsider"]:
        assert status(client, personas[name], url.format(pk=aalborg_offer.pk)) == 404, name
    assert status(client, None, url.format(pk=aalborg_offer.pk)) == 302


@pytest.mark.django_db
def test_change_history_is_shown_to_maintainers_not_to_the_public(
    client, secretariat, aalborg_operator, outsider, aalborg_offer
):
    client.force_login(secretariat)
    response = client.post(
        f"/tilbud/{aalborg_offer.pk}/rediger/",
        {
            "name": "Kastanjebo",
            "operator": aalborg_offer.operator_id,
            "status": "closed",
            "edit_token": OfferForm(instance=aalborg_offer)["edit_token"].initial,
        },
    )
    assert response.status_code == 302
    history = client.get(f"/tilbud/{aalborg_offer.pk}/").context["history"]
    assert history[0].who == secretariat.get_full_name()
    assert [(c.old, c.new) for c in history[0].changes if c.field == "status"] == [
        ("Aktivt", "Lukket")  # the choices' labels, not the stored values
    ]
    client.force_login(aalborg_operator)
    assert client.get(f"/tilbud/{aalborg_offer.pk}/").context["history"] is not None
    client.force_login(outsider)
    assert client.get(f"/tilbud/{aalborg_offer.pk}/").context["history"] is None


@pytest.mark.django_db
def test_operator_saves_loosely_written_places_and_they_are_flagged(
    client, aalborg_operator, aalborg_offer
):
    client.force_login(aalborg_operator)
    response = client.post(
        f"/tilbud/{aalborg_offer.pk}/pladser/",
        {
            "year": 2020,
            "as_written": "ca. 20",
            "occupancy_pct": "97,5",
            "edit_token": capacity_token(aalborg_offer, 2020),
        },
    )
    assert response.status_code == 302
    capacity = aalborg_offer.capacities.get(year=2020)
    assert (capacity.base_places, capacity.needs_review, str(capacity.occupancy_pct)) == (
        20,
        True,
        "97.5",
    )


@pytest.mark.django_db
def test_operator_confirms_an_offer_as_up_to_date(client, aalborg_operator, aalborg_offer):
    client.force_login(aalborg_operator)
    client.post(
        f"/tilbud/{aalborg_offer.pk}/bekraeft/", {"edit_token": confirm_token(aalborg_offer)}
    )
    aalborg_offer.refresh_from_db()
    assert aalborg_offer.last_confirmed_by == aalborg_operator
    assert aalborg_offer.last_confirmed_at is not None


@pytest.mark.django_db
def test_a_private_operator_has_no_public_page(client):
    assert client.get("/kommuner/None/").status_code == 404


@pytest.mark.django_db
def test_an_absurdly_large_place_count_is_kept_as_text_and_flagged(aalborg_offer):
    from offers.services import capacity_set

    capacity = capacity_set(offer=aalborg_offer, year=2020, as_written="9" * 25)
    assert capacity.as_written == "9" * 25
    assert (capacity.base_places, capacity.total_places, capacity.needs_review) == (
        None,
        None,
        True,
    )
