"""The re-assessment before a new period (SPEC §6): its own round kind in the first half of
the period's last year, answered per member by the operator over several sittings, handed in
through the round engine, read by the expert panel; nobody else sees it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from enhanced_cooperation import reassessment, services_round
from enhanced_cooperation.reports import report_key
from submissions import services as rounds
from submissions.models import MailKind, MailLog, RoundKind, Submission, SubmissionStatus
from tests.factories.enhanced_cooperation import MemberFactory, operator_user, panel_user
from tests.factories.organisations import MembershipFactory, UnitFactory, UserFactory
from tests.fuzz import fuzz

COMPLETE = {
    **{f"{code}_meets": "yes" for code in reassessment.Criterion.values},
    **{f"{code}_why": "Fortsat opfyldt" for code in reassessment.Criterion.values},
    "continue": "yes",
    "comment": "",
}


def test_an_answer_is_complete_with_every_criterion_and_the_choice_to_continue():
    answer = reassessment.empty_answer()
    assert len(reassessment.missing_fields(answer)) == 5
    for code in reassessment.Criterion.values:
        answer[code] = {"meets": "no", "why": "Målgruppen er bredere nu"}
    assert reassessment.missing_fields(answer) == [str(reassessment.LABELS["continue"])]
    answer["continue"] = "no"
    assert reassessment.missing_fields(answer) == []
    answer["profile"]["why"] = "  "
    assert reassessment.missing_fields(answer) == [str(reassessment.Criterion.PROFILE.label)]


def test_the_first_half_of_the_year():
    assert reassessment.in_first_half(dt.date(2020, 6, 30), 2020)
    assert not reassessment.in_first_half(dt.date(2020, 7, 1), 2020)
    assert not reassessment.in_first_half(dt.date(2019, 12, 31), 2020)


@pytest.fixture
def member(db):
    return MemberFactory(period__start_year=2019, name="Kvisten")


def _open(member, **dates):
    return services_round.reassessment_round_open(
        period=member.period,
        opens_on=dates.get("opens_on", dt.date(2020, 1, 6)),
        deadline=dates.get("deadline", dt.date(2020, 3, 2)),
    )


def test_the_round_runs_in_the_first_half_of_the_last_year_only(member):
    with pytest.raises(ValidationError, match="første halvdel af 2020"):
        _open(member, opens_on=dt.date(2019, 11, 1))
    with pytest.raises(ValidationError):
        _open(member, deadline=dt.date(2020, 8, 1))
    assert not Submission.objects.exists()


def test_only_the_operators_are_asked(member, django_capture_on_commit_callbacks):
    operator_user(member, email="drift@example.dk")
    reporter_unit = UnitFactory()
    MembershipFactory(
        user=UserFactory(email="kommune@example.dk"), role="reporter", unit=reporter_unit
    )
    with django_capture_on_commit_callbacks(execute=True):
        reporting_round = _open(member)
    assert reporting_round.kind == RoundKind.REASSESSMENT and reporting_round.year == 2020
    mails = MailLog.objects.filter(round=reporting_round, kind=MailKind.INVITATION)
    invitation = mails.get()  # the operator's unit only, not the municipality's
    assert invitation.unit == reporting_round.units.get()
    assert "drift@example.dk" in invitation.recipients
    assert "kriterier" in invitation.body
    with pytest.raises(ValidationError):
        _open(member)


@pytest.fixture
def answering(member, client):
    operator = operator_user(member)
    reporting_round = _open(member)
    submission = rounds.submission_for(
        reporting_round=reporting_round, unit=reporting_round.units.get()
    )
    client.force_login(operator)
    return submission, operator


def _form_url(submission, member):
    return f"/samarbejde/genvurdering/{submission.pk}/medlem/{member.pk}/"


def test_the_operator_answers_over_two_sittings_and_hands_in(member, client, answering):
    submission, _operator = answering
    page = client.get(_form_url(submission, member))
    token = page.context["form"]["token"].value()
    first = {"target_group_meets": "yes", "target_group_why": "Uændret", "token": token}
    assert client.post(_form_url(submission, member), first).status_code == 302
    overview = client.get(f"/samarbejde/genvurdering/{submission.pk}/")
    assert not overview.context["may_hand_in"]
    page = client.get(_form_url(submission, member))
    assert page.context["form"]["target_group_why"].value() == "Uændret"
    second = {**COMPLETE, "token": page.context["form"]["token"].value()}
    assert client.post(_form_url(submission, member), second).status_code == 302
    overview = client.get(f"/samarbejde/genvurdering/{submission.pk}/")
    assert overview.context["may_hand_in"]
    client.post(f"/indberetninger/{submission.pk}/indsend/", {"confirmed": "1"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.versions.get().answers[report_key(member.pk)]["continue"] == "yes"
    assert client.get(_form_url(submission, member)).status_code == 404  # locked


def test_a_stale_form_is_refused_and_keeps_what_was_typed(member, client, answering):
    submission, operator = answering
    token = client.get(_form_url(submission, member)).context["form"]["token"].value()
    rounds.submission_save_part(
        submission=submission,
        key=report_key(member.pk),
        value={"comment": "Kollega"},
        user=operator,
    )
    response = client.post(
        _form_url(submission, member), {**COMPLETE, "comment": "Mit", "token": token}
    )
    assert response.status_code == 200
    assert response.context["form"]["comment"].value() == "Mit"
    submission.refresh_from_db()
    assert submission.answers[report_key(member.pk)] == {"comment": "Kollega"}


def test_a_cpr_number_is_refused(member, client, answering):
    submission, _operator = answering
    token = client.get(_form_url(submission, member)).context["form"]["token"].value()
    response = client.post(
        _form_url(submission, member), {**COMPLETE, "comment": "Borger 010190-1234", "token": token}
    )
    assert response.status_code == 200 and "010190-1234" not in response.content.decode()
    submission.refresh_from_db()
    assert submission.answers == {}


def test_who_sees_it(member, client, answering):
    submission, _operator = answering
    overview = f"/samarbejde/genvurdering/{submission.pk}/"
    panel = panel_user()
    reporter = UserFactory()
    MembershipFactory(user=reporter, role="reporter", unit=UnitFactory())
    other = operator_user(MemberFactory(period=member.period))
    for user in (panel, reporter, other):
        client.force_login(user)
        assert client.get(overview).status_code == 404
        assert client.get(_form_url(submission, member)).status_code == 404
    rounds.submission_save_part(
        submission=submission,
        key=report_key(member.pk),
        value=reassessment.answer_of({}, member.pk)
        | {c: {"meets": "yes", "why": "Ja"} for c in reassessment.Criterion.values}
        | {"continue": "yes"},
        user=None,
    )
    rounds.submission_submit(submission=submission, user=None)
    client.force_login(panel)
    assert client.get(overview).status_code == 200
    assert client.get(_form_url(submission, member)).status_code == 404
    client.force_login(reporter)
    assert client.get(overview).status_code == 404
    assert client.get("/samarbejde/genvurdering/ny/").status_code == 404


@pytest.mark.django_db
@fuzz
@given(
    meets=st.one_of(st.sampled_from(["yes", "no", ""]), st.text(max_size=10)),
    why=st.text(max_size=6000),
    keep=st.one_of(st.sampled_from(["yes", "no"]), st.text(max_size=10)),
)
def test_fuzzed_answers_never_fail_the_page(member, client, answering, meets, why, keep):
    submission, _operator = answering
    submission.refresh_from_db()
    before = submission.answers
    token = client.get(_form_url(submission, member)).context["form"]["token"].value()
    data = {"profile_meets": meets, "profile_why": why, "continue": keep, "token": token}
    response = client.post(_form_url(submission, member), data)
    assert response.status_code in (200, 302)
    submission.refresh_from_db()
    if response.status_code == 200:
        assert submission.answers == before
