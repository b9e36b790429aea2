"""The secretariat's scenario pages (issue 15): the list with checkboxes, the form, the result
beside today's split (kr. and %, totals summing to the budget), CSV/XLSX, several side by
side, adopting with a confirmation; everyone else gets a 404. The "Konsekvenser pr. kommune"
agenda source builds an item whose attachment has the scenario's figures. The form is fuzzed:
never a 500, messages in Danish."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from documents import agenda_sources
from documents.services import document_request
from organisations.models import Organisation
from tariffs.models import Scenario
from tests.fuzz import fuzz
from tests.tariffs.scenario_support import foster_family_scheme_2018, hjorring_inside

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme(db):
    return foster_family_scheme_2018()


@pytest.fixture
def scenario(scheme, secretariat):
    return hjorring_inside(scheme, user=secretariat)


def urls(scheme, scenario):
    return [
        f"/takster/ordninger/{scheme.pk}/scenarier/",
        f"/takster/ordninger/{scheme.pk}/scenarier/nyt/",
        f"/takster/ordninger/{scheme.pk}/scenarier/sammenlign/?scenario={scenario.pk}",
        f"/takster/scenarier/{scenario.pk}/",
        f"/takster/scenarier/{scenario.pk}/ret/",
        f"/takster/scenarier/{scenario.pk}/vedtag/",
    ]


def test_the_secretariat_sees_every_page(client, secretariat, scheme, scenario):
    client.force_login(secretariat)
    for url in urls(scheme, scenario):
        assert client.get(url).status_code == 200, url


def test_others_get_404_and_anonymous_the_login(
    client, hjorring_reporter, aalborg_operator, das_member, scheme, scenario
):
    for url in urls(scheme, scenario):
        assert client.get(url).status_code == 302, url
    for user in (hjorring_reporter, aalborg_operator, das_member):
        client.force_login(user)
        for url in urls(scheme, scenario):
            assert client.get(url).status_code == 404, (user, url)
            assert client.post(url, {"name": "x"}).status_code in (404, 405), (user, url)
    assert scenario.rows.count() == 12 and not Scenario.objects.filter(adopted_at__isnull=False)


def test_the_form_makes_hjorring_inside_the_area(client, secretariat, scheme):
    client.force_login(secretariat)
    hjorring = Organisation.objects.get(code="860")
    response = client.post(
        f"/takster/ordninger/{scheme.pk}/scenarier/nyt/",
        {
            "name": "Hjørring med",
            "key_basis": "current",
            "population": "2017-04-01|0-17",
            "added": [hjorring.pk],
        },
    )
    scenario = Scenario.objects.get()
    assert response.status_code == 302 and response.url == f"/takster/scenarier/{scenario.pk}/"
    page = client.get(response.url).content.decode()
    assert "Konsekvenser pr. kommune: Hjørring med" in page
    assert "1.860.166" in page and "6.096.072" in page and "19.209.757" in page
    assert "største-rest-metoden" in page
    assert "Tilføjet: Hjørring" in page


def test_the_form_names_what_is_missing_in_danish(client, secretariat, scheme):
    client.force_login(secretariat)
    hjorring = Organisation.objects.get(code="860")
    response = client.post(
        f"/takster/ordninger/{scheme.pk}/scenarier/nyt/",
        {"name": "Uden tal", "key_basis": "current", "added": [hjorring.pk]},
    )
    assert response.status_code == 200
    assert "Vælg de befolkningstal" in response.content.decode()
    assert not Scenario.objects.exists()


def test_the_result_downloads_as_csv_and_xlsx(client, secretariat, scenario):
    client.force_login(secretariat)
    csv = client.get(f"/takster/scenarier/{scenario.pk}/?_export=csv")
    text = csv.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert "Hjørring;;;1860166;9,7;1860166;\r\n" in text
    assert "I alt;19209757;100,0;19209757;100,0;0;\r\n" in text
    xlsx = client.get(f"/takster/scenarier/{scenario.pk}/?_export=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_two_scenarios_side_by_side(client, secretariat, scheme, scenario):
    from decimal import Decimal

    from tariffs.services_scenarios import ScenarioChanges, scenario_create

    indexed = scenario_create(
        scheme=scheme,
        changes=ScenarioChanges(name="2019-priser", price_factor=Decimal("1.0159")),
        user=secretariat,
    )
    client.force_login(secretariat)
    url = f"/takster/ordninger/{scheme.pk}/scenarier/sammenlign/"
    page = client.get(f"{url}?scenario={scenario.pk}&scenario={indexed.pk}").content.decode()
    assert "Hjørring med (kr.)" not in page
    assert "Hjørring inden for området (kr.)" in page and "2019-priser (kr.)" in page
    assert "19.515.192" in page and "1.860.166" in page
    csv = client.get(f"{url}?scenario={scenario.pk}&scenario={indexed.pk}&_export=csv")
    assert "I alt;19209757;100,0;19209757;100,0;19515192;100,0" in csv.content.decode()


def test_adopting_asks_first_then_makes_version_2(client, secretariat, scheme, scenario):
    client.force_login(secretariat)
    url = f"/takster/scenarier/{scenario.pk}/vedtag/"
    assert "Ja, vedtag scenariet" in client.get(url).content.decode()
    assert scheme.splits.count() == 1
    response = client.post(url)
    assert response.status_code == 302 and response.url.endswith("?version=2")
    assert scheme.splits.count() == 2
    assert client.post(url).status_code == 302  # again: refused with a message, nothing made
    assert scheme.splits.count() == 2
    assert client.get(f"/takster/scenarier/{scenario.pk}/ret/").status_code == 404


def test_the_agenda_source_builds_the_item_with_the_scenario_s_figures(
    scenario, secretariat, django_capture_on_commit_callbacks
):
    groups = dict(agenda_sources.grouped_choices())
    assert (
        f"scenario:{scenario.pk}",
        "Hjørring inden for området (Socialtilsyn Nord – plejefamilieafdelingen 2018)",
    ) in groups["Konsekvenser pr. kommune"]
    item = agenda_sources.build(f"scenario:{scenario.pk}")
    assert item.kind == "tariffs.scenario" and item.params == {"scenario": scenario.pk}
    assert item.title == "Konsekvenser pr. kommune: Hjørring inden for området"
    assert "Tilføjet: Hjørring" in item.summary
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=item.kind, params=item.params, user=secretariat)
    document.refresh_from_db()
    assert document.status == "done"
    with document.file.open("rb") as handle:
        pdf = handle.read()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "1.860.166" in text and "6.096.072" in text and "19.209.757" in text
    with pytest.raises(ValueError):
        agenda_sources.build("scenario:0")


@fuzz
@given(
    name=st.text(max_size=250),
    total=st.text(max_size=20),
    factor=st.one_of(st.text(max_size=12), st.sampled_from(["0", "1,0159", "-1", "99"])),
    basis=st.sampled_from(["current", "population", "x", ""]),
    population=st.sampled_from(["", "2017-04-01|0-17", "2017-04-01|all", "x|y"]),
    party=st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.text(max_size=5)),
)
def test_fuzzed_input_never_fails_the_form(
    client, secretariat, scheme, name, total, factor, basis, population, party
):
    client.force_login(secretariat)
    data = {"name": name, "new_total": total, "price_factor": factor, "key_basis": basis}
    data |= {"population": population, "added": [party], "removed": [party]}
    response = client.post(f"/takster/ordninger/{scheme.pk}/scenarier/nyt/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        page = response.content.decode()
        assert "This field" not in page and "Select a valid" not in page
        assert "Enter a number" not in page


def test_a_stale_edit_keeps_what_was_typed_and_saves_nothing(client, secretariat, scenario):
    from tariffs.services_scenarios import ScenarioChanges, scenario_token, scenario_update

    client.force_login(secretariat)
    token = scenario_token(scenario)
    scenario_update(
        scenario=scenario, changes=ScenarioChanges(name="Rettet af en anden"), user=None
    )
    response = client.post(
        f"/takster/scenarier/{scenario.pk}/ret/",
        {"name": "Mit navn", "key_basis": "current", "edit_token": token},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "En anden har gemt her" in page and "Mit navn" in page
    scenario.refresh_from_db()
    assert scenario.name == "Rettet af en anden"
    fresh = scenario_token(scenario)
    response = client.post(
        f"/takster/scenarier/{scenario.pk}/ret/",
        {"name": "Mit navn", "key_basis": "current", "edit_token": fresh},
    )
    assert response.status_code == 302
    scenario.refresh_from_db()
    assert scenario.name == "Mit navn" and scenario.rows.count() == 11
