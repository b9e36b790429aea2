"""The tariff round's pages per persona (issue 15): the operator's list and form of its own
covered offers (others' and uncovered ones a 404), the prefill with last year's tariff in this
year's prices, a reason asked for in Danish naming the row, and the secretariat's review:
return with a comment the operator then sees, and "Approve selected"."""

import pytest
from django.urls import reverse

from organisations.models import Role
from submissions.models import SubmissionStatus
from tariffs import services_round
from tariffs.models import Tariff, TariffStatus
from tests.factories import MembershipFactory, UserFactory
from tests.posted import posted
from tests.submissions.tariff_round_data import YEAR, build, report_values


@pytest.fixture
def world(aalborg, hjorring):
    return build(aalborg, hjorring)


def form_url(world, offer=None):
    return reverse(
        "submissions:tariff_round_offer", args=[world.submission.pk, (offer or world.offer).pk]
    )


def test_the_operator_sees_its_covered_offers_with_their_state(client, world, aalborg_operator):
    client.force_login(aalborg_operator)
    page = client.get(reverse("submissions:tariff_round", args=[world.submission.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "Kastanjehuset" in text and "Ikke påbegyndt" in text
    assert "Egehuset" not in text  # not covered this year


def test_the_form_is_prefilled_with_last_years_tariff_in_this_years_prices(
    client, world, aalborg_operator
):
    client.force_login(aalborg_operator)
    text = client.get(form_url(world)).content.decode()
    assert 'value="1.020,00"' in text and 'value="510,00"' in text
    assert "prisindeks 2019 → 2020 = 1,0200" in text and "0,50 %" in text


def test_a_tariff_over_the_target_without_a_reason_is_refused_naming_the_row(
    client, world, aalborg_operator
):
    client.force_login(aalborg_operator)
    data = posted(client.get(form_url(world)).content.decode(), "form-TOTAL_FORMS")
    data["occupancy_pct"] = "95"
    page = client.post(form_url(world), data)
    text = page.content.decode()
    assert page.status_code == 400 and "Række 1: komponenten ændres 0,00 %" in text
    assert "Skriv en begrundelse" in text and not Tariff.objects.filter(year=YEAR).exists()
    data.update({"form-0-reason": "Nattevagt", "form-1-reason": "Ny pakke"})
    page = client.post(form_url(world), data)
    assert page.status_code == 302
    tariff = Tariff.objects.get(year=YEAR)
    assert tariff.round_entry.reasons == {"base:": "Nattevagt", "service:pakke 1": "Ny pakke"}


@pytest.mark.parametrize("who", ["region_operator", "aalborg_reporter", "outsider", "das_member"])
def test_others_get_404_on_the_operators_pages(client, world, who, request):
    if who == "region_operator":
        user = UserFactory(username="region-drift")
        MembershipFactory(user=user, role=Role.OPERATOR, organisation=world.region_offer.operator)
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    for url in (reverse("submissions:tariff_round", args=[world.submission.pk]), form_url(world)):
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code in (404, 405)  # the list takes no POST
    assert (
        client.get(reverse("submissions:tariff_review", args=[world.round.pk])).status_code == 404
    )


def test_another_operators_or_an_uncovered_offer_is_a_404_in_the_submission(
    client, world, aalborg_operator
):
    client.force_login(aalborg_operator)
    assert client.get(form_url(world, world.region_offer)).status_code == 404
    assert client.get(form_url(world, world.uncovered)).status_code == 404


def test_returned_with_a_comment_the_operator_sees_next_to_the_component(
    client, world, aalborg_operator, secretariat
):
    services_round.round_tariff_report(
        offer=world.offer, year=YEAR, user=aalborg_operator, **report_values()
    )
    client.force_login(secretariat)
    url = reverse("submissions:tariff_review_offer", args=[world.round.pk, world.offer.pk])
    data = posted(client.get(url).content.decode(), "comment_1")
    data.update({"comment_1": "Pakke 1 er faldet meget", "action": "return"})
    assert client.post(url, data).status_code == 302
    client.force_login(aalborg_operator)
    text = client.get(form_url(world)).content.decode()
    assert "Sendt retur til rettelse" in text and "Pakke 1 er faldet meget" in text


def test_the_secretariat_approves_the_selected_tariffs(
    client, world, aalborg_operator, secretariat
):
    tariff = services_round.round_tariff_report(
        offer=world.offer, year=YEAR, user=aalborg_operator, **report_values()
    )
    client.force_login(secretariat)
    url = reverse("submissions:tariff_review", args=[world.round.pk])
    data = posted(client.get(url).content.decode(), f"token-{tariff.pk}")
    data["tariff"] = [str(tariff.pk)]
    page = client.post(url, data, follow=True)
    assert "1 takst er godkendt som endelig" in page.content.decode()
    assert Tariff.objects.get(pk=tariff.pk).status == TariffStatus.FINAL


def test_the_operator_hands_in_when_every_offer_is_reported(client, world, aalborg_operator):
    services_round.round_tariff_report(
        offer=world.offer, year=YEAR, user=aalborg_operator, **report_values()
    )
    client.force_login(aalborg_operator)
    list_url = reverse("submissions:tariff_round", args=[world.submission.pk])
    assert (
        "Kastanjehuset: taksten er ikke indberettet i denne runde"
        in client.get(list_url).content.decode()
    )
    data = posted(client.get(form_url(world)).content.decode(), "form-TOTAL_FORMS")
    assert client.post(form_url(world), data).status_code == 302
    assert "Aflever taksterne" in client.get(list_url).content.decode()
    submit = reverse("submissions:submit", args=[world.submission.pk])
    client.post(submit, {"confirmed": "1"})
    world.submission.refresh_from_db()
    assert world.submission.status == SubmissionStatus.SUBMITTED
    version = world.submission.versions.get()
    text = client.get(version.get_absolute_url()).content.decode()
    assert "Kastanjehuset" in text and "1.014,90 kr." in text  # what was handed in
