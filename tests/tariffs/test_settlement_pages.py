"""The financing year's pages (SPEC §3.4a): the secretariat charges Socialtilsyn Nord's 2018
split quarterly, records an invented actual and computes the true-up through the pages; the
statement and Aalborg's statement trace every figure to its inputs; Aalborg's reporters read
Aalborg's statement only, everyone else gets a 404; downloads in the Danish dialect."""

import io
import re

import openpyxl
import pytest

from tariffs.models import ActualExpenditure, TrueUpStatement
from tariffs.services_settlement import true_up_compute

from .settlement_world import charged_and_actual, foster_family_2018


@pytest.fixture
def scheme(aalborg_reporter, hjorring_reporter, secretariat, socialtilsyn):
    """Aalborg (851) and Hjørring (860, the host: not in the key) exist before the key."""
    return foster_family_2018(socialtilsyn, secretariat)


@pytest.fixture
def statement(scheme, secretariat):
    charged_and_actual(scheme, secretariat)
    return true_up_compute(scheme=scheme, year=2018, user=secretariat)


def url(scheme, tail=""):
    return f"/takster/ordninger/{scheme.pk}/2018/{tail}"


def party_url(statement, organisation):
    return url(statement.scheme, f"efterregulering/{statement.version}/kommune/{organisation.pk}/")


@pytest.mark.django_db
def test_the_secretariat_charges_records_and_trues_up_through_the_pages(
    client, secretariat, scheme, aalborg
):
    client.force_login(secretariat)
    assert "Ingen aconto-plan endnu" in client.get(url(scheme, "afregning/")).content.decode()
    response = client.post(
        url(scheme, "afregning/"),
        {"action": "plan", "plan-instalment_count": "4", "plan-first_due_on": "01.01.2018"},
    )
    assert response.status_code == 302
    page = client.get(url(scheme, "afregning/"))
    assert "1.524.018" in page.content.decode() and "19.209.757" in page.content.decode()
    token = page.context["actual_form"]["edit_token"].value()
    response = client.post(
        url(scheme, "afregning/"),
        {
            "action": "actual",
            "actual-amount": "19.500.000",
            "actual-note": "Regnskab 2018",
            "actual-edit_token": token,
        },
    )
    assert response.status_code == 302
    response = client.post(url(scheme, "afregning/"), {"action": "true_up"})
    assert response.status_code == 302 and response.url == url(scheme, "efterregulering/1/")
    page = client.get(response.url).content.decode()
    assert "290.243" in page and "92.107" in page and "6.188.179" in page
    assert f'href="/takster/ordninger/{scheme.pk}/?version=1"' in page  # the key's split
    assert "andel af faktisk udgift − opkrævet a conto" in page
    assert "Rate 4, 1. oktober 2018: 1.524.018 kr." in page  # Aalborg's instalments
    assert party_url(TrueUpStatement.objects.get(), aalborg) in page


@pytest.mark.django_db
def test_a_true_up_without_an_actual_is_refused_with_a_danish_message(client, secretariat, scheme):
    client.force_login(secretariat)
    response = client.post(url(scheme, "afregning/"), {"action": "true_up"}, follow=True)
    assert "En efterregulering kræver en aconto-plan" in response.content.decode()
    assert not TrueUpStatement.objects.exists()


@pytest.mark.django_db
def test_aalborgs_statement_traces_its_figures_to_their_inputs(
    client, aalborg_reporter, statement, aalborg
):
    client.force_login(aalborg_reporter)
    page = client.get(party_url(statement, aalborg)).content.decode()
    assert "92.107 kr. at betale" in page
    for figure in ("38.824", "122.341", "31,7", "19.500.000", "6.188.179", "6.096.072"):
        assert figure in page
    assert "1.524.018" in page and "01.07.2018" in page
    assert "andel af faktisk udgift − opkrævet a conto" in page
    assert "registreret" in page and "sekretariat" in page.lower()
    assert f"/takster/ordninger/{statement.scheme.pk}/?version=1" not in page  # not theirs


@pytest.mark.django_db
def test_who_sees_what(
    client, statement, aalborg, hjorring_reporter, aalborg_reporter, aalborg_operator, das_member
):
    silkeborg = statement.rows.get(organisation__short_name="Silkeborg").organisation
    pages = {
        "settlement": url(statement.scheme, "afregning/"),
        "statement": url(statement.scheme, "efterregulering/1/"),
        "aalborg": party_url(statement, aalborg),
        "silkeborg": party_url(statement, silkeborg),
    }
    allowed = {aalborg_reporter: {"aalborg"}, hjorring_reporter: set()}
    allowed |= {aalborg_operator: set(), das_member: set()}
    for user, sees in allowed.items():
        client.force_login(user)
        for name, address in pages.items():
            assert client.get(address).status_code == (200 if name in sees else 404), (user, name)
    client.logout()
    assert "/konto/login/" in client.get(pages["aalborg"]).url
    assert client.get(url(statement.scheme, "efterregulering/2/")).status_code == 302


@pytest.mark.django_db
def test_a_statement_that_is_not_there_is_404(client, secretariat, statement, aalborg):
    client.force_login(secretariat)
    assert client.get(url(statement.scheme, "efterregulering/2/")).status_code == 404
    wrong_year = f"/takster/ordninger/{statement.scheme.pk}/2019/afregning/"
    assert client.get(wrong_year).status_code == 404
    hjorring_pk = statement.scheme.key.area.host.pk  # the host is not in the key
    wrong_party = url(statement.scheme, f"efterregulering/1/kommune/{hjorring_pk}/")
    assert client.get(wrong_party).status_code == 404


@pytest.mark.django_db
def test_the_statement_downloads_in_the_danish_dialect(client, secretariat, statement, aalborg):
    client.force_login(secretariat)
    response = client.get(url(statement.scheme, "efterregulering/1/?_export=csv"))
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    assert "Aalborg;38824;31,7;6188179;6096072;92107" in text
    assert re.search(r"^I alt;122341;100,0;19500000;19209757;290243", text, re.MULTILINE)
    response = client.get(url(statement.scheme, "efterregulering/1/?_export=xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["true_up"]
    aalborg_row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Aalborg")
    assert aalborg_row[3:] == (6188179, 6096072, 92107)


@pytest.mark.django_db
def test_aalborgs_statement_and_the_plan_download(
    client, aalborg_reporter, secretariat, statement, aalborg
):
    client.force_login(aalborg_reporter)
    text = client.get(party_url(statement, aalborg) + "?_export=csv").content.decode("utf-8-sig")
    assert "Difference (kr.);92107" in text and "1;2018-01-01;1524018" in text
    response = client.get(party_url(statement, aalborg) + "?_export=xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert {"statement", "instalments"} <= set(workbook.sheetnames)
    client.force_login(secretariat)
    text = client.get(url(statement.scheme, "afregning/?_export=csv")).content.decode("utf-8-sig")
    assert "Aalborg;6096072;1524018;1524018;1524018;1524018" in text
    assert "I alt;19209757;4802444;4802440;4802437;4802436" in text


@pytest.mark.django_db
def test_a_stale_actual_form_keeps_what_was_typed_and_saves_nothing(client, secretariat, scheme):
    client.force_login(secretariat)
    token = client.get(url(scheme, "afregning/")).context["actual_form"]["edit_token"].value()
    first = {"action": "actual", "actual-amount": "19400000", "actual-edit_token": token}
    assert client.post(url(scheme, "afregning/"), first).status_code == 302
    second = {**first, "actual-amount": "19.600.000"}
    response = client.post(url(scheme, "afregning/"), second)
    assert response.status_code == 409
    page = response.content.decode()
    assert "En anden har gemt her" in page
    assert 'value="19.600.000"' in page
    assert ActualExpenditure.objects.get().amount == 19400000
    fresh = response.context["actual_form"]["edit_token"].value()
    again = {**second, "actual-edit_token": fresh}
    assert client.post(url(scheme, "afregning/"), again).status_code == 302
    assert ActualExpenditure.objects.count() == 2


@pytest.mark.django_db
def test_aalborgs_reporter_finds_aalborgs_statement_on_the_tariffs_page(
    client, aalborg_reporter, hjorring_reporter, statement, aalborg
):
    client.force_login(aalborg_reporter)
    page = client.get("/takster/").content.decode()
    assert party_url(statement, aalborg) in page
    client.force_login(hjorring_reporter)
    assert "/efterregulering/" not in client.get("/takster/").content.decode()
