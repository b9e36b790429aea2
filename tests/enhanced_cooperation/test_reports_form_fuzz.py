"""Whatever is posted to the annual-report form and the open-round form, the page answers
(never a 500) and nothing is saved from refused input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enhanced_cooperation.reports import report_key
from submissions import services as rounds
from submissions.models import ReportingRound, Submission
from tests.factories.enhanced_cooperation import MemberFactory, open_year_round, operator_user
from tests.fuzz import fuzz

TEXT = st.text(max_size=60)
NUMBER = st.one_of(st.integers(), st.decimals(allow_nan=True), TEXT)


@pytest.fixture
def draft(db):
    member = MemberFactory(period__start_year=2027)
    operator = operator_user(member)
    reporting_round = open_year_round(2027)
    submission = rounds.submission_for(
        reporting_round=reporting_round, unit=reporting_round.units.get()
    )
    return member, operator, submission


@pytest.mark.django_db
@fuzz
@given(
    development=st.text(max_size=300),
    occupancy=NUMBER,
    residential=NUMBER,
    day=NUMBER,
    demand=st.one_of(st.sampled_from(["rising", "stable", "falling", ""]), TEXT),
    demand_text=TEXT,
    target_groups=TEXT,
    token_is_current=st.booleans(),
    token=TEXT,
)
def test_fuzzed_reports_never_fail_the_page(
    client,
    draft,
    development,
    occupancy,
    residential,
    day,
    demand,
    demand_text,
    target_groups,
    token_is_current,
    token,
):
    member, operator, submission = draft
    client.force_login(operator)
    url = f"/samarbejde/aarsrapporter/{submission.pk}/{member.pk}/"
    submission.refresh_from_db()
    before = submission.answers
    data = {
        "development": development,
        "occupancy_pct": str(occupancy),
        "places_residential": str(residential),
        "places_day": str(day),
        "demand": demand,
        "demand_text": demand_text,
        "target_groups": target_groups,
        "edit_token": rounds.part_token(submission, report_key(member.pk))
        if token_is_current
        else token,
    }
    response = client.post(url, data)
    assert response.status_code in (302, 400, 409)
    after = Submission.objects.get(pk=submission.pk).answers
    if response.status_code != 302:
        assert after == before
    else:
        assert set(after[report_key(member.pk)]) >= {"development", "places", "demand"}


@pytest.mark.django_db
@fuzz
@given(year=st.one_of(st.integers(), TEXT), opens=TEXT, deadline=TEXT, reminders=TEXT)
def test_fuzzed_round_openings_never_fail_the_page(
    client, secretariat, year, opens, deadline, reminders
):
    client.force_login(secretariat)
    count = ReportingRound.objects.count()
    data = {"year": year, "opens_on": opens, "deadline": deadline, "reminder_days": reminders}
    response = client.post("/samarbejde/runde/ny/", data)
    assert response.status_code in (302, 400)
    if response.status_code != 302:
        assert ReportingRound.objects.count() == count
