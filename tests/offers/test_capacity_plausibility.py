"""An occupancy over 100 % is saved only after the operator confirms it; occupancy of
places that do not exist is refused, naming the field (issue 11 #14)."""

from decimal import Decimal

import pytest

from offers.plausibility import check_capacity
from offers.services import capacity_token


def findings(pct, places):
    found = check_capacity(occupancy_pct=Decimal(pct), total_places=places)
    return [f.impossible for f in found]


def test_occupancy_rules():
    assert findings("97.5", 20) == []
    assert findings("100", None) == []
    assert findings("140", 20) == [False]  # implausible: a warning to confirm
    assert findings("-1", 20) == [True]
    assert findings("50", 0) == [True]  # "0" places cannot be half full


def post(client, offer, **extra):
    data = {
        "year": 2020,
        "as_written": "20",
        "occupancy_pct": "140",
        "edit_token": capacity_token(offer, 2020),
        **extra,
    }
    return client.post(f"/tilbud/{offer.pk}/pladser/", data)


@pytest.mark.django_db
def test_an_occupancy_of_140_percent_is_saved_only_when_confirmed(client, aalborg_operator, offer):
    client.force_login(aalborg_operator)
    response = post(client, offer)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Belægning (%)" in page and 'name="confirm_plausible"' in page
    assert "Jeg bekræfter, at tallene er rigtige" in page
    assert not offer.capacities.exists()
    assert post(client, offer, confirm_plausible="1").status_code == 302
    assert offer.capacities.get(year=2020).occupancy_pct == Decimal("140.0")


@pytest.mark.django_db
def test_occupancy_of_no_places_is_refused_even_when_confirmed(client, aalborg_operator, offer):
    client.force_login(aalborg_operator)
    response = post(client, offer, as_written="0", occupancy_pct="50", confirm_plausible="1")
    assert response.status_code == 400
    assert 'id="plausibility-errors"' in response.content.decode()
    assert not offer.capacities.exists()
