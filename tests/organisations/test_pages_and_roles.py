from datetime import date

import pytest
from django.core import mail

from organisations.models import PopulationFigure
from tests.factories import CapacityFactory, OfferFactory, UnitFactory, UsageFactory


@pytest.mark.django_db
def test_a_municipality_page_lists_units_population_and_offers(client, aalborg, hjorring):
    UnitFactory(organisation=aalborg, code="851-FB", name="Aalborg FB", is_default=False)
    PopulationFigure.objects.create(
        organisation=aalborg, reference_date=date(2017, 4, 1), age_band="0-17", count=38824
    )
    own = OfferFactory(name="Violen", operator=aalborg)
    CapacityFactory(offer=own, total_places=18)
    UsageFactory(offer=own, acting_municipality=hjorring)
    OfferFactory(name="Hjørrings tilbud", operator=hjorring, location_municipality=aalborg)

    response = client.get("/kommuner/851/")
    page = response.content.decode()
    assert "Aalborg FB" in page and "851-FB" in page
    assert "38.824" in page  # Danish thousands separator
    assert [o.name for o in response.context["operated"]] == ["Violen"]
    assert response.context["operated"][0].covered
    assert [o.name for o in response.context["located"]] == ["Hjørrings tilbud"]


@pytest.mark.django_db
def test_the_municipality_list_counts_without_a_query_per_row(
    client, aalborg, hjorring, django_assert_max_num_queries
):
    for _ in range(5):
        OfferFactory(operator=aalborg)
    with django_assert_max_num_queries(2):
        response = client.get("/kommuner/")
    rows = {o.code: o.operated for o in response.context["organisations"]}
    assert rows["851"] == 5 and rows["860"] == 0


@pytest.mark.django_db
def test_each_role_gets_its_own_start_page(
    client, secretariat, aalborg_reporter, aalborg_operator, das_member, aalborg
):
    OfferFactory(name="Kastanjebo", operator=aalborg)
    expectations = {
        secretariat: "secretariat-heading",
        aalborg_reporter: "reporter-heading",
        aalborg_operator: "operator-heading",
        das_member: "member-heading",
    }
    for user, heading in expectations.items():
        client.force_login(user)
        page = client.get("/").content.decode()
        assert heading in page, user.username
        others = set(expectations.values()) - {heading}
        assert not any(other in page for other in others), user.username
    client.force_login(aalborg_operator)
    assert "Kastanjebo" in client.get("/").content.decode()


@pytest.mark.django_db
def test_log_in_and_out_through_the_forms(client, secretariat):
    response = client.post(
        "/konto/login/", {"username": "sekretariat", "password": "hemmeligt-kodeord-1"}
    )
    assert response.status_code == 302
    assert client.get("/").context["user"] == secretariat
    client.post("/konto/logout/")
    assert not client.get("/").context["user"].is_authenticated


@pytest.mark.django_db
def test_five_failed_logins_lock_the_account(client, secretariat):
    for _ in range(5):
        client.post("/konto/login/", {"username": "sekretariat", "password": "forkert"})
    response = client.post(
        "/konto/login/", {"username": "sekretariat", "password": "hemmeligt-kodeord-1"}
    )
    assert response.status_code == 429
    assert client.get("/").context["user"].is_anonymous


@pytest.mark.django_db
def test_a_password_reset_link_is_sent_by_e_mail(client, secretariat):
    response = client.post("/konto/password_reset/", {"email": secretariat.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert secretariat.email in mail.outbox[0].to
    assert "/konto/reset/" in mail.outbox[0].body
