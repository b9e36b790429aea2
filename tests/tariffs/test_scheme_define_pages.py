"""The secretariat defines a financing scheme on its page, changes it (a stale edit is a 409
with what was typed kept) and copies it to the next year; anyone else gets 404; whatever is
posted, the page answers and nothing is half-saved; a population scheme defined on the page
is split by the budget run from the figures."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tariffs.models import FinancingScheme
from tariffs.services import budget_run, split_compute
from tariffs.services_schemes import scheme_token
from tests.factories.tariffs import FinancingSchemeFactory
from tests.fuzz import fuzz

from .scheme_world import scheme_world

D = Decimal
NEW = "/takster/ordninger/ny/"


@pytest.fixture
def world(db):
    return scheme_world()


def _population(world, **extra):
    return {
        "name": "Plejefamilieafdelingen",
        "year": "2019",
        "key_rule": "population",
        "age_band": "0-17",
        "area": str(world["area"].pk),
        "total_source": "typed",
        "total": "20.253.203",
        "decimals": "0",
        "description": "",
        **extra,
    }


def test_the_secretariat_defines_a_population_scheme_and_the_run_splits_it(
    client, secretariat, world
):
    client.force_login(secretariat)
    page = client.get(NEW).content.decode()
    assert "2. kvartal året før budgetåret" in page and "Rammeaftalens kommuner" in page
    assert '<option value="0-17">0-17-årige</option>' in page
    response = client.post(NEW, _population(world))
    scheme = FinancingScheme.objects.get()
    assert response.status_code == 302 and response.url == f"/takster/ordninger/{scheme.pk}/"
    assert (scheme.key_rule, scheme.age_band, scheme.area, scheme.total) == (
        "population",
        "0-17",
        world["area"],
        D(20253203),
    )
    [result] = budget_run(year=2019)
    parts = {r.organisation.short_name: r.amount for r in result.split.rows.all()}
    assert parts == {"Aalborg": D("15189902"), "Læsø": D("5063301")}  # Q2 2018: 3 : 1
    assert result.split.inputs["figures"] == ["2018-04-01"]


def test_the_scheme_list_and_page_link_to_the_forms(client, secretariat, world):
    client.force_login(secretariat)
    client.post(NEW, _population(world))
    scheme = FinancingScheme.objects.get()
    assert NEW in client.get("/takster/ordninger/").content.decode()
    page = client.get(f"/takster/ordninger/{scheme.pk}/").content.decode()
    assert "Ret ordningen" in page and "Kopiér til næste år (2020)" in page


def test_a_mixed_financing_scheme_takes_its_total_from_the_record(client, secretariat, world):
    client.force_login(secretariat)
    data = _population(world, total_source="mixed", total="", area="")
    data["mixed_financing"] = str(world["mixed"].pk)
    assert client.post(NEW, data).status_code == 302
    scheme = FinancingScheme.objects.get()
    assert scheme.mixed_financing == world["mixed"] and scheme.total == D(3864000)


def test_fields_of_other_rules_are_left_out(client, secretariat, world):
    client.force_login(secretariat)
    data = _population(world, key=str(world["key"].pk), offer=str(world["offer"].pk))
    assert client.post(NEW, data).status_code == 302
    scheme = FinancingScheme.objects.get()
    assert scheme.key is None and scheme.offer is None


def test_invalid_combinations_name_the_field_in_danish(client, secretariat, world):
    client.force_login(secretariat)
    response = client.post(NEW, _population(world, key_rule="fixed"))
    assert response.status_code == 200 and not FinancingScheme.objects.exists()
    assert response.context["form"].errors["key"] == [
        "Fordelingsnøgle: vælg den faste nøgle, ordningen fordeles efter."
    ]
    response = client.post(NEW, _population(world, total="1,5"))
    assert response.context["form"].errors["total"] == [
        "I alt (kr.): ordningen afrundes til hele kroner; ingen øre."
    ]
    response = client.post(NEW, _population(world, total_source="mixed"))
    assert response.context["form"].errors["mixed_financing"][0].startswith("Blandet")
    response = client.post(NEW, _population(world, age_band=""))
    assert response.context["form"].errors["age_band"][0].startswith("Aldersgruppe: vælg")
    assert not FinancingScheme.objects.exists()


def test_editing_keeps_the_split_versions_and_says_so(client, secretariat, world):
    client.force_login(secretariat)
    client.post(NEW, _population(world))
    scheme = FinancingScheme.objects.get()
    split_compute(scheme=scheme, user=None)
    url = f"/takster/ordninger/{scheme.pk}/ret/"
    page = client.get(url).content.decode()
    assert "næste budgetkørsel eller “Genberegn” laver en ny version" in page
    data = _population(world, total="1.000", edit_token=scheme_token(scheme))
    response = client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == f"/takster/ordninger/{scheme.pk}/"
    assert "De beregnede versioner af fordelingen er uændrede" in response.content.decode()
    scheme.refresh_from_db()
    assert scheme.total == D(1000) and scheme.splits.get().total == D(20253203)


def test_a_stale_edit_is_a_409_with_what_was_typed(client, secretariat, world):
    client.force_login(secretariat)
    client.post(NEW, _population(world))
    scheme = FinancingScheme.objects.get()
    url = f"/takster/ordninger/{scheme.pk}/ret/"
    token = scheme_token(scheme)
    client.post(url, _population(world, total="2.000", edit_token=token))
    response = client.post(url, _population(world, total="3.000", edit_token=token))
    assert response.status_code == 409
    assert 'value="3.000"' in response.content.decode()
    assert "Intet blev overskrevet" in response.content.decode()
    scheme.refresh_from_db()
    assert scheme.total == D(2000)
    fresh = response.context["form"].data["edit_token"]
    assert client.post(url, _population(world, total="3.000", edit_token=fresh)).status_code == 302


def test_copy_to_next_year_once(client, secretariat, world):
    client.force_login(secretariat)
    client.post(NEW, _population(world))
    scheme = FinancingScheme.objects.get()
    url = f"/takster/ordninger/{scheme.pk}/kopier/"
    assert client.get(url).status_code == 405
    response = client.post(url)
    copy = FinancingScheme.objects.get(year=2020)
    assert response.url == f"/takster/ordninger/{copy.pk}/"
    response = client.post(url, follow=True)
    assert "Plejefamilieafdelingen findes allerede for 2020." in response.content.decode()
    assert FinancingScheme.objects.count() == 2
    page = client.get(f"/takster/ordninger/{scheme.pk}/").content.decode()
    assert "Ordningen for 2020" in page


@pytest.mark.parametrize(
    "persona", ["aalborg_reporter", "aalborg_operator", "das_member", "outsider"]
)
def test_anyone_else_gets_404(client, request, world, persona):
    scheme = FinancingSchemeFactory(name="X", key=world["key"])
    client.force_login(request.getfixturevalue(persona))
    for url in (NEW, f"/takster/ordninger/{scheme.pk}/ret/"):
        assert client.get(url).status_code == 404
        assert client.post(url, _population(world)).status_code == 404
    assert client.post(f"/takster/ordninger/{scheme.pk}/kopier/").status_code == 404
    assert FinancingScheme.objects.count() == 1


FIELD = st.one_of(st.text(max_size=30), st.integers().map(str), st.none())


@pytest.mark.django_db
@fuzz
@given(
    key_rule=st.one_of(st.sampled_from(["fixed", "population", "usage"]), st.text(max_size=10)),
    source=st.sampled_from(["typed", "mixed", "x"]),
    total=st.one_of(
        st.from_regex(r"-?[0-9.]{1,18}(,[0-9]{0,3})?", fullmatch=True),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.text(max_size=20),
    ),
    year=st.one_of(st.integers(min_value=-(2**40), max_value=2**40).map(str), st.text(max_size=6)),
    pick=st.lists(st.booleans(), min_size=5, max_size=5),
    junk=FIELD,
    decimals=st.sampled_from(["0", "2", "1", "x"]),
)
def test_fuzzed_posts_never_fail_the_page_nor_half_save(
    client, secretariat, world, key_rule, source, total, year, pick, junk, decimals
):
    client.force_login(secretariat)
    ids = {name: str(world[name].pk) for name in ("key", "area", "offer", "mixed")}
    data = {
        "name": junk or "Ordning",
        "year": year,
        "key_rule": key_rule,
        "key": ids["key"] if pick[0] else junk,
        "age_band": "0-17" if pick[1] else junk,
        "area": ids["area"] if pick[2] else "",
        "offer": ids["offer"] if pick[3] else junk,
        "mixed_financing": ids["mixed"] if pick[4] else junk,
        "total_source": source,
        "total": total,
        "decimals": decimals,
    }
    before = set(FinancingScheme.objects.values_list("pk", flat=True))
    response = client.post(NEW, {k: v for k, v in data.items() if v is not None})
    assert response.status_code in (200, 302)
    added = FinancingScheme.objects.exclude(pk__in=before)
    if response.status_code == 200:
        assert not added.exists()
        return
    [scheme] = added
    scheme.full_clean()  # whole: the rule's fields set, the others empty
    assert {"fixed": scheme.key, "population": scheme.age_band, "usage": scheme.offer}[
        scheme.key_rule
    ]
    scheme.delete()
