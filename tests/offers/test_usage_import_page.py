"""The year's usage imported in the browser (issue 13): the secretariat's page calls the same
service as the command; the offer's coverage follows at once; a bad file saves nothing and
says which row and field; nobody else gets the page."""

import pytest

from offers.models import Usage
from tests.factories import OfferFactory, UserFactory
from tests.offers.test_usage_import import covered, csv_file

URL = "/tilbud/forbrug/indlaes/"


@pytest.fixture
def offer(aalborg):
    return OfferFactory(name="Kastanjebo", operator=aalborg)


@pytest.mark.django_db
def test_the_secretariat_imports_a_year_and_the_offer_becomes_covered(
    client, offer, aalborg, hjorring, secretariat
):
    client.force_login(secretariat)
    assert not covered(offer, 2024)
    response = client.post(
        URL, {"year": 2024, "file": csv_file("Kastanjebo;Aalborg;2;nej", "Kastanjebo;860;1;nej")}
    )
    assert response.status_code == 302 and response["Location"].endswith("?aar=2024")
    assert covered(offer, 2024)
    page = client.get(response["Location"]).content.decode()
    assert "Forbrug for 2024: 2 tilføjet, 0 ændret, 0 fjernet." in page


@pytest.mark.django_db
def test_a_bad_row_is_named_and_nothing_is_saved(client, offer, aalborg, secretariat):
    client.force_login(secretariat)
    response = client.post(
        URL, {"year": 2024, "file": csv_file("Kastanjebo;Aalborg;2;nej", "Kastanjebo;Aalborg;x;")}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Række 3" in page or "række 3" in page
    assert "pladser" in page
    assert not Usage.objects.exists()


@pytest.mark.django_db
def test_others_get_404(client, hjorring_reporter):
    client.force_login(hjorring_reporter)
    assert client.get(URL).status_code == 404
    client.force_login(UserFactory())
    assert client.post(URL, {"year": 2024}).status_code == 404
