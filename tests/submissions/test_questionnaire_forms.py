"""The demand/capacity questionnaire: its versioned definition, the step forms a reporter
fills in, and what blocks submitting. No database needed."""

from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string

from demo.submission_answers import DEMO_VERSION, demo_answers_2013
from submissions import questionnaire as q
from submissions.calculations import UnitAnswers, summarise_round
from submissions.forms import StepForms
from submissions.presentation import present_answers

pytestmark = pytest.mark.usefixtures("english")  # messages asserted in English

V1 = q.CURRENT_VERSION
STEP_SLUGS = ["del-a-1", "del-a-2", "del-a-3", "del-b-1", "del-b-2"]


class _FormFields(HTMLParser):
    """What a browser would post for the rendered fields (no JS on these pages)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            toggle = attrs.get("type") in ("checkbox", "radio")
            if not toggle or "checked" in attrs:
                value = attrs.get("value", "on" if toggle else "")
                self.data.setdefault(name, []).append(value)
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.setdefault(self._select, []).append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def render(step_forms) -> str:
    return render_to_string("submissions/_step_form.html", {"step_forms": step_forms})


def posted(step_forms, **changes) -> dict[str, str]:
    """The POST a browser sends for the rendered step, with some fields changed."""
    parser = _FormFields()
    parser.feed(render(step_forms))
    # A browser drops the leading newline of a textarea's content.
    data = {name: values[-1].removeprefix("\n") for name, values in parser.data.items()}
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def step_of(answers: dict, slug: str) -> dict:
    codes = q.get_questionnaire(V1).step(slug).questions
    return {code: answers[code] for code in codes}


# --- The definition ------------------------------------------------------------------------


def test_the_current_version_asks_a1_to_a10_and_b1_to_b4_in_five_danish_named_steps():
    questionnaire = q.get_questionnaire(V1)
    assert [step.slug for step in questionnaire.steps] == STEP_SLUGS
    assert [step.questions for step in questionnaire.steps] == [
        ("A1", "A2"),
        ("A3", "A4", "A5"),
        ("A6", "A7", "A8", "A9", "A10"),
        ("B1", "B2"),
        ("B3", "B4"),
    ]
    expected = [f"A{n}" for n in range(1, 11)] + ["B1", "B2", "B3", "B4"]
    assert list(questionnaire.codes()) == expected
    assert sorted(questionnaire.questions) == sorted(expected)


def test_an_unknown_version_or_step_is_a_key_error():
    with pytest.raises(KeyError):
        q.get_questionnaire("behov-kapacitet-0")
    with pytest.raises(KeyError):
        q.get_questionnaire(V1).step("del-c-1")


def test_empty_answers_have_the_documented_shapes():
    empty = q.empty_answers(V1)
    assert empty["A1"] == {"children": "", "adults": ""}
    assert empty["A2"] == {"no_changes": False, "falling": [], "rising": []}
    assert empty["A3"] == {"adults": [], "children": []}
    assert empty["A4"] == {"none": False, "text": ""}
    assert empty["A5"] == [] and empty["B2"] == [] and empty["B3"] == [] and empty["B4"] == []
    assert empty["A6"] == empty["A7"] == empty["A9"] == {"text": ""}
    assert empty["A8"] == {"waiting_lists": None, "empty_places": None, "text": ""}
    assert empty["A10"] == {"ddh": "", "ish": ""}
    assert empty["B1"] == {
        "empty_places": None,
        "empty_offers": [],
        "waiting_lists": None,
        "waiting": [],
    }


def test_target_group_choices_are_the_leaves_of_the_taxonomy():
    slugs = [slug for slug, _name in q.target_group_choices()]
    assert "sindslidelse" in slugs and "doevblindhed" in slugs
    assert "psykisk" not in slugs and "socialt-udsatte" not in slugs
    assert dict(q.target_group_choices())["udviklingshaemning"] == "Udviklingshæmning"


# --- What blocks submitting ------------------------------------------------------------------


def test_empty_answers_are_blocked_on_a2_a8_a10_and_b1_only():
    missing = q.missing_answers(V1, q.empty_answers(V1))
    assert [code for code, _message in missing] == ["A2", "A8", "A8", "A10", "A10", "B1", "B1"]
    messages = dict(missing)
    assert "no significant changes" in messages["A2"]
    assert "Choose the expected demand for Center for Døvblindhed og Høretab." in [
        message for code, message in missing if code == "A10"
    ]


def test_answered_yes_without_details_is_still_blocked_on_b1():
    answers = demo_answers_2013()["849"]
    answers["B1"] = {"empty_places": True, "empty_offers": [], "waiting_lists": True, "waiting": []}
    assert q.missing_answers(V1, answers) == [
        ("B1", "Name the offers that have empty places."),
        ("B1", "List the waiting lists (offer and target group)."),
    ]


def test_a2_is_answered_by_one_listed_need_without_ticking_no_changes():
    answers = demo_answers_2013()["849"]
    answers["A2"] = {"no_changes": False, "falling": [], "rising": []}
    assert [code for code, _ in q.missing_answers(V1, answers)] == ["A2"]
    answers["A2"]["rising"] = [{"place": "day", "age": "adults", "target_group": "", "reason": ""}]
    assert q.missing_answers(V1, answers) == []


def test_every_demo_unit_can_submit():
    for code, answers in demo_answers_2013().items():
        assert q.missing_answers(DEMO_VERSION, answers) == [], code


# --- Step forms -----------------------------------------------------------------------------


@pytest.mark.parametrize("slug", STEP_SLUGS)
def test_every_step_round_trips_every_demo_unit_through_the_rendered_page(slug):
    for code, answers in demo_answers_2013().items():
        shown = StepForms.from_answers(V1, slug, answers)
        again = StepForms(V1, slug, answers, data=posted(shown))
        assert again.is_valid(), (code, render(again))
        assert again.answers() == step_of(answers, slug), code


def test_a_step_returns_only_its_own_questions():
    forms = StepForms(V1, "del-a-1", {}, data=posted(StepForms(V1, "del-a-1", {})))
    assert forms.is_valid()
    assert forms.answers() == {
        "A1": {"children": "", "adults": ""},
        "A2": {"no_changes": False, "falling": [], "rising": []},
    }


def test_each_repeating_group_shows_one_empty_extra_row_under_its_own_prefix():
    answers = demo_answers_2013()["851-AEH"]
    data = posted(StepForms(V1, "del-b-2", answers))
    assert data["B3-TOTAL_FORMS"] == "4" and data["B3-INITIAL_FORMS"] == "3"
    assert data["B4-TOTAL_FORMS"] == "2"
    assert data["B3-0-name"] == "Løvdal" and data["B3-3-name"] == ""
    a2 = posted(StepForms(V1, "del-a-1", answers))
    assert a2["A2-falling-TOTAL_FORMS"] == "2" and a2["A2-rising-TOTAL_FORMS"] == "3"


def test_empty_extra_rows_are_ignored():
    answers = demo_answers_2013()["860"]
    data = posted(
        StepForms(V1, "del-b-1", answers), **{"B2-0-measure": "", "B1-waiting-0-offer": ""}
    )
    forms = StepForms(V1, "del-b-1", answers, data=data)
    assert forms.is_valid()
    assert forms.answers()["B2"] == [] and forms.answers()["B1"]["waiting"] == []


def test_a_new_row_typed_into_the_extra_row_is_added():
    answers = demo_answers_2013()["813"]
    data = posted(
        StepForms(V1, "del-b-1", answers),
        **{"B2-1-measure": "Misbrugsbehandling i eget hjem", "B2-1-year": "2014"},
    )
    forms = StepForms(V1, "del-b-1", answers, data=data)
    assert forms.is_valid()
    assert forms.answers()["B2"][1] == {
        "measure": "Misbrugsbehandling i eget hjem",
        "target_group": "",
        "year": 2014,
    }


def test_a_year_that_is_not_a_number_keeps_what_was_typed_and_names_the_field():
    answers = demo_answers_2013()["813"]
    data = posted(StepForms(V1, "del-b-1", answers), **{"B2-0-year": "tyve"})
    forms = StepForms(V1, "del-b-1", answers, data=data)
    assert not forms.is_valid()
    html = render(forms)
    assert 'value="tyve"' in html
    assert "Year taken into use: “tyve” is not a whole number." in html
    assert "Some answers could not be saved." in html
    # The rest of what the user typed is still there.
    assert 'value="Bostøtte i eget hjem frem for botilbud"' in html


def test_danish_number_input_is_accepted_and_out_of_range_numbers_are_refused():
    answers = demo_answers_2013()["851-AEH"]
    shown = StepForms(V1, "del-b-1", answers)
    forms = StepForms(V1, "del-b-1", answers, data=posted(shown, **{"B1-waiting-0-count": "1.200"}))
    assert forms.is_valid()
    assert forms.answers()["B1"]["waiting"][0]["count"] == 1200
    for typed, message in [
        ("7,5", "Number waiting: “7,5” is not a whole number."),
        ("-2", "Number waiting must be at least 0."),
    ]:
        forms = StepForms(
            V1, "del-b-1", answers, data=posted(shown, **{"B1-waiting-0-count": typed})
        )
        assert not forms.is_valid()
        assert message in render(forms)


def test_a_half_filled_row_names_the_missing_field():
    data = posted(
        StepForms(V1, "del-b-2", {}),
        **{"B4-0-places_as_written": "max. 8", "B4-0-planned_year": "2014"},
    )
    forms = StepForms(V1, "del-b-2", {}, data=data)
    assert not forms.is_valid()
    html = render(forms)
    assert "Name of the offer is required when the row is filled in." in html
    assert 'value="max. 8"' in html


def test_ticking_delete_removes_the_row():
    answers = demo_answers_2013()["851-AEH"]
    data = posted(StepForms(V1, "del-b-2", answers), **{"B3-1-DELETE": "on"})
    forms = StepForms(V1, "del-b-2", answers, data=data)
    assert forms.is_valid()
    assert [row["name"] for row in forms.answers()["B3"]] == ["Løvdal", "Kridtsløjfen"]


def test_a_deleted_row_is_removed_even_when_it_is_invalid():
    answers = demo_answers_2013()["813"]
    data = posted(StepForms(V1, "del-b-1", answers), **{"B2-0-year": "tyve", "B2-0-DELETE": "on"})
    forms = StepForms(V1, "del-b-1", answers, data=data)
    assert forms.is_valid()
    assert forms.answers()["B2"] == []


def test_clearing_every_field_of_a_row_removes_it():
    answers = demo_answers_2013()["860"]
    cleared = {f"A5-0-{name}": "" for name in ("offer", "change", "need")}
    forms = StepForms(
        V1, "del-a-2", answers, data=posted(StepForms(V1, "del-a-2", answers), **cleared)
    )
    assert forms.is_valid()
    assert forms.answers()["A5"] == []


def test_lists_are_edited_one_per_line():
    data = posted(
        StepForms(V1, "del-a-2", {}),
        **{"A3-adults": "Sødisbakke\r\n\r\n  Kvisten  \n", "A3-children": ""},
    )
    forms = StepForms(V1, "del-a-2", {}, data=data)
    assert forms.is_valid()
    assert forms.answers()["A3"] == {"adults": ["Sødisbakke", "Kvisten"], "children": []}


def test_yes_no_questions_can_be_left_open_in_a_draft_and_are_kept_when_answered():
    empty = StepForms(V1, "del-a-3", {})
    forms = StepForms(V1, "del-a-3", {}, data=posted(empty))
    assert forms.is_valid()
    assert forms.answers()["A8"] == {"waiting_lists": None, "empty_places": None, "text": ""}
    data = posted(empty, **{"A8-waiting_lists": "False", "A10-ddh": "rising"})
    answers = StepForms(V1, "del-a-3", {}, data=data).answers()
    assert answers["A8"]["waiting_lists"] is False
    assert answers["A10"] == {"ddh": "rising", "ish": ""}


def test_an_unknown_choice_is_refused():
    data = posted(StepForms(V1, "del-a-3", {}), **{"A10-ddh": "doubled"})
    forms = StepForms(V1, "del-a-3", {}, data=data)
    assert not forms.is_valid()


def test_the_step_template_has_legends_help_and_no_inline_script_or_style():
    html = render(StepForms(V1, "del-a-1", demo_answers_2013()["851-FB"]))
    assert '<legend class="h5">A2. Significant changes in the use of offers</legend>' in html
    assert 'id="help-A2"' in html
    assert 'name="A2-falling-TOTAL_FORMS"' in html
    assert "Save and add more rows" in html
    assert "<script" not in html and "style=" not in html and "<form" not in html


def test_forms_do_not_add_their_own_form_tag_or_csrf_token():
    forms = StepForms(V1, "del-b-1", {})
    block = forms.blocks[0]
    assert block.form.helper.form_tag is False
    assert block.formsets[0].formset.forms[0].helper.form_tag is False


# --- Versions ---------------------------------------------------------------------------------


@pytest.fixture
def second_version(monkeypatch):
    """A later year drops A9 and asks a new A11 (same shapes, new code)."""
    v1 = q.get_questionnaire(V1)
    a11 = q.Question("A11", "Needs arising from the new law", "", q.TEXT)
    questions = {code: question for code, question in v1.questions.items() if code != "A9"}
    steps = tuple(
        q.Step(step.slug, step.title, tuple(c for c in step.questions if c != "A9"))
        for step in v1.steps
    ) + (q.Step("del-c-1", "Part C", ("A11",)),)
    version = q.Questionnaire("behov-kapacitet-2", "2014", {**questions, "A11": a11}, steps)
    monkeypatch.setitem(q.QUESTIONNAIRES, version.version, version)
    return version.version


def test_old_answers_keep_rendering_with_their_own_version(second_version):
    old = demo_answers_2013()["846"]
    old["A9"] = {"text": "Vi overvejer at overtage et regionalt botilbud."}
    new = q.empty_answers(second_version)
    new["A11"] = {"text": "Flere unge med behov for dagtilbud."}

    old_codes = [answer.question.code for answer in present_answers(V1, old)]
    new_codes = [answer.question.code for answer in present_answers(second_version, new)]
    assert "A9" in old_codes and "A11" not in old_codes
    assert "A11" in new_codes and "A9" not in new_codes

    html = render_to_string(
        "submissions/_answers.html", {"questionnaire": q.get_questionnaire(V1), "answers": old}
    )
    assert "A9. Considerations on taking over regional offers" in html
    assert "Vi overvejer at overtage et regionalt botilbud." in html
    assert "A11." not in html
    assert set(q.empty_answers(second_version)) - set(q.empty_answers(V1)) == {"A11"}


def test_a_new_version_gets_its_own_step_forms(second_version):
    data = posted(StepForms(second_version, "del-c-1", {}), **{"A11-text": "Nyt behov"})
    forms = StepForms(second_version, "del-c-1", {}, data=data)
    assert forms.is_valid()
    assert forms.answers() == {"A11": {"text": "Nyt behov"}}
    with pytest.raises(KeyError):
        StepForms(V1, "del-c-1", {})


def test_a_summary_mixing_versions_reads_each_unit_with_its_own_definition(second_version):
    old = demo_answers_2013()["846"]
    old["A9"] = {"text": "Overtagelse af regionalt tilbud"}
    new = q.empty_answers(second_version) | {
        "A2": {"no_changes": True, "falling": [], "rising": []},
        "A11": {"text": "Nyt behov"},
    }
    summary = summarise_round(
        [
            UnitAnswers("846", "Mariagerfjord", old, V1),
            UnitAnswers("773", "Morsø", new, second_version),
        ],
        [("846", "Mariagerfjord"), ("773", "Morsø")],
    )
    assert summary.answers_by_question["A9"] == [
        ("Mariagerfjord", "Answer: Overtagelse af regionalt tilbud")
    ]
    assert summary.answers_by_question["A11"] == [("Morsø", "Answer: Nyt behov")]
    assert list(summary.answers_by_question)[-1] == "A11"
    assert summary.no_change_units == ["Mariagerfjord", "Morsø"]


# --- Read-only answers ------------------------------------------------------------------------


def test_the_answers_template_shows_every_question_with_its_repeating_groups_as_tables():
    answers = demo_answers_2013()["851-AEH"]
    html = render_to_string(
        "submissions/_answers.html", {"questionnaire": q.get_questionnaire(V1), "answers": answers}
    )
    for code in q.get_questionnaire(V1).codes():
        assert f'id="answer-{code}"' in html
    assert '<caption class="caption-top">New offers</caption>' in html
    assert "<td>14 + 4 aflastningspladser</td>" in html
    assert "<td>Kastanjebo</td>" in html and "<td>7</td>" in html
    assert 'Institut for Syn og Hørelse</dt><dd class="col-sm-8">Rising' in html
    assert "No answer" in html  # A5 has no rows


def test_the_answers_template_accepts_a_version_string_and_shows_nothing_without_one():
    answers = demo_answers_2013()["773"]
    by_version = render_to_string(
        "submissions/_answers.html", {"questionnaire": V1, "answers": answers}
    )
    assert 'id="answer-A10"' in by_version
    nothing = render_to_string(
        "submissions/_answers.html", {"questionnaire": None, "answers": answers}
    )
    assert "answer-" not in nothing
