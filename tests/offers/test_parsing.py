"""Tests for the free-text parsers of offer submissions (SPEC §2).

The reference rows are copied from shared/reference/offers.csv because tests
must not read ../shared at run time.
"""

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offers.parsing import (
    ACUTE,
    ADULTS,
    BOTH,
    CHILDREN,
    DAY,
    REASON_AMBIGUOUS,
    REASON_APPROXIMATE,
    REASON_EXPANSION,
    REASON_EXTRA_KIND,
    REASON_LARGE,
    REASON_MAXIMUM,
    REASON_MINIMUM,
    REASON_NOT_PARSED,
    REASON_RANGE,
    REASON_REVERSED_RANGE,
    REASON_UNKNOWN,
    RESIDENTIAL,
    RESPITE,
    TARGET_GROUP_TAXONOMY,
    UNSPECIFIED,
    PlacesParse,
    classify_target_group,
    parse_legal_basis,
    parse_places,
)

# (name, target_group, legal_basis, places_as_written) for all 49 offers.
OFFERS = (
    (
        "Fagcenter for Autisme og ADHD – Viften",
        "Udviklingshæmmede børn og unge med autisme og særlig kompleks adfærd",
        "SEL § 67",
        "",
    ),
    ("Fagcenter for Autisme og ADHD – Specialbørnehaven Birken", "Børn med autisme", "", ""),
    (
        "Neurocenter Østerskoven",
        "Unge og voksne med moderat til meget svær medfødt eller erhvervet hjerneskade",
        "",
        "",
    ),
    ("Rehabiliteringscenter Strandgården", "Voksne med svær til meget svær hjerneskade", "", ""),
    (
        "Specialbørnehjemmet Kvisten",
        "Børn og unge med betydelig og varig nedsat funktionsevne og særligt behov for sygepleje",
        "SEL § 66",
        "",
    ),
    (
        "Institut for Syn og Hørelse",
        "Mennesker med nedsat syn og hørelse eller andre kommunikationsvanskeligheder",
        "",
        "",
    ),
    (
        "Taleinstituttet og Hjerneskadecenter Nordjylland",
        "Børn med massive sproglige vanskeligheder og mennesker med følger "
        "efter erhvervet hjerneskade",
        "",
        "",
    ),
    (
        "Børnehus Nord",
        "Børn og unge 0-18 år udsat for eller mistanke om seksuelle overgreb eller fysisk vold",
        "",
        "",
    ),
    ("Center for Døvblindhed og Høretab", "Børn og voksne med døvblindhed eller høretab", "", ""),
    ("Sødisbakke", "Voksne udviklingshæmmede", "SEL § 108", "122"),
    ("Kompasset", "Unge i sikret afdeling", "", ""),
    ("Restrup Kærvej", "Voksne sindslidende", "SEL §§ 67 og 107", ""),
    ("Sandtuevej", "Voksne sindslidende", "SEL §§ 67 og 107", ""),
    ("Brønderslev Rusmiddelcenter", "Misbrugere", "", "50"),
    ("Rosengården – døgntilbud", "Unge udviklingshæmmede og psykisk syge", "SEL § 85", "16"),
    ("Støttecenter Aars Midtby", "Unge psykisk syge", "SEL §§ 85 og 107", "ca. 20"),
    ("Projektafdeling – dag- og døgntilbud", "Enkeltmandsprojekter", "SEL § 107", "5-8"),
    (
        "SenhjerneskadeCenter Nord",
        "Voksne med erhvervet hjerneskade og moderat til meget svært funktionstab",
        "",
        "24",
    ),
    (
        "Koktvedstien",
        "Borgere med varigt og betydeligt nedsat funktionsevne og problemskabende adfærd",
        "",
        "15",
    ),
    (
        "Kollegium for unge enlige sårbare mødre",
        "Unge enlige sårbare kvinder under 25 år",
        "",
        "10",
    ),
    ("Rusmiddelteam", "Unge med rusmiddelproblemer", "", "30"),
    ("Løvdal", "Udviklingshæmmede", "ABL § 105 og SEL § 85", "30"),
    ("Botilbud Ryesgade", "Sindslidende voksne", "ABL § 105 og SEL § 85", "20"),
    ("Kastanjebo", "Autister", "ABL § 105 og SEL § 85", "20"),
    ("Specialgrupperne", "Autister", "ABL § 105 og SEL § 85", "12"),
    ("Violen", "Udviklingshæmmede", "ABL § 105 og SEL § 85", "14 + 4 aflastningspladser"),
    ("Ungdomshøjskolen", "Udviklingshæmmede", "ABL § 105 og SEL § 85", "12"),
    ("Kridtsløjfen", "Døve med andre funktionsnedsættelser", "ABL § 105 og SEL § 85", "18"),
    ("Vingen Studievej", "Normaltbegavede autister under 18 år", "SEL § 67", "16"),
    (
        "Vingen Bodil Hjorts Vej",
        "Udviklingshæmmede autister under 18 år",
        "SEL § 67",
        "8 + 1 akutplads",
    ),
    ("Det skæve Hus", "Voksne sindslidende med misbrug", "ABL § 105 og SEL § 85", "6"),
    ("Botilbud Åge Holms Vej", "Multihandicappede", "", "6"),
    ("Kollegietilbud – botilbud", "Unge udviklingshæmmede og sentudviklede", "", "9"),
    ("Botilbud – ADHD", "Borgere med ADHD", "", "7"),
    (
        "Botilbud Frederikshavnsvej",
        "Socialt udsatte med misbrug og dobbeltdiagnoser samt hjemløse",
        "",
        "14",
    ),
    (
        "Dagtilbud til borgere med autisme",
        "Borgere med autisme efter STU",
        "",
        "4 pladser med mulighed for udvidelse til 8",
    ),
    ("Behandlingscenter Nordenfjord", "Ambulant misbrugsbehandling", "", ""),
    ("Botilbud Vestergade Hadsund", "Voksne handicappede", "ABL § 105 og SEL § 85", "12"),
    ("Ungdomspensionen", "Udsatte unge under 18 år", "SEL § 66", "11"),
    ("Botræning for unge", "Unge med betydelig og varig nedsat funktionsevne", "SEL § 107", "6"),
    ("Dagbehandlingstilbuddet Hegely", "Familier", "", "max. 8"),
    ("Bofællesskab Bøgevej", "Autister", "SEL § 85", "6"),
    ("Døgntilbud ved BørneBøgen", "Børn og unge med svær psykiatrisk problematik", "", "?"),
    ("Behandlingstilbud til udviklingshæmmede misbrugere", "Udviklingshæmmede misbrugere", "", "?"),
    (
        "Opgangsfællesskab Storemosevej",
        "Udviklingshæmmede færdigbehandlet fra Behandlingscentret",
        "SEL §§ 107 og 108",
        "4 - 5",
    ),
    ("Heldagstilbud Hobitten", "Autister over 18 år", "ABL § 105, SEL § 85, SEL § 104", "12"),
    (
        "Akut- og aflastningspladser Det skæve Hus",
        "Sindslidende med misbrug og udadreagerende adfærd",
        "SEL § 107",
        "3",
    ),
    ("Botilbud Sjællandsgade", "Borgere med sindslidelser", "", "18"),
    (
        "Botilbud efter § 108 for dømte udviklingshæmmede",
        "Udviklingshæmmede med dom til anbringelse eller behandling",
        "SEL § 108",
        "?",
    ),
)
OFFERS_BY_NAME = {name: row for name, *row in OFFERS}

# Token soup resembling real answers, so properties exercise the grammar too.
PLACE_TOKENS = st.sampled_from(
    [
        "ca.",
        "cirka",
        "max.",
        "højst",
        "op til",
        "min.",
        "5",
        "8",
        "0",
        "1.200",
        "999999",
        "-",
        "–",
        "til",
        "+",
        "og",
        "pladser",
        "akutplads",
        "dagpladser",
        "døgnpladser",
        "aflastningspladser",
        "med mulighed for udvidelse til",
        "?",
    ]
)
PLACE_LIKE_TEXT = st.lists(PLACE_TOKENS, max_size=8).map(" ".join)
ANY_PLACES_INPUT = st.one_of(st.none(), st.text(), PLACE_LIKE_TEXT)
LEGAL_TOKENS = st.sampled_from(
    ["SEL", "ABL", "sel", "og", ",", "§", "§§", "85", "107", "85a", "stk.", "jf."]
)
ANY_LEGAL_INPUT = st.one_of(st.none(), st.text(), st.lists(LEGAL_TOKENS, max_size=10).map(" ".join))
LEAF_SLUGS = {slug for slug, (_, parent) in TARGET_GROUP_TAXONOMY.items() if parent}


# --- parse_places: properties --------------------------------------------------


@given(ANY_PLACES_INPUT)
def test_parse_places_never_raises_and_keeps_the_stripped_text(text):
    result = parse_places(text)

    assert result.as_written == (text or "").strip()


@given(ANY_PLACES_INPUT)
def test_an_answer_not_needing_review_always_has_a_base_and_total(text):
    result = parse_places(text)

    if not result.needs_review:
        assert result.base is not None
        assert result.total is not None


@given(ANY_PLACES_INPUT)
def test_minimum_never_exceeds_maximum(text):
    result = parse_places(text)

    if result.minimum is not None and result.maximum is not None:
        assert result.minimum <= result.maximum


@given(ANY_PLACES_INPUT)
def test_every_review_flag_comes_with_a_reason(text):
    result = parse_places(text)

    assert result.needs_review == bool(result.review_reasons)


# --- parse_places: examples ----------------------------------------------------


def test_plain_count_is_taken_as_is_without_review():
    result = parse_places("16")

    assert (result.base, result.minimum, result.maximum) == (16, 16, 16)
    assert result.total == 16
    assert result.base_kind == UNSPECIFIED
    assert not result.needs_review
    assert result.review_reasons == ()


@pytest.mark.parametrize("text", ["ca. 20", "ca 20", "cirka 20", "omkring 20", "ca.20"])
def test_approximate_count_is_flagged_for_review(text):
    result = parse_places(text)

    assert (result.base, result.minimum, result.maximum) == (20, None, None)
    assert result.needs_review
    assert result.review_reasons == (REASON_APPROXIMATE,)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("5-8", 5, 8), ("4 - 5", 4, 5), ("5\u20138", 5, 8), ("5 til 8", 5, 8)],
)
def test_range_uses_its_minimum_as_base_and_is_flagged(text, low, high):
    result = parse_places(text)

    assert (result.base, result.minimum, result.maximum) == (low, low, high)
    assert result.total_maximum == high
    assert result.review_reasons == (REASON_RANGE,)


def test_reversed_range_is_put_in_order_and_flagged():
    result = parse_places("8-5")

    assert (result.base, result.minimum, result.maximum) == (5, 5, 8)
    assert result.review_reasons == (REASON_RANGE, REASON_REVERSED_RANGE)


@pytest.mark.parametrize(
    "text", ["max. 8", "max 8", "maks 8", "maks. 8", "maksimalt 8", "højst 8", "op til 8"]
)
def test_upper_limit_only_sets_the_maximum_and_is_flagged(text):
    result = parse_places(text)

    assert (result.base, result.minimum, result.maximum) == (8, None, 8)
    assert result.review_reasons == (REASON_MAXIMUM,)


@pytest.mark.parametrize("text", ["min. 4", "min 4", "mindst 4", "minimum 4"])
def test_lower_limit_only_sets_the_minimum_and_is_flagged(text):
    result = parse_places(text)

    assert (result.base, result.minimum, result.maximum) == (4, 4, None)
    assert result.review_reasons == (REASON_MINIMUM,)


def test_respite_places_are_extras_and_need_no_review():
    result = parse_places("14 + 4 aflastningspladser")

    assert result.base == 14
    assert result.extras == ((RESPITE, 4),)
    assert result.total == 18
    assert not result.needs_review


def test_an_acute_place_is_an_extra_on_top_of_the_base():
    result = parse_places("8 + 1 akutplads")

    assert result.base == 8
    assert result.extras == ((ACUTE, 1),)
    assert result.total == 9
    assert not result.needs_review


def test_possible_expansion_gives_current_count_as_minimum_and_target_as_maximum():
    result = parse_places("4 pladser med mulighed for udvidelse til 8")

    assert (result.base, result.minimum, result.maximum) == (4, 4, 8)
    assert result.total == 4
    assert result.total_maximum == 8
    assert result.review_reasons == (REASON_EXPANSION,)


@pytest.mark.parametrize("text", ["?", "", None, "ukendt", "Ukendt", "-", "   ", "??"])
def test_unknown_count_has_no_base_and_needs_review(text):
    result = parse_places(text)

    assert result.base is None
    assert result.total is None
    assert result.review_reasons == (REASON_UNKNOWN,)


@pytest.mark.parametrize(
    "text", ["12 døgnpladser + 3 dagpladser", "12 døgnpladser og 3 dagpladser"]
)
def test_a_named_first_group_records_its_kind_and_later_groups_are_extras(text):
    result = parse_places(text)

    assert result.base == 12
    assert result.base_kind == RESIDENTIAL
    assert result.extras == ((DAY, 3),)
    assert result.total == 15
    assert not result.needs_review


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("16 dagpladser", DAY),
        ("16 dag", DAY),
        ("16 døgnpladser", RESIDENTIAL),
        ("16 døgn", RESIDENTIAL),
        ("16 aflastningspladser", RESPITE),
        ("1 aflastningsplads", RESPITE),
        ("16 akutpladser", ACUTE),
        ("16 pladser", UNSPECIFIED),
        ("1 plads", UNSPECIFIED),
    ],
)
def test_danish_place_words_map_to_place_kinds(text, kind):
    result = parse_places(text)

    assert result.base_kind == kind
    assert not result.needs_review


def test_extras_without_a_named_kind_are_flagged():
    result = parse_places("14 + 4")

    assert result.extras == ((UNSPECIFIED, 4),)
    assert result.total == 18
    assert result.review_reasons == (REASON_EXTRA_KIND,)


@pytest.mark.parametrize(
    "text", ["ca. 5-8", "5 boliger", "12,5", "16 pladser (2 tomme)", "dag- og døgn 6"]
)
def test_numbers_that_cannot_be_fully_understood_give_first_number_and_review(text):
    result = parse_places(text)

    first_number = int(re.search(r"\d+", text).group())
    assert result.base == first_number
    assert result.review_reasons == (REASON_AMBIGUOUS,)


def test_text_without_digits_cannot_be_parsed_and_needs_review():
    result = parse_places("afhænger af efterspørgslen")

    assert result.base is None
    assert result.review_reasons == (REASON_NOT_PARSED,)


def test_danish_thousands_separator_is_part_of_the_number():
    assert parse_places("1.200").base == 1200
    assert parse_places("ca. 1.200").base == 1200


def test_count_over_one_hundred_thousand_is_kept_but_flagged():
    result = parse_places("200000")

    assert result.base == 200_000
    assert result.review_reasons == (REASON_LARGE,)


def test_absurdly_long_number_does_not_raise_and_is_flagged():
    result = parse_places("9" * 5000)

    assert result.base is None
    assert REASON_LARGE in result.review_reasons


@pytest.mark.parametrize(
    "text", ["\x00\x07", "\u200b16\u00ad", "１６", "16\n", "\ud800", "§" * 10_000]
)
def test_control_characters_and_odd_unicode_do_not_raise(text):
    result = parse_places(text)

    assert result.as_written == text.strip()


def test_pasted_invisible_characters_are_ignored():
    assert parse_places("\u200b1\u00ad6\u200b").base == 16
    assert parse_places("１６").base == 16


def test_as_written_keeps_the_text_but_strips_surrounding_whitespace():
    assert parse_places("  ca. 20 \n").as_written == "ca. 20"
    assert parse_places(None).as_written == ""


def test_total_maximum_adds_the_extras_to_the_maximum():
    result = PlacesParse("5-8 + 2 akutpladser", 5, 5, 8, ((ACUTE, 2),))

    assert result.total == 7
    assert result.total_maximum == 10


def test_total_counts_extras_even_without_a_base():
    result = PlacesParse("", extras=((RESPITE, 2),))

    assert result.total == 2


def test_a_parse_result_cannot_be_changed():
    result = parse_places("16")

    with pytest.raises(dataclasses.FrozenInstanceError):
        result.base = 17


@pytest.mark.parametrize(("name", "places"), [(row[0], row[3]) for row in OFFERS])
def test_every_places_value_of_the_offer_list_is_parsed(name, places):
    result = parse_places(places)

    if places in {"", "?"}:
        assert result.base is None
        assert result.needs_review
    elif places.isdigit():
        assert result.base == int(places)
        assert not result.needs_review
    else:
        assert result.base is not None


def test_the_offer_list_has_all_49_offers():
    assert len(OFFERS) == 49


# --- parse_legal_basis ---------------------------------------------------------


@given(ANY_LEGAL_INPUT)
def test_parse_legal_basis_never_raises_and_gives_unique_paragraphs(text):
    result = parse_legal_basis(text)

    assert len(set(result)) == len(result)
    assert all("§ " in entry for entry in result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SEL § 107", ("SEL § 107",)),
        ("ABL § 105 og SEL § 85", ("ABL § 105", "SEL § 85")),
        ("SEL §§ 67 og 107", ("SEL § 67", "SEL § 107")),
        ("ABL § 105, SEL § 85, SEL § 104", ("ABL § 105", "SEL § 85", "SEL § 104")),
        ("SEL §§ 107 og 108", ("SEL § 107", "SEL § 108")),
        ("SEL §§ 67, 83 og 107", ("SEL § 67", "SEL § 83", "SEL § 107")),
        ("", ()),
        (None, ()),
    ],
)
def test_legal_basis_is_split_into_one_entry_per_paragraph(text, expected):
    assert parse_legal_basis(text) == expected


def test_a_paragraph_without_a_law_inherits_the_previous_law():
    assert parse_legal_basis("ABL § 105 og § 85") == ("ABL § 105", "ABL § 85")


def test_law_is_written_in_capitals_and_paragraph_letter_in_lower_case():
    assert parse_legal_basis("sel §85A") == ("SEL § 85a",)


def test_repeated_paragraphs_are_listed_once_in_first_seen_order():
    assert parse_legal_basis("SEL § 107, ABL § 105 og SEL § 107") == (
        "SEL § 107",
        "ABL § 105",
    )


def test_a_law_written_out_in_full_is_abbreviated():
    assert parse_legal_basis("serviceloven § 107") == ("SEL § 107",)


def test_subsections_are_not_taken_for_paragraphs():
    assert parse_legal_basis("SEL § 107, stk. 2") == ("SEL § 107",)


def test_a_paragraph_with_no_law_at_all_is_kept_without_one():
    assert parse_legal_basis("§ 107") == ("§ 107",)


def test_text_without_paragraph_signs_gives_no_legal_basis():
    assert parse_legal_basis("efter aftale") == ()


LEGAL_BASIS_OF_OFFER_LIST = {
    "": (),
    "SEL § 66": ("SEL § 66",),
    "SEL § 67": ("SEL § 67",),
    "SEL § 85": ("SEL § 85",),
    "SEL § 107": ("SEL § 107",),
    "SEL § 108": ("SEL § 108",),
    "SEL §§ 67 og 107": ("SEL § 67", "SEL § 107"),
    "SEL §§ 85 og 107": ("SEL § 85", "SEL § 107"),
    "SEL §§ 107 og 108": ("SEL § 107", "SEL § 108"),
    "ABL § 105 og SEL § 85": ("ABL § 105", "SEL § 85"),
    "ABL § 105, SEL § 85, SEL § 104": ("ABL § 105", "SEL § 85", "SEL § 104"),
}


@pytest.mark.parametrize(("name", "legal_basis"), [(row[0], row[2]) for row in OFFERS])
def test_every_legal_basis_of_the_offer_list_is_normalised(name, legal_basis):
    assert parse_legal_basis(legal_basis) == LEGAL_BASIS_OF_OFFER_LIST[legal_basis]


# --- classify_target_group -------------------------------------------------------


def test_taxonomy_has_three_top_levels_each_listed_before_its_children():
    seen = set()
    for slug, (_, parent) in TARGET_GROUP_TAXONOMY.items():
        assert parent is None or parent in seen
        seen.add(slug)
    top_levels = [s for s, (_, p) in TARGET_GROUP_TAXONOMY.items() if p is None]
    assert top_levels == ["psykisk", "fysisk", "socialt-udsatte"]
    assert len(LEAF_SLUGS) == 11


@given(st.one_of(st.none(), st.text()))
def test_classify_target_group_never_raises_and_gives_only_leaves_in_order(text):
    slugs, age_group = classify_target_group(text)

    assert set(slugs) <= LEAF_SLUGS
    assert list(slugs) == [s for s in TARGET_GROUP_TAXONOMY if s in slugs]
    assert age_group in {None, CHILDREN, ADULTS, BOTH}


@pytest.mark.parametrize(
    ("name", "slugs", "age_group"),
    [
        (
            "Fagcenter for Autisme og ADHD – Viften",
            ("udviklingshaemning", "udviklingsforstyrrelse"),
            CHILDREN,
        ),
        ("Neurocenter Østerskoven", ("hjerneskade",), BOTH),
        ("Institut for Syn og Hørelse", ("hoerehandicap", "synshandicap"), None),
        ("Børnehus Nord", ("overgreb",), CHILDREN),
        ("Center for Døvblindhed og Høretab", ("hoerehandicap", "doevblindhed"), BOTH),
        ("Sødisbakke", ("udviklingshaemning",), ADULTS),
        ("Restrup Kærvej", ("sindslidelse",), ADULTS),
        ("Brønderslev Rusmiddelcenter", ("misbrug",), None),
        ("Rosengården – døgntilbud", ("udviklingshaemning", "sindslidelse"), CHILDREN),
        ("Kridtsløjfen", ("hoerehandicap",), None),
        ("Vingen Studievej", ("udviklingsforstyrrelse",), CHILDREN),
        ("Botilbud Åge Holms Vej", ("mobilitet",), None),
        (
            "Botilbud Frederikshavnsvej",
            ("sindslidelse", "misbrug", "hjemloeshed"),
            None,
        ),
        ("Dagtilbud til borgere med autisme", ("udviklingsforstyrrelse",), ADULTS),
        ("Heldagstilbud Hobitten", ("udviklingsforstyrrelse",), ADULTS),
        ("Døgntilbud ved BørneBøgen", ("sindslidelse",), CHILDREN),
        ("Kollegium for unge enlige sårbare mødre", (), BOTH),
        ("Dagbehandlingstilbuddet Hegely", (), None),
    ],
)
def test_target_group_of_representative_offers(name, slugs, age_group):
    target_group = OFFERS_BY_NAME[name][0]

    assert classify_target_group(target_group) == (slugs, age_group)


@pytest.mark.parametrize(("name", "target_group"), [row[:2] for row in OFFERS])
def test_every_target_group_of_the_offer_list_is_classified(name, target_group):
    slugs, age_group = classify_target_group(target_group)

    assert set(slugs) <= LEAF_SLUGS
    assert age_group in {None, CHILDREN, ADULTS, BOTH}


def test_deafblindness_alone_is_not_also_a_hearing_handicap():
    assert classify_target_group("Voksne døvblinde") == (("doevblindhed",), ADULTS)


def test_visible_problems_are_not_a_visual_handicap():
    assert classify_target_group("Synlige adfærdsproblemer") == ((), None)


def test_physical_violence_is_abuse_not_a_mobility_handicap():
    slugs, _ = classify_target_group("Kvinder udsat for fysisk og psykisk vold")

    assert slugs == ("overgreb",)


def test_physical_disability_is_a_mobility_handicap():
    slugs, _ = classify_target_group("Voksne med fysisk funktionsnedsættelse")

    assert slugs == ("mobilitet",)


@pytest.mark.parametrize(
    ("text", "age_group"),
    [
        ("Børn og voksne", BOTH),
        ("Unge og voksne", BOTH),
        ("Unge under 18 år", CHILDREN),
        ("Børn 0-18 år", CHILDREN),
        ("Borgere over 18 år", ADULTS),
        ("Borgere efter STU", ADULTS),
        ("Borgere med ADHD", None),
        (None, None),
    ],
)
def test_age_group_follows_the_ages_mentioned(text, age_group):
    assert classify_target_group(text)[1] == age_group
