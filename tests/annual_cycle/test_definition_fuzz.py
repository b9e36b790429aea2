"""Whatever the secretariat types into a definition's or an event's form, the page answers
with the form again or a redirect, never a server error, and a definition saved is valid."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annual_cycle.models import CycleDefinition, CycleEvent
from annual_cycle.services import DEFINITION_FIELDS, EVENT_FIELDS, generate_year
from socialaftale.lib.edits import fields_token
from tests.fuzz import fuzz

FIELD = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "1", "5", "12", "31", "53", "round", "none", "on"]),
)
NAMES = ["title", "description", "start_month", "start_day", "due_month", "due_day"]
NAMES += ["year_offset", "iso_week", "link_kind", "link_target", "position", "for_reporters"]


@pytest.mark.django_db
@fuzz
@given(data=st.fixed_dictionaries({name: FIELD for name in NAMES}))
def test_a_fuzzed_definition_form_never_fails(client, secretariat, data):
    definition = CycleDefinition.objects.get(code="takstindberetning")
    client.force_login(secretariat)
    token = fields_token(definition, DEFINITION_FIELDS)
    response = client.post(f"/aarshjul/definitioner/{definition.pk}/", data | {"edit_token": token})
    assert response.status_code in (200, 302, 409)
    definition.refresh_from_db()
    definition.full_clean()


@pytest.mark.django_db
@fuzz
@given(
    data=st.fixed_dictionaries(
        {"round": FIELD, "meeting": FIELD, "document": FIELD, "done_on": FIELD, "notes": FIELD}
    )
)
def test_a_fuzzed_event_form_never_fails(client, secretariat, data):
    generate_year(2026)
    event = CycleEvent.objects.filter(year=2026).first()
    client.force_login(secretariat)
    token = fields_token(event, EVENT_FIELDS)
    response = client.post(f"/aarshjul/begivenhed/{event.pk}/", data | {"edit_token": token})
    assert response.status_code in (200, 302, 409)
