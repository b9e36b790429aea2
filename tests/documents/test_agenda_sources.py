"""The registry of generated agenda sources (documents.agenda_sources): each owning app
registers its source, the meetings list them in the order the secretariat knows, and anything
that is not a current choice is refused."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from documents import agenda_sources


def test_the_sources_are_listed_analysis_budget_round_notice():
    assert list(agenda_sources.sources()) == [
        "analysis",
        "budget",
        "scenario",
        "enhanced_cooperation",
        "round",
        "notice",
    ]


def test_each_source_is_registered_by_the_app_that_owns_its_data():
    owners = {code: source.build.__module__ for code, source in agenda_sources.sources().items()}
    assert owners == {
        "analysis": "monitoring.agenda",
        "budget": "tariffs.agenda",
        "scenario": "tariffs.agenda",
        "enhanced_cooperation": "enhanced_cooperation.agenda",
        "round": "submissions.agenda",
        "notice": "notices.agenda",
    }


def test_the_groups_carry_the_sources_labels_and_prefixed_values(db):
    groups = agenda_sources.grouped_choices()
    assert [label for label, _choices in groups] == [
        "Udgiftsanalyse",
        "Socialtilsyn Nords budget",
        "Konsekvenser pr. kommune",
        "Det forstærkede samarbejde",
        "Opsummering af en indberetningsrunde",
        "Ændringsvarsel",
    ]
    assert all(
        value.startswith(f"{code}:")
        for (code, (_l, choices)) in zip(
            ["analysis", "budget", "scenario", "enhanced_cooperation", "round", "notice"],
            groups,
            strict=True,
        )
        for value, _label in choices
    )


@pytest.mark.parametrize("choice", ["", "analysis", "analysis:", "nothing:1", "round:x"])
def test_what_is_not_a_current_choice_is_refused(db, choice):
    with pytest.raises(ValueError):
        agenda_sources.build(choice)


def test_a_source_registered_twice_is_refused():
    source = agenda_sources.sources()["budget"]
    with pytest.raises(ImproperlyConfigured):
        agenda_sources.register(
            "budget", label="Budget", choices=source.choices, build=source.build
        )


def test_a_source_of_a_tests_own_is_listed_by_its_position(db):
    item = agenda_sources.GeneratedItem(
        kind="tests.kind",
        params={"n": 1},
        section="information",
        title="Test",
        attachment_title="Test",
        body_heading="information",
        summary="",
        recommendations=[],
    )
    agenda_sources.register(
        "first", label="First", choices=lambda: [("1", "One")], build=lambda v: item, position=1
    )
    try:
        assert list(agenda_sources.sources())[0] == "first"
        assert agenda_sources.build("first:1") is item
    finally:
        agenda_sources.unregister("first")
    assert "first" not in agenda_sources.sources()
