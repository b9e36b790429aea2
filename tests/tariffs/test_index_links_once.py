"""/takster/ lists each year once: a values_list(...).distinct() on a model whose Meta.ordering
names other columns selects those columns too, and then repeats the year (issue 11 #3)."""

import pytest

from tariffs import services
from tests.factories import OfferFactory


@pytest.mark.django_db
def test_the_tariff_index_lists_each_appendix_and_budget_year_once(
    client, socialtilsyn, secretariat
):
    for name in ("Kvisten", "Sødisbakke", "Bostedet"):
        offer = OfferFactory(name=name)
        for year in (2019, 2020):
            services.tariff_report(
                offer=offer,
                year=year,
                unit="døgn",
                note="",
                components=[("base", "", "1000")],
                user=secretariat,
            )
    page = client.get("/takster/").content.decode()
    assert page.count('href="/takster/takstbilag/2019/"') == 1
    assert page.count('href="/takster/takstbilag/2020/"') == 1
    # Budgets 2018 exist in two price bases (2018 and 2019 prices).
    assert page.count('href="/takster/socialtilsyn-nord/2018/"') == 1
