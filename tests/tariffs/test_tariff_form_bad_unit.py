"""A tariff report with a unit that is not one of the choices is a Danish message naming the
field, not a 500 (the rows' error summary used to read rows that were never validated)."""

from django.urls import reverse

from organisations.models import Role
from tariffs.models import Tariff
from tests.factories import MembershipFactory, OfferFactory, UserFactory


def test_an_unknown_unit_is_refused_with_the_rows_still_checked(client, aalborg):
    offer = OfferFactory(operator=aalborg)
    user = UserFactory(username="aalborg-drift")
    MembershipFactory(user=user, role=Role.OPERATOR, organisation=aalborg)
    client.force_login(user)
    data = {
        "unit": "bogus",
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-0-kind": "base",
        "form-0-amount": "x",
    }
    response = client.post(reverse("tariffs:report", args=[offer.pk, 2020]), data)
    assert response.status_code == 200
    assert "Række 1" in response.content.decode() and "unit" in response.context["form"].errors
    assert not Tariff.objects.exists()
