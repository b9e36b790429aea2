"""The split_financing and mixed_financing commands: published figures in, JSON/CSV/table out,
and one-line Danish refusals. No database is touched."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

PROJECT = Path(__file__).resolve().parents[2]

# Socialtilsyn Nord's 0-17 key (Q2 2017), as a municipality would upload it.
KEY_0_17 = (
    "party,weight\n"
    "Silkeborg,20555\nBrønderslev,7913\nFrederikshavn,10782\nJammerbugt,8047\nLæsø,241\n"
    "Mariagerfjord,8477\nMorsø,3981\nRebild,7040\nThisted,8802\nVesthimmerland,7679\n"
    "Aalborg,38824\n"
)


def key_file(tmp_path: Path, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "key.csv"
    path.write_text(text, encoding=encoding)
    return str(path)


def run(*args: str) -> str:
    # call_command's own stdout is sys.stdout; give each call a fresh buffer instead.
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def split_json(*args: str) -> dict:
    return json.loads(run("split_financing", *args, "--format", "json"))


# --- split_financing ------------------------------------------------------------------------


def test_the_2018_foster_family_budget_splits_to_the_krone(tmp_path):
    data = split_json("--total", "19209757", "--key", key_file(tmp_path, KEY_0_17))
    rows = {row["party"]: row for row in data["rows"]}
    assert (data["total"], data["sum"]) == ("19209757", "19209757")
    assert rows["Aalborg"] == {
        "party": "Aalborg",
        "weight": "38824",
        "share": "0.3173425099",
        "share_pct": "31.7",
        "amount": "6096072",
    }
    assert (rows["Læsø"]["amount"], rows["Silkeborg"]["amount"]) == ("37841", "3227508")
    assert sum(int(row["amount"]) for row in data["rows"]) == 19209757


def test_json_rows_keep_the_key_order_and_the_method_names_the_naive_sum(tmp_path):
    data = split_json("--total", "19209757", "--key", key_file(tmp_path, KEY_0_17))
    assert [row["party"] for row in data["rows"]][:2] == ["Silkeborg", "Brønderslev"]
    assert "største-rest-metoden" in data["method"]
    assert "19.209.758" in data["method"]


def test_the_total_may_be_written_the_danish_way(tmp_path):
    data = split_json("--total", "19.209.757", "--key", key_file(tmp_path, KEY_0_17))
    assert data["sum"] == "19209757"


def test_a_semicolon_key_with_bom_and_danish_decimal_weights_is_read(tmp_path):
    text = "\ufeffparty;weight\nA;33,3\nB;66,7\n"
    data = split_json("--total", "1.000", "--key", key_file(tmp_path, text), "--decimals", "2")
    assert [(r["weight"], r["amount"]) for r in data["rows"]] == [
        ("33.3", "333.00"),
        ("66.7", "667.00"),
    ]
    assert data["total"] == "1000.00"


def test_csv_output_has_a_header_every_row_and_a_sum_row(tmp_path):
    out = run(
        "split_financing",
        *("--total", "19209757", "--key", key_file(tmp_path, KEY_0_17), "--format", "csv"),
    )
    lines = out.removeprefix("\ufeff").splitlines()  # the portal's CSV dialect
    assert lines[0] == "party;weight;share;share_pct;amount"
    assert "Aalborg;38824;0,3173425099;31,7;6096072" in lines
    assert lines[-1] == "I alt;122341;1,0000000000;100,0;19209757"
    assert len(lines) == 1 + 11 + 1


def test_the_table_uses_danish_numbers_and_ends_with_the_method(tmp_path):
    out = run("split_financing", "--total", "19209757", "--key", key_file(tmp_path, KEY_0_17))
    lines = out.splitlines()
    aalborg = next(line for line in lines if line.startswith("Aalborg"))
    assert aalborg.split() == ["Aalborg", "38.824", "31,7", "%", "6.096.072"]
    assert lines[-3].split()[-1] == "19.209.757"
    assert "største-rest-metoden" in lines[-1]
    assert len({len(line) for line in lines[:-2]}) == 1  # the columns line up


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        (KEY_0_17, ("--total", "-5"), "Totalen må ikke være negativ"),
        (KEY_0_17, ("--total", "mange"), "--total: »mange« er ikke et tal"),
        (KEY_0_17, ("--total", "10,5"), "flere end 0 decimaler"),
        (KEY_0_17, ("--total", "10", "--decimals", "3"), "--decimals skal være 0, 1 eller 2"),
        ("navn,vægt\nA,1\n", ("--total", "10"), "overskriften party,weight"),
        ("", ("--total", "10"), "overskriften party,weight"),
        ("party,weight\nA,1\nB,mange\n", ("--total", "10"), "Række 3 i nøglefilen: vægten"),
        ("party,weight\nA,1\nB,-2\n", ("--total", "10"), "Række 3 i nøglefilen: vægten må ikke"),
        ("party,weight\nA,1\n,2\n", ("--total", "10"), "Række 3 i nøglefilen: navnet"),
        ("party,weight\nA,0\nB,0\n", ("--total", "10"), "Alle vægte er 0"),
        ("party,weight\nA,1\nA,2\n", ("--total", "10"), "Parten A står mere end én gang"),
        ("party,weight\n", ("--total", "10"), "ingen rækker"),
    ],
)
def test_split_financing_refuses_bad_input_in_one_danish_line(tmp_path, text, args, message):
    with pytest.raises(CommandError, match=message) as refused:
        run("split_financing", *args, "--key", key_file(tmp_path, text))
    assert "\n" not in str(refused.value)


def test_a_missing_key_file_is_named(tmp_path):
    missing = tmp_path / "findes-ikke.csv"
    with pytest.raises(CommandError, match="Nøglefilen findes ikke: .*findes-ikke.csv"):
        run("split_financing", "--total", "10", "--key", str(missing))


def test_a_refused_input_exits_1_with_one_line_on_stderr_and_no_traceback(tmp_path):
    key = key_file(tmp_path, KEY_0_17)
    # LOG_LEVEL=WARNING keeps django-axes' start-up banner ("AXES: BEGIN …", logged at INFO
    # on stderr by every manage.py command) out of the way of what this test is about.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "socialaftale.settings_test"}
    env["LOG_LEVEL"] = "WARNING"
    completed = subprocess.run(
        [sys.executable, "manage.py", "split_financing", "--total", "-5", "--key", key],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    assert completed.stderr.strip().splitlines() == [
        "CommandError: Totalen må ikke være negativ (fik -5)."
    ]
    assert completed.stdout == ""


# --- mixed_financing ------------------------------------------------------------------------

BOERNEHUS_NORD_2018 = {
    "total_budget": "6440000",
    "objective_share": "0.60",
    "objective_financing": "3864000",
    "tariff_financed": "2576000",
    "expected_cases": 210,
    "tariff_per_case": "12267",
}


def mixed_json(*args: str) -> dict:
    return json.loads(run("mixed_financing", *args, "--format", "json"))


def test_boernehus_nord_from_its_objective_financing():
    data = mixed_json(
        "--objective-financing", "3864000", "--objective-share", "0.60", "--expected-cases", "210"
    )
    assert data == BOERNEHUS_NORD_2018


def test_boernehus_nord_from_its_total_budget_in_danish_notation():
    data = mixed_json(
        "--total-budget", "6.440.000", "--objective-share", "0,60", "--expected-cases", "210"
    )
    assert data == BOERNEHUS_NORD_2018


def test_a_share_written_with_three_decimals_is_not_read_as_thousands():
    data = mixed_json(
        "--total-budget", "1000", "--objective-share", "0.600", "--expected-cases", "4"
    )
    assert (data["objective_share"], data["tariff_per_case"]) == ("0.600", "100")


def test_the_mixed_financing_table_shows_the_tariff_per_case():
    out = run(
        "mixed_financing",
        *("--objective-financing", "3864000", "--objective-share", "0.60"),
        *("--expected-cases", "210"),
    )
    lines = out.splitlines()
    assert lines[0].split() == ["Samlet", "budget", "6.440.000", "kr."]
    assert "60 %" in lines[1]
    assert lines[5].split()[-2:] == ["12.267", "kr."]
    assert "hele kroner" in lines[-1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--total-budget", "100", "--objective-share", "1"), "intet til taksten"),
        (("--total-budget", "100", "--objective-share", "2"), "under 1"),
        (("--total-budget", "-100", "--objective-share", "0.5"), "må ikke være negativ"),
        (("--total-budget", "hundrede", "--objective-share", "0.5"), "--total-budget: »hundrede«"),
        (("--objective-financing", "100", "--objective-share", "0"), "andel 0"),
        (("--objective-financing", "100", "--objective-share", "x"), "--objective-share: »x«"),
    ],
)
def test_mixed_financing_refuses_bad_input_in_one_danish_line(args, message):
    with pytest.raises(CommandError, match=message) as refused:
        run("mixed_financing", *args, "--expected-cases", "210")
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    ("cases", "message"), [("0", "mindst 1"), ("2,5", "helt tal"), ("mange", "»mange«")]
)
def test_expected_cases_must_be_a_whole_number_of_at_least_one(cases, message):
    with pytest.raises(CommandError, match=message):
        run(
            "mixed_financing",
            "--total-budget",
            "100",
            "--objective-share",
            "0.5",
            "--expected-cases",
            cases,
        )


def test_giving_both_the_budget_and_the_objective_financing_is_refused():
    with pytest.raises(CommandError):
        run(
            "mixed_financing",
            *("--total-budget", "6440000", "--objective-financing", "3864000"),
            *("--objective-share", "0.60", "--expected-cases", "210"),
        )
