"""A round is only made for a kind that has its form; the board and the summary count the
same hand-ins; the unit picker starts with the agreement's parties (issue 11 #5)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from submissions import selectors, services
from submissions.models import ReportingRound, RoundKind, SubmissionVersion
from submissions.round_forms import RoundForm
from tests.factories import MunicipalityFactory, RegionFactory, UnitFactory
from tests.factories.submissions import complete_answers, make_round

TODAY = timezone.localdate()


def test_the_round_form_offers_only_kinds_that_can_be_handed_in(db):
    offered = {value for value, _label in RoundForm().fields["kind"].choices if value}
    # The tariff round's forms are the operators' (issue 15, submissions.tariff_round).
    assert offered == {
        RoundKind.DEMAND_CAPACITY,
        RoundKind.CITIZEN_LIST,
        RoundKind.TARIFF_REPORTING,
    }


@pytest.mark.parametrize("kind", [RoundKind.NOMINATION])
def test_the_service_refuses_a_round_of_a_kind_without_a_form(db, kind):
    with pytest.raises(ValidationError) as refused:
        make_round(kind, [UnitFactory()])
    assert "kind" in refused.value.message_dict
    assert not ReportingRound.objects.exists()


def test_the_create_page_says_which_field_is_wrong_for_a_kind_without_a_form(client, secretariat):
    client.force_login(secretariat)
    unit = UnitFactory()
    response = client.post(
        "/indberetninger/runder/ny/",
        {
            "kind": RoundKind.ANNUAL_REPORT,
            "year": 2027,
            "title": "Årsrapporter 2027",
            "opens_on": "2027-01-01",
            "deadline": "2027-04-01",
            "reminder_days": "-3",
            "units": [unit.pk],
        },
    )
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    assert not ReportingRound.objects.exists()


def test_an_old_round_of_a_kind_without_a_form_cannot_be_opened(db):
    old = ReportingRound.objects.create(
        kind=RoundKind.NOMINATION,
        year=2019,
        title="Indmeldinger 2019",
        opens_on=dt.date(2019, 1, 28),
        deadline=dt.date(2019, 4, 1),
    )
    with pytest.raises(ValidationError):
        services.round_open(reporting_round=old)
    old.refresh_from_db()
    assert old.status == "draft"


def test_an_empty_report_in_a_round_without_a_questionnaire_gets_no_receipt(
    client, aalborg_reporter
):
    unit = aalborg_reporter.memberships.get().unit
    citizen_lists = services.round_open(reporting_round=make_round(RoundKind.CITIZEN_LIST, [unit]))
    submission = services.submission_for(reporting_round=citizen_lists, unit=unit)
    with pytest.raises(ValidationError):
        services.submission_submit(submission=submission, user=aalborg_reporter)
    client.force_login(aalborg_reporter)
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "/indsend/" not in page  # no hand-in button; the page links to the upload instead
    assert "/monitorering/borgerlister/" in page
    assert not SubmissionVersion.objects.exists()


def test_the_summary_counts_the_same_hand_ins_as_the_board(
    aalborg_reporter, hjorring_reporter, secretariat
):
    units = [u.memberships.get().unit for u in (aalborg_reporter, hjorring_reporter)]
    units.append(UnitFactory())  # a third unit that never starts
    reporting_round = services.round_open(
        reporting_round=make_round(RoundKind.DEMAND_CAPACITY, units)
    )
    for user, unit in zip((aalborg_reporter, hjorring_reporter), units, strict=False):
        submission = services.submission_for(reporting_round=reporting_round, unit=unit)
        services.submission_save_step(
            submission=submission, step="x", user=user, answers=complete_answers()
        )
        services.submission_submit(submission=submission, user=user)
    reopened = reporting_round.submissions.get(unit=units[1])
    services.submission_reopen(submission=reopened, reason="Ret B1", user=secretariat)

    counts = selectors.board_counts(selectors.round_board(reporting_round))
    summary = selectors.round_summary(reporting_round)
    assert (counts["handed_in"], counts["total"]) == (1, 3)
    assert (len(summary.submitted), summary.expected_count) == (1, 3)
    assert len(summary.missing) == 2


def test_the_unit_picker_starts_with_the_agreements_parties_only(db):
    party = UnitFactory(organisation=MunicipalityFactory(short_name="Thisted", code="787"))
    region = UnitFactory(organisation=RegionFactory())
    silkeborg = UnitFactory(
        organisation=MunicipalityFactory(
            short_name="Silkeborg", code="740", party_to_agreement=False
        )
    )
    midt = UnitFactory(
        organisation=RegionFactory(
            code="1082", name="Region Midtjylland", short_name="Midt", party_to_agreement=False
        )
    )
    field = RoundForm().fields["units"]
    assert {unit.pk for unit in field.initial} == {party.pk, region.pk}
    assert {silkeborg.pk, midt.pk} <= {unit.pk for unit in field.queryset}


def test_a_round_without_a_questionnaire_has_no_summary_page(client, secretariat):
    citizen_lists = make_round(RoundKind.CITIZEN_LIST, [UnitFactory()])
    client.force_login(secretariat)
    assert client.get(f"/indberetninger/runder/{citizen_lists.pk}/opsummering/").status_code == 404


def test_a_round_without_a_questionnaire_offers_no_summary_pdf_or_agenda_item(db):
    from documents import registry
    from submissions.agenda import _round_choices

    citizen_lists = services.round_open(
        reporting_round=make_round(RoundKind.CITIZEN_LIST, [UnitFactory()])
    )
    demand = services.round_open(reporting_round=make_round(RoundKind.DEMAND_CAPACITY, []))
    summary_pdf = registry.get("submissions.round_summary")
    with pytest.raises(ValidationError):
        summary_pdf.params({"round": citizen_lists.pk})
    assert summary_pdf.params({"round": demand.pk}) == {"round": demand.pk}
    assert [pk for pk, _title in _round_choices()] == [str(demand.pk)]
