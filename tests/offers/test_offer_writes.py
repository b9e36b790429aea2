"""The secretariat's offer pages write through the offer services: a new offer is saved with
its relations, and an edit saves only what changed."""

import pytest

from offers.models import Offer, TargetGroup
from tests.factories import OfferFactory


@pytest.mark.django_db
def test_the_secretariat_creates_an_offer_with_its_target_groups(client, secretariat, aalborg):
    group = TargetGroup.objects.create(name="Udviklingshæmning", slug="udv")
    client.force_login(secretariat)
    response = client.post(
        "/tilbud/ny/",
        {
            "name": "Kastanjebo",
            "operator": aalborg.pk,
            "status": "active",
            "target_groups": [group.pk],
        },
    )
    offer = Offer.objects.get(name="Kastanjebo")
    assert response.status_code == 302 and response["Location"] == offer.get_absolute_url()
    assert list(offer.target_groups.all()) == [group]
    assert offer.operator == aalborg


@pytest.mark.django_db
def test_an_edit_that_changes_nothing_writes_no_history(client, secretariat, aalborg):
    offer = OfferFactory(name="Kastanjebo", operator=aalborg)
    client.force_login(secretariat)
    form = client.get(f"/tilbud/{offer.pk}/rediger/").context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    response = client.post(
        f"/tilbud/{offer.pk}/rediger/", {**data, "edit_token": form["edit_token"].initial}
    )
    assert response.status_code == 302
    assert offer.history.count() == 1  # the creation only
