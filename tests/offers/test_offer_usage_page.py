"""Usage entered on the offer's page (issue 13): one row per municipality, coverage follows at
once, a stale save is refused with what was typed kept, bad numbers are named, and only the
secretariat and the offer's operator get the page."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offers.models import Usage
from offers.services_usage import UsageValue, usage_set, usage_token
from tests.offers.test_usage_import import covered


def url(offer, year=2024):
    return f"/tilbud/{offer.pk}/forbrug/?aar={year}"


def form_data(client, offer, year=2024, **values):
    page = client.get(url(offer, year))
    token = page.context["form"].initial["edit_token"]
    return {"edit_token": token, **values}


@pytest.mark.django_db
def test_the_operator_enters_usage_and_the_offer_becomes_covered(
    client, offer, aalborg, hjorring, aalborg_operator
):
    client.force_login(aalborg_operator)
    assert not covered(offer, 2024)
    data = form_data(client, offer, **{f"places_{hjorring.pk}": "2,5", f"places_{aalborg.pk}": ""})
    response = client.post(url(offer), data)
    assert response.status_code == 302 and response["Location"].endswith("?aar=2024")
    usage = Usage.objects.get(offer=offer, year=2024)
    assert (usage.acting_municipality, str(usage.places)) == (hjorring, "2.50")
    assert covered(offer, 2024)
    page = client.get(response["Location"]).content.decode()
    assert "Forbruget for 2024 er gemt." in page


@pytest.mark.django_db
def test_emptying_a_field_removes_the_row(client, offer, hjorring, secretariat):
    usage_set(offer=offer, year=2024, values={hjorring.pk: UsageValue(places=3)})
    client.force_login(secretariat)
    data = form_data(client, offer, **{f"places_{hjorring.pk}": ""})
    assert client.post(url(offer), data).status_code == 302
    assert not Usage.objects.exists()
    assert not covered(offer, 2024)


@pytest.mark.django_db
def test_a_stale_save_is_refused_and_keeps_what_was_typed(client, offer, hjorring, secretariat):
    client.force_login(secretariat)
    data = form_data(client, offer, **{f"places_{hjorring.pk}": "4"})
    usage_set(offer=offer, year=2024, values={hjorring.pk: UsageValue(places=1)})
    response = client.post(url(offer), data)
    assert response.status_code == 409
    assert "Nothing was overwritten" in response.content.decode() or "overskrevet" in (
        response.content.decode()
    )
    assert Usage.objects.get().places == 1
    assert response.context["form"].data["edit_token"] == usage_token(offer, 2024)


@pytest.mark.django_db
def test_a_bad_number_is_named_and_nothing_is_saved(client, offer, hjorring, secretariat):
    client.force_login(secretariat)
    data = form_data(client, offer, **{f"places_{hjorring.pk}": "mange"})
    response = client.post(url(offer), data)
    assert response.status_code == 200
    assert response.context["form"].errors[f"places_{hjorring.pk}"]
    assert not Usage.objects.exists()


@pytest.mark.django_db
def test_others_get_404(client, offer, hjorring_reporter, das_member, outsider):
    for user in (hjorring_reporter, das_member, outsider):
        client.force_login(user)
        assert client.get(url(offer)).status_code == 404
        assert client.post(url(offer), {}).status_code == 404


@pytest.mark.django_db
def test_the_offer_page_links_the_form_for_those_who_maintain_it(
    client, offer, aalborg_operator, hjorring_reporter
):
    client.force_login(aalborg_operator)
    assert f"/tilbud/{offer.pk}/forbrug/" in client.get(f"/tilbud/{offer.pk}/").content.decode()
    client.force_login(hjorring_reporter)
    assert f"/tilbud/{offer.pk}/forbrug/" not in client.get(f"/tilbud/{offer.pk}/").content.decode()


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(places=st.text(max_size=30), expected=st.sampled_from(["", "on", "x" * 300]))
def test_fuzzed_input_never_fails_the_page(client, offer, hjorring, secretariat, places, expected):
    client.force_login(secretariat)
    data = {
        "edit_token": usage_token(offer, 2024),
        f"places_{hjorring.pk}": places,
        f"expected_{hjorring.pk}": expected,
    }
    response = client.post(url(offer), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors
