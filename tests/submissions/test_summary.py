"""The secretariat's summary of the 2013 demand/capacity round, on the demo answers shaped like
the real annex. Pure calculations: no database. Sentences are asserted in English (the msgids);
the Danish translations are added by the lead engineer."""

import io

import openpyxl
import pytest

from demo.submission_answers import (
    DEMO_NOT_SUBMITTED_2013,
    DEMO_UNITS_2013,
    DEMO_VERSION,
    demo_answers_2013,
)
from socialaftale.lib.tables import tables_download
from submissions.calculations import (
    CentreTrends,
    EmptyPlaces,
    NeedLine,
    UnitAnswers,
    WaitingList,
    summarise_round,
)
from submissions.tables import summary_tables

pytestmark = pytest.mark.usefixtures("english")  # messages asserted in English

NAMES = dict(DEMO_UNITS_2013)
AUTHORITIES_WITHOUT_WAITING = (
    "Aalborg FB, Brønderslev, Frederikshavn, Jammerbugt, Læsø, Mariagerfjord, Morsø, Thisted, "
    "Vesthimmerland"
)
KASTANJEBO = (
    "Aalborg ÆH reports as operator 7 people on the waiting list at Kastanjebo (target group: "
    "Udviklingsforstyrrelse (ADHD, autisme)), while 9 units as acting authority report no "
    f"waiting lists: {AUTHORITIES_WITHOUT_WAITING}."
)


def units(answers: dict[str, dict]) -> list[UnitAnswers]:
    return [UnitAnswers(code, NAMES[code], given, DEMO_VERSION) for code, given in answers.items()]


def summarise(answers=None):
    return summarise_round(units(answers or demo_answers_2013()), DEMO_UNITS_2013)


def test_eleven_units_submitted_and_rebild_did_not():
    summary = summarise()
    assert summary.expected_count == 12
    assert summary.submitted == [name for code, name in DEMO_UNITS_2013 if code != "840"]
    assert summary.missing == ["Rebild"]
    assert DEMO_NOT_SUBMITTED_2013 == ("840",)


def test_five_units_report_no_changes_in_use():
    summary = summarise()
    assert summary.no_change_units == ["Jammerbugt", "Læsø", "Mariagerfjord", "Morsø", "Thisted"]
    assert summary.no_change_count == 5
    # Rebild did not hand in; Aalborg's two administrations are one municipality.
    assert summary.no_change_text == "5 of 10 municipalities report no changes in use"


def test_the_count_sentence_is_singular_for_one_unit():
    answers = {"773": demo_answers_2013()["773"]}
    summary = summarise_round(units(answers), [("773", "Morsø")])
    assert summary.no_change_text == "1 of 1 municipality reports no changes in use"


def test_falling_and_rising_needs_per_place_type_name_the_units():
    summary = summarise()
    assert len(summary.need_reports) == 10
    assert summary.needs == [
        NeedLine(
            "day",
            "children",
            "",
            "Day place, children and young people, target group not given",
            ("Brønderslev",),
            (),
        ),
        NeedLine(
            "day",
            "adults",
            "udviklingsforstyrrelse",
            "Day place, adults, Udviklingsforstyrrelse (ADHD, autisme)",
            (),
            ("Aalborg ÆH", "Hjørring"),
        ),
        NeedLine(
            "residential",
            "children",
            "udviklingsforstyrrelse",
            "Residential place, children and young people, Udviklingsforstyrrelse (ADHD, autisme)",
            ("Aalborg FB",),
            (),
        ),
        NeedLine(
            "residential",
            "children",
            "sindslidelse",
            "Residential place, children and young people, Sindslidelse",
            (),
            ("Aalborg FB",),
        ),
        NeedLine(
            "residential",
            "adults",
            "udviklingshaemning",
            "Residential place, adults, Udviklingshæmning",
            ("Aalborg ÆH",),
            (),
        ),
        NeedLine(
            "residential",
            "adults",
            "udviklingsforstyrrelse",
            "Residential place, adults, Udviklingsforstyrrelse (ADHD, autisme)",
            ("Vesthimmerland",),
            (),
        ),
        NeedLine(
            "residential",
            "adults",
            "sindslidelse",
            "Residential place, adults, Sindslidelse",
            ("Hjørring",),
            ("Aalborg ÆH",),
        ),
        NeedLine(
            "residential",
            "adults",
            "hjerneskade",
            "Residential place, adults, Hjerneskade",
            (),
            ("Frederikshavn",),
        ),
    ]


def test_aalborg_and_hjorring_report_both_falling_and_rising_needs():
    summary = summarise()
    directions = {}
    for report in summary.need_reports:
        directions.setdefault(report.unit, set()).add(report.direction)
    assert {unit for unit, found in directions.items() if found == {"falling", "rising"}} == {
        "Aalborg FB",
        "Aalborg ÆH",
        "Hjørring",
    }
    assert not set(directions) & set(summary.no_change_units)


def test_communication_centres_are_counted_per_expected_trend():
    assert summarise().centres == [
        CentreTrends(
            "ddh",
            "Center for Døvblindhed og Høretab",
            {"unchanged": 8, "rising": 2, "falling": 1, "": 0},
        ),
        CentreTrends(
            "ish",
            "Institut for Syn og Hørelse",
            {"unchanged": 9, "rising": 1, "falling": 1, "": 0},
        ),
    ]


def test_offers_with_empty_places_and_waiting_lists_name_the_operator():
    summary = summarise()
    assert summary.empty_places == [
        EmptyPlaces("Aalborg ÆH", "Restrup Kærvej"),
        EmptyPlaces("Frederikshavn", "Koktvedstien"),
        EmptyPlaces("Vesthimmerland", "Rosengården – døgntilbud"),
    ]
    assert summary.waiting_lists == [
        WaitingList(
            "Aalborg ÆH",
            "Kastanjebo",
            "udviklingsforstyrrelse",
            "Udviklingsforstyrrelse (ADHD, autisme)",
            7,
        )
    ]
    assert summary.waiting_total == 7


def test_seven_on_a_waiting_list_while_nine_authorities_report_none_is_a_contradiction():
    assert summarise().contradictions == [KASTANJEBO]


def test_a_waiting_list_without_a_count_is_still_flagged_and_a_zero_is_not():
    answers = demo_answers_2013()
    answers["813"]["B1"]["waiting_lists"] = True
    answers["813"]["B1"]["waiting"] = [
        {"offer": "Koktvedstien", "target_group": "hjerneskade", "count": None},
        {"offer": "SenhjerneskadeCenter Nord", "target_group": "hjerneskade", "count": 0},
    ]
    assert summarise(answers).contradictions == [
        KASTANJEBO,
        "Frederikshavn reports as operator a waiting list at Koktvedstien (target group: "
        "Hjerneskade), while 9 units as acting authority report no waiting lists: "
        f"{AUTHORITIES_WITHOUT_WAITING}.",
    ]


def test_no_contradiction_when_every_authority_reports_waiting_lists():
    answers = demo_answers_2013()
    for given in answers.values():
        given["A8"]["waiting_lists"] = True
    assert summarise(answers).contradictions == []


def test_no_changes_with_listed_needs_and_operator_no_with_details_are_contradictions():
    answers = demo_answers_2013()
    answers["773"]["A2"]["falling"] = [
        {"place": "day", "age": "adults", "target_group": "", "reason": ""}
    ]
    answers["849"]["B1"]["empty_offers"] = ["Bakkehuset"]
    answers["787"]["B1"]["waiting"] = [
        {"offer": "Ungdomspensionen", "target_group": "overgreb", "count": 2}
    ]
    contradictions = summarise(answers).contradictions
    assert contradictions[2:] == [
        "Morsø reports no significant changes in use but lists 1 need.",
        "Jammerbugt answers no empty places as operator but names offers: Bakkehuset.",
        "Thisted answers no waiting lists as operator but lists waiting lists.",
    ]
    assert contradictions[1].startswith("Thisted reports as operator 2 people on the waiting")


def test_new_and_planned_offers_carry_places_as_written_and_parsed():
    summary = summarise()
    new = [(o.unit, o.name, o.places_as_written, o.places) for o in summary.new_offers]
    assert new == [
        ("Aalborg ÆH", "Løvdal", "30", 30),
        ("Aalborg ÆH", "Violen", "14 + 4 aflastningspladser", 18),
        ("Aalborg ÆH", "Kridtsløjfen", "18", 18),
        ("Hjørring", "Botilbud Åge Holms Vej", "6", 6),
    ]
    assert summary.new_places_total == 72
    planned = [
        (
            o.unit,
            o.name,
            o.places_as_written,
            o.places,
            o.places_maximum,
            o.needs_review,
            o.planned_year,
        )
        for o in summary.planned_offers
    ]
    assert planned == [
        ("Aalborg FB", "Døgntilbud ved BørneBøgen", "?", None, None, True, 2013),
        ("Aalborg ÆH", "Opgangsfællesskab Storemosevej", "4 - 5", 4, 5, True, 2014),
        ("Brønderslev", "Dagbehandlingstilbuddet Hegely", "max. 8", 8, 8, True, 2013),
        ("Hjørring", "Botilbud Sjællandsgade", "18", 18, 18, False, 2013),
        (
            "Thisted",
            "Botilbud efter § 108 for dømte udviklingshæmmede",
            "?",
            None,
            None,
            True,
            2014,
        ),
        ("Vesthimmerland", "Bofællesskab Bøgevej", "6", 6, 6, False, 2013),
    ]
    assert summary.planned_places_total == 36
    assert [o.covered for o in summary.new_offers] == [True, True, True, True]
    assert summary.planned_offers[4].covered is None


def test_answers_side_by_side_per_question_in_questionnaire_order():
    summary = summarise()
    codes = [f"A{n}" for n in range(1, 11)] + ["B1", "B2", "B3", "B4"]
    assert list(summary.answers_by_question) == codes
    assert all(len(rows) == 11 for rows in summary.answers_by_question.values())
    assert (
        summary.question_titles["A10"] == "Expected change in demand for the communication centres"
    )
    a10 = dict(summary.answers_by_question["A10"])
    assert (
        a10["Læsø"]
        == "Center for Døvblindhed og Høretab: Falling; Institut for Syn og Hørelse: Unchanged"
    )
    assert dict(summary.answers_by_question["A2"])["Morsø"] == "No significant changes: Yes"
    assert dict(summary.answers_by_question["B3"])["Hjørring"] == (
        "New offers: Botilbud Åge Holms Vej, Multihandicappede, 6, Yes"
    )
    assert dict(summary.answers_by_question["A5"])["Morsø"] == "–"


def test_a_unit_outside_the_expected_list_is_listed_last_and_nobody_is_missing_twice():
    answers = demo_answers_2013()
    expected = [unit for unit in DEMO_UNITS_2013 if unit[0] != "773"]
    summary = summarise_round(units(answers), expected)
    assert summary.submitted[-1] == "Morsø"
    assert summary.missing == ["Rebild"]
    assert summary.expected_count == 11


def test_summary_tables_have_an_overview_and_one_table_per_question():
    tables = summary_tables(summarise())
    assert [table.id for table in tables] == ["Overblik"] + [f"A{n}" for n in range(1, 11)] + [
        "B1",
        "B2",
        "B3",
        "B4",
    ]
    overview = tables[0]
    assert overview.rows == [
        ["Units that must submit", 12],
        ["Units that have submitted", 11],
        ["Units that have not submitted", 1],
        ["Units reporting no significant changes in use", 5],
        ["Falling needs reported", 5],
        ["Rising needs reported", 5],
        ["Center for Døvblindhed og Høretab: unchanged", 8],
        ["Center for Døvblindhed og Høretab: rising", 2],
        ["Center for Døvblindhed og Høretab: falling", 1],
        ["Institut for Syn og Hørelse: unchanged", 9],
        ["Institut for Syn og Hørelse: rising", 1],
        ["Institut for Syn og Hørelse: falling", 1],
        ["Offers with empty places", 3],
        ["Waiting lists reported by operators", 1],
        ["People on operators' waiting lists", 7],
        ["Contradictions", 1],
        ["New offers (last two years)", 4],
        ["Places in new offers", 72],
        ["Planned offers (next two years)", 6],
        ["Places in planned offers", 36],
    ]
    assert overview.notes[:3] == [
        "5 of 10 municipalities report no changes in use.",
        "Not submitted: Rebild.",
        f"Contradiction: {KASTANJEBO}",
    ]


def test_question_tables_are_structured_where_the_answer_has_structure():
    tables = {table.id: table for table in summary_tables(summarise())}
    assert tables["A2"].rows[0] == ["Jammerbugt", "No significant changes", None, None, None, None]
    assert tables["A2"].rows[5] == [
        "Aalborg FB",
        "Falling need",
        "Residential place",
        "Children and young people",
        "Udviklingsforstyrrelse (ADHD, autisme)",
        "Eget tilbud: Vingen åbner september 2013",
    ]
    assert len(tables["A2"].rows) == 15
    assert tables["B1"].rows[-1] == [
        "Aalborg ÆH",
        "Waiting list",
        "Kastanjebo",
        "Udviklingsforstyrrelse (ADHD, autisme)",
        7,
    ]
    assert tables["B4"].rows[1] == [
        "Aalborg ÆH",
        "Opgangsfællesskab Storemosevej",
        "Udviklingshæmmede færdigbehandlet fra Behandlingscentret",
        "4 - 5",
        4,
        5,
        True,
        False,
        "2014",
    ]
    assert tables["B4"].footer == [["Total", None, None, None, 36, None, None, None, None]]
    assert tables["B3"].footer == [["Total", None, None, None, 72, None, None, None]]
    assert tables["A1"].headers == ["Unit", "Answer"]


def test_the_xlsx_has_one_sheet_per_question():
    response = tables_download("opsummering-2013", "xlsx", summary_tables(summarise()))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Overblik"] + [f"A{n}" for n in range(1, 11)] + [
        "B1",
        "B2",
        "B3",
        "B4",
    ]
    assert book["Overblik"]["B2"].value == 12
    assert book["B4"]["A2"].value == "Aalborg FB"
