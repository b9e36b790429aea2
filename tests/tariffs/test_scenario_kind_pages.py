"""The secretariat's pages of the mixed financing and tariff scenarios (issue 15): list with
side by side, form, result in kr. and %, edit (stale edits refused), adopting a mixed one,
no adopting of a tariff one; everyone else a 404. The PDF / agenda item "Konsekvenser pr.
kommune" of each kind, and both forms fuzzed: never a 500, messages in Danish."""

import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from documents import agenda_sources
from documents.services import document_request
from tariffs.models import Scenario
from tariffs.services_scenario_kinds import (
    MixedChanges,
    TariffChanges,
    kind_scenario_update,
    kind_token,
    mixed_scenario_create,
    tariff_scenario_create,
)
from tests.fuzz import fuzz
from tests.tariffs.scenario_kinds_support import mixed_world, tariff_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(db):
    record, _scheme = mixed_world()
    changes = MixedChanges(name="Halv objektiv", objective_share=Decimal("0.5"))
    return mixed_scenario_create(record=record, changes=changes, user=None)


@pytest.fixture
def priced(db):
    changes = TariffChanges(name="1.100 kr.", amounts={("total", ""): Decimal("1100")})
    return tariff_scenario_create(tariff=tariff_world(), changes=changes, user=None)


def urls(mixed, priced):
    record, tariff = mixed.mixed_financing_id, priced.tariff_id
    return [
        f"/takster/blandet-finansiering/{record}/scenarier/",
        f"/takster/blandet-finansiering/{record}/scenarier/nyt/",
        f"/takster/blandet-finansiering/{record}/scenarier/?scenario={mixed.pk}",
        f"/takster/takst/{tariff}/scenarier/",
        f"/takster/takst/{tariff}/scenarier/nyt/",
        f"/takster/takst/{tariff}/scenarier/?scenario={priced.pk}",
        f"/takster/scenarier/{mixed.pk}/",
        f"/takster/scenarier/{mixed.pk}/ret/",
        f"/takster/scenarier/{mixed.pk}/vedtag/",
        f"/takster/scenarier/{priced.pk}/",
        f"/takster/scenarier/{priced.pk}/ret/",
    ]


def test_the_secretariat_sees_every_page(client, secretariat, mixed, priced):
    client.force_login(secretariat)
    for url in urls(mixed, priced):
        assert client.get(url).status_code == 200, url
    assert client.get(f"/takster/scenarier/{priced.pk}/vedtag/").status_code == 404


def test_others_get_404_and_anonymous_the_login(
    client, hjorring_reporter, aalborg_operator, das_member, mixed, priced
):
    for url in urls(mixed, priced):
        assert client.get(url).status_code == 302, url
    for user in (hjorring_reporter, aalborg_operator, das_member):
        client.force_login(user)
        for url in urls(mixed, priced):
            assert client.get(url).status_code == 404, (user, url)
            assert client.post(url, {"name": "x"}).status_code in (404, 405), (user, url)
    assert not Scenario.objects.filter(adopted_at__isnull=False).exists()


def test_the_mixed_form_computes_and_the_page_shows_kr_and_pct(client, secretariat, mixed):
    client.force_login(secretariat)
    url = f"/takster/blandet-finansiering/{mixed.mixed_financing_id}/scenarier/nyt/"
    response = client.post(url, {"name": "Flere sager", "expected_cases": "20"})
    scenario = Scenario.objects.get(name="Flere sager")
    assert response.status_code == 302 and response.url == f"/takster/scenarier/{scenario.pk}/"
    page = client.get(response.url).content.decode()
    assert "Takst pr. sag" in page and "40.000" in page and "20.000" in page and "-50,0" in page
    assert "Konsekvenser pr. kommune: Flere sager" in page and "Vedtag scenariet" in page
    side = client.get(
        f"/takster/blandet-finansiering/{mixed.mixed_financing_id}/scenarier/"
        f"?scenario={mixed.pk}&scenario={scenario.pk}&_export=csv"
    ).content.decode()
    assert side.startswith("\ufeff") and "I alt;600000;100,0;500000;100,0;600000;100,0" in side


def test_the_tariff_page_says_the_formula_and_offers_no_adoption(client, secretariat, priced):
    client.force_login(secretariat)
    page = client.get(f"/takster/scenarier/{priced.pk}/").content.decode()
    assert "803.000" in page and "73.000" in page and "10,0" in page
    assert "× 365 dage × taksten" in page
    assert "kan ikke vedtages" in page and "/vedtag/" not in page
    assert client.post(f"/takster/scenarier/{priced.pk}/vedtag/").status_code == 404


def test_adopting_a_mixed_scenario_from_its_page(client, secretariat, mixed):
    client.force_login(secretariat)
    url = f"/takster/scenarier/{mixed.pk}/vedtag/"
    assert "Ja, vedtag scenariet" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302 and response.url.endswith("?version=2")
    mixed.refresh_from_db()
    assert mixed.mixed_financing.objective_share == Decimal("0.5") and mixed.adopted_at


def test_a_stale_edit_keeps_what_was_typed_and_saves_nothing(client, secretariat, priced):
    client.force_login(secretariat)
    token = kind_token(priced)
    kind_scenario_update(scenario=priced, changes=TariffChanges(name="Af en anden"), user=None)
    response = client.post(
        f"/takster/scenarier/{priced.pk}/ret/",
        {"name": "Mit navn", "component_0": "1200", "edit_token": token},
    )
    assert response.status_code == 409 and "Mit navn" in response.content.decode()
    priced.refresh_from_db()
    assert priced.name == "Af en anden"


@pytest.mark.parametrize("which", ["mixed", "priced"])
def test_the_agenda_item_s_pdf_has_the_figures(
    which, request, secretariat, django_capture_on_commit_callbacks
):
    scenario = request.getfixturevalue(which)
    item = agenda_sources.build(f"scenario:{scenario.pk}")
    assert item.title == f"Konsekvenser pr. kommune: {scenario.name}"
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=item.kind, params=item.params, user=secretariat)
    document.refresh_from_db()
    assert document.status == "done"
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    if which == "mixed":
        assert "Objektiv finansiering" in text and "250.000" in text and "600.000" in text
    else:
        assert "803.000" in text and "Vestby" in text and "365" in text


TEXT = st.one_of(st.text(max_size=16), st.sampled_from(["", "0", "1", "0,5", "1,5", "-1", "1e9"]))


@fuzz
@given(name=st.text(max_size=250), share=TEXT, cases=TEXT, budget=TEXT, factor=TEXT)
def test_fuzzed_input_never_fails_the_mixed_form(
    client, secretariat, mixed, name, share, cases, budget, factor
):
    client.force_login(secretariat)
    data = {"name": name, "objective_share": share, "expected_cases": cases}
    data |= {"total_budget": budget, "price_factor": factor}
    url = f"/takster/blandet-finansiering/{mixed.mixed_financing_id}/scenarier/nyt/"
    response = client.post(url, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        page = response.content.decode()
        assert "This field" not in page and "Enter a number" not in page


@fuzz
@given(name=st.text(max_size=250), amount=TEXT, factor=TEXT, index=TEXT)
def test_fuzzed_input_never_fails_the_tariff_form(
    client, secretariat, priced, name, amount, factor, index
):
    client.force_login(secretariat)
    data = {"name": name, "component_0": amount, "price_factor": factor, "price_index": index}
    response = client.post(f"/takster/takst/{priced.tariff_id}/scenarier/nyt/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        page = response.content.decode()
        assert "This field" not in page and "Select a valid" not in page
