"""Document keys are made only by the registry (issue 12 #2), and they are the keys stored
before: every version of a document already in the database keeps finding its siblings."""

import pytest

from documents import registry


@pytest.mark.parametrize(
    ("kind", "params", "key"),
    [
        (
            "meetings.document",
            {"meeting": "DAS-2019-05-21", "document": "agenda"},
            "meetings.document:DAS-2019-05-21:agenda",
        ),
        (
            "meetings.document",
            {"meeting": "KKR-2019-06-20", "document": "pack"},
            "meetings.document:KKR-2019-06-20:pack",
        ),
        ("tariffs.socialtilsyn_budget", {"year": 2019}, "tariffs.socialtilsyn_budget:year=2019"),
        ("tariffs.socialtilsyn_budget", {"year": "2019"}, "tariffs.socialtilsyn_budget:year=2019"),
        ("monitoring.analysis_report", {"run": 12}, "monitoring.analysis_report:run=12"),
        ("submissions.round_summary", {"round": 3}, "submissions.round_summary:round=3"),
        ("submissions.receipt", {"version": 7}, "submissions.receipt:version=7"),
    ],
)
def test_the_registry_makes_the_keys_stored_before(kind, params, key):
    assert registry.document_key(kind, params) == key
    assert registry.get(kind).key(params) == key


def test_a_key_for_an_unknown_kind_is_refused():
    with pytest.raises(KeyError):
        registry.document_key("no.such.kind", {})


def test_a_joined_key_takes_the_named_params_in_order():
    key = registry.joined_key("tests.kind", "b", "a")
    assert key({"a": 1, "b": "x"}) == "tests.kind:x:1"
