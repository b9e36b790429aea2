"""The municipality page's parts from higher apps (organisations/sections.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from organisations import sections


@pytest.mark.django_db
def test_the_offers_app_contributes_its_parts_to_both_slots(aalborg):
    context, templates = sections.municipality_sections(aalborg)
    assert templates == {
        "beside_population": ["offers/_municipality_places.html"],
        "below": ["offers/_municipality_offers.html"],
    }
    assert set(context) == {"places", "year", "operated", "located"}


def test_a_section_in_an_unknown_slot_or_registered_twice_is_refused():
    with pytest.raises(ImproperlyConfigured):
        sections.register("x", slot="sidebar", template="x.html", context=dict)
    with pytest.raises(ImproperlyConfigured):
        sections.register("offers.places", slot="below", template="x.html", context=dict)
    assert "x" not in sections._SECTIONS
