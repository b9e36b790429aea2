"""A financing scheme computed to øre is shown to øre on its page and in the scheme list, not
rounded to whole kroner (issue 11 #2)."""

from decimal import Decimal

import pytest

from tariffs.services import scheme_create


@pytest.mark.django_db
def test_a_scheme_split_to_ore_shows_its_amounts_to_ore(client, secretariat, aalborg, hjorring):
    scheme = scheme_create(
        name="Børnehus Nord",
        year=2026,
        total=Decimal("2500000.50"),
        decimals=2,
        parties=[(aalborg, Decimal(2)), (hjorring, Decimal(1))],
        existing_key=None,
        user=secretariat,
    )
    client.force_login(secretariat)
    page = client.get(f"/takster/ordninger/{scheme.pk}/").content.decode()
    listing = client.get("/takster/ordninger/").content.decode()
    assert "2.500.000,50" in page and "2.500.001" not in page
    assert "1.666.667,00" in page and "833.333,50" in page  # the rows, largest remainder
    assert "2.500.000,50" in listing and "2.500.001" not in listing
