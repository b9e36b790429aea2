"""The flag rules as pure functions: no database."""

from decimal import Decimal as D

from django.utils import translation

from enhanced_cooperation.flag_rules import (
    FallingNeed,
    OfferProfile,
    member_flags,
    need_matches,
    occupancy_flag,
    operator_flag,
    shorten,
    submissions_flag,
    usage_flag,
)


def setup_module():
    translation.activate("da")


def teardown_module():
    translation.deactivate()


def test_usage_flags_a_fall_below_the_earlier_mean():
    flag = usage_flag({2016: D(14), 2017: D(12), 2018: D(9)})
    assert flag.signal == "usage"
    assert flag.text == (
        "Forbruget hos handlekommunerne er faldet fra 12 pladser i 2017 til 9 i 2018. "
        "Gennemsnit 2016–2017: 13 pladser."
    )


def test_usage_with_two_years_quotes_no_mean_and_danish_decimals():
    flag = usage_flag({2017: D("10.50"), 2018: D("8.75")})
    assert flag.text == (
        "Forbruget hos handlekommunerne er faldet fra 10,5 pladser i 2017 til 8,75 i 2018."
    )


def test_usage_not_flagged_without_a_real_fall():
    assert usage_flag({}) is None
    assert usage_flag({2018: D(9)}) is None
    assert usage_flag({2017: D(9), 2018: D(10)}) is None  # rising
    assert usage_flag({2016: D(5), 2017: D(15), 2018: D(9.5)}) is None  # not 10 % below 10
    assert usage_flag({2017: D(10), 2018: D("9.5")}) is None  # 5 % drop only
    assert usage_flag({2017: D(10), 2018: D(9)}) is not None  # exactly 10 %


def test_occupancy_falling_two_reports_in_a_row():
    flag = occupancy_flag({2017: D("97"), 2018: D("92.5"), 2019: D("88")})
    assert flag.signal == "occupancy"
    assert flag.text == (
        "Belægningen er faldet to år i træk: 97,0 % i 2017, 92,5 % i 2018, 88,0 % i 2019."
    )


def test_occupancy_below_the_floor():
    flag = occupancy_flag({2019: D("80.4")})
    assert flag.text == "Belægningen var 80,4 % i 2019, under 85 %."
    both = occupancy_flag({2017: D(95), 2018: D(90), 2019: D(84)})
    assert "to år i træk" in both.text and "under 85 %" in both.text


def test_occupancy_not_flagged():
    assert occupancy_flag({}) is None
    assert occupancy_flag({2018: D(90), 2019: D(88)}) is None  # one fall only
    assert occupancy_flag({2017: D(95), 2018: D(90), 2019: D(90)}) is None
    assert occupancy_flag({2019: D(85)}) is None


def test_operator_quotes_the_demand_text_shortened():
    text = "Færre kommuner visiterer til tilbuddet, fordi de har bygget egne tilbud. " * 4
    flag = operator_flag({"demand": "falling", "demand_text": text}, 2019)
    assert flag.signal == "operator"
    assert flag.text.startswith(
        "Driftsherren melder om faldende efterspørgsel i årsrapporten for 2019. »Færre kommuner"
    )
    quote = flag.text.split("»")[1]
    assert quote.endswith("…«") and len(quote) <= 122
    assert operator_flag({"demand": "falling", "demand_text": ""}, 2019).text.endswith("2019.")


def test_operator_not_flagged_unless_falling():
    assert operator_flag(None, 2019) is None
    assert operator_flag({"demand": "stable"}, 2019) is None
    assert operator_flag({"demand": "rising", "demand_text": "x"}, 2019) is None


def test_shorten_keeps_short_text_and_collapses_spaces():
    assert shorten("  Få  henvisninger\n i år ") == "Få henvisninger i år"


ADULTS_DAY = OfferProfile(frozenset({"day"}), "adults", frozenset({"sindslidelse"}))


def test_need_matching_by_place_age_and_target_group():
    need = FallingNeed("Hjørring Kommune", "day", "adults", "sindslidelse")
    assert need_matches(need, ADULTS_DAY)
    assert not need_matches(FallingNeed("H", "residential", "adults", "sindslidelse"), ADULTS_DAY)
    assert not need_matches(FallingNeed("H", "day", "children", "sindslidelse"), ADULTS_DAY)
    assert not need_matches(FallingNeed("H", "day", "adults", "misbrug"), ADULTS_DAY)
    assert not need_matches(FallingNeed("H", "day", "adults", ""), ADULTS_DAY)
    unknown = OfferProfile(frozenset(), "both", frozenset({"sindslidelse"}))
    assert need_matches(FallingNeed("H", "residential", "children", "sindslidelse"), unknown)


def test_submissions_names_how_many_municipalities():
    needs = [
        FallingNeed("Hjørring Kommune", "day", "adults", "sindslidelse"),
        FallingNeed("Brønderslev Kommune", "day", "adults", "sindslidelse"),
        FallingNeed("Hjørring Kommune", "day", "adults", "sindslidelse"),
        FallingNeed("Thisted Kommune", "day", "adults", "misbrug"),
    ]
    flag = submissions_flag(needs, [ADULTS_DAY])
    assert flag.signal == "submissions"
    assert flag.text == (
        "2 kommuner melder om faldende behov for tilbuddenes pladstyper: Dagplads, voksne, "
        "Sindslidelse (Brønderslev Kommune, Hjørring Kommune)."
    )
    one = submissions_flag(needs[:1], [ADULTS_DAY])
    assert one.text.startswith("1 kommune melder")
    assert submissions_flag(needs[3:], [ADULTS_DAY]) is None
    assert submissions_flag([], [ADULTS_DAY]) is None


def test_member_flags_in_a_fixed_order():
    flags = member_flags(
        usage={2017: D(10), 2018: D(5)},
        occupancy={2019: D(70)},
        report={"demand": "falling", "demand_text": ""},
        year=2019,
        needs=[FallingNeed("Hjørring Kommune", "day", "adults", "sindslidelse")],
        offers=[ADULTS_DAY],
    )
    assert [f.signal for f in flags] == ["usage", "occupancy", "operator", "submissions"]
    quiet = member_flags(usage={}, occupancy={}, report=None, year=2019, needs=[], offers=[])
    assert quiet == []
