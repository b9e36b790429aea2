import io
from decimal import Decimal

import openpyxl
import pytest

from tariffs.reports import socialtilsyn_report


def table(tables, table_id):
    return next(t for t in tables if t.id == table_id)


@pytest.mark.django_db
def test_the_foster_family_split_reproduces_the_published_2018_amounts(socialtilsyn):
    financing = table(socialtilsyn_report(2019), "foster_family_financing")
    by_name = {row[0]: row for row in financing.rows}
    # 2018 in 2018 prices: the published worked example (SPEC §3.3).
    assert by_name["Læsø"][3] == Decimal("37841")
    assert by_name["Silkeborg"][3] == Decimal("3227508")
    # Exactly 6,096,072.50: the published table rounded it up to 6,096,073 and so summed to
    # one krone over the budget; largest remainder keeps the sum exact.
    assert by_name["Aalborg"][3] == Decimal("6096072")
    assert by_name["Aalborg"][2] == Decimal("31.7")
    assert financing.footer[0][3:] == [
        Decimal("19209757"),
        Decimal("19515192"),
        Decimal("20253203"),
    ]
    for column in (3, 4, 5):
        assert sum(row[column] for row in financing.rows) == financing.footer[0][column]
    assert sum(row[2] for row in financing.rows) == Decimal("100.0")
    assert any("19.209.758" in note for note in financing.notes)  # the row-by-row sum


@pytest.mark.django_db
def test_the_budget_table_shows_last_year_in_this_years_prices_and_the_change(socialtilsyn):
    budget = table(socialtilsyn_report(2019), "budget")
    foster = budget.rows[1]
    assert foster[1:4] == [Decimal("19209757"), Decimal("19515192"), Decimal("20253203")]
    assert foster[4:] == [Decimal("738011"), Decimal("3.8")]
    assert budget.footer[0][3] == Decimal("34935679")


@pytest.mark.django_db
def test_average_price_and_supervision_tariffs_come_from_the_data(socialtilsyn):
    tables = socialtilsyn_report(2019)
    assert table(tables, "average_price").rows[0][1:] == [
        Decimal("14777"),
        Decimal("15012"),
        Decimal("16399"),
    ]
    tariffs = table(tables, "supervision_tariffs")
    assert tariffs.rows[0][3] == Decimal("35341")
    bpa = table(tables, "bpa")
    assert bpa.rows[1][3] == Decimal("19764")  # 36 h × 549 kr.


@pytest.mark.django_db
def test_the_page_renders_danish_numbers_and_exports_real_numbers(client, socialtilsyn):
    page = client.get("/takster/socialtilsyn-nord/2019/").content.decode()
    assert "6.096.072" in page and "20.253.203" in page
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get("/takster/socialtilsyn-nord/2019/?_export=xlsx").content)
    )
    sheet = workbook["foster_family_financing"]
    values = [row for row in sheet.iter_rows(values_only=True) if row[0] == "Aalborg"]
    assert values[0][3] == 6096072
    csv_text = client.get("/takster/socialtilsyn-nord/2019/?_export=csv").content.decode(
        "utf-8-sig"
    )
    assert "Aalborg;38824;31,7;6096072;6193000;6427202" in csv_text
