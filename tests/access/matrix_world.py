"""The world the access matrix requests every URL in, built with factories: the personas of
matrix_rules.py with their memberships, offers of the region and of Aalborg, the Socialtilsyn
figures with a financing scheme (its split charged on account and trued up) and two provisional
tariffs, an open round and a closed one with
a handed-in submission of each unit and an offer proposal, a computed analysis run, a published
DAS meeting, the expert panel's and a planned KKR meeting with attachments, and the generated
documents (the meetings', the budget's and the analysis report)."""

import datetime as dt
from decimal import Decimal

from django.test import TestCase
from django.utils import timezone

from documents.services import document_request
from meetings.models import MeetingStatus
from monitoring.services import analysis_run_create
from organisations.models import Role
from submissions import services
from tariffs.models import DevelopmentContributionRate
from tariffs.services import split_compute, tariff_report
from tariffs.services_runs import budget_run_request
from tariffs.services_settlement import actual_record, on_account_plan_create, true_up_compute
from tests.access.matrix_rules import AALBORG_OP, AEH, DAS, FB, HJ, KKR, PANEL, REGION_OP, SEC
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OfferFactory,
    PopulationFigureFactory,
    RegionFactory,
    UnitFactory,
    UserFactory,
)
from tests.factories.meetings import (
    AgendaItemFactory,
    AttachmentFactory,
    MeetingFactory,
    body,
    das_meeting_of_21_may_2019,
)
from tests.factories.monitoring import citizen_lists
from tests.factories.submissions import complete_answers
from tests.factories.tariffs import FinancingSchemeFactory, socialtilsyn_nord_2019


def _citizens(code: str, amount: int) -> str:
    """One citizen of the municipality in Kvisten each January 2016-2019."""
    rows = "".join(f"ps-{code};{code};Kvisten;{year}-01;{amount}\n" for year in range(2016, 2020))
    return "borger;kommune;tilbud;maaned;udgift\n" + rows


def _personas(region, aalborg, hjorring):
    units = {
        "851-FB": UnitFactory(
            organisation=aalborg, code="851-FB", name="Aalborg FB", is_default=False
        ),
        "851-AEH": UnitFactory(
            organisation=aalborg, code="851-AEH", name="Aalborg ÆH", is_default=False
        ),
        "860": UnitFactory(organisation=hjorring),
    }
    UnitFactory(organisation=aalborg)  # Aalborg's default unit, 851
    memberships = {
        SEC: {"role": Role.SECRETARIAT},
        FB: {"role": Role.REPORTER, "unit": units["851-FB"]},
        AEH: {"role": Role.REPORTER, "unit": units["851-AEH"]},
        HJ: {"role": Role.REPORTER, "unit": units["860"]},
        REGION_OP: {"role": Role.OPERATOR, "organisation": region},
        AALBORG_OP: {"role": Role.OPERATOR, "organisation": aalborg},
        DAS: {"role": Role.BODY_MEMBER, "body": "DAS"},
        KKR: {"role": Role.BODY_MEMBER, "body": "KKR"},
        PANEL: {"role": Role.EXPERT_PANEL},
    }
    for username, membership in memberships.items():
        MembershipFactory(user=UserFactory(username=username), **membership)
    return units


def _tariffs(offers):
    key = socialtilsyn_nord_2019()
    scheme = FinancingSchemeFactory(name="Socialtilsyn Nord – plejefamilieafdelingen", key=key)
    _financing_year(scheme)
    for offer in offers:
        tariff_report(
            offer=offer,
            year=2020,
            unit="day",
            note="",
            user=None,
            components=[("base", "", Decimal("1500"))],
        )


def _financing_year(scheme):
    """The scheme's split charged quarterly from 1 January, an actual and its true-up."""
    split_compute(scheme=scheme, user=None)
    on_account_plan_create(scheme=scheme, first_due_on=dt.date(scheme.year, 1, 1))
    actual_record(scheme=scheme, year=scheme.year, amount=scheme.total + 1000)
    true_up_compute(scheme=scheme, year=scheme.year)


def _rounds(units):
    today = timezone.localdate()
    both = [units["851-FB"], units["860"]]
    every = [*both, units["851-AEH"]]
    old = services.round_create(
        kind="demand_capacity",
        year=2026,
        title="Behov og kapacitet 2026",
        opens_on=today - dt.timedelta(days=60),
        deadline=today - dt.timedelta(days=30),
        units=every,
    )
    services.round_open(reporting_round=old)
    proposal = {"name": "Violen", "target_group": "Udviklingshæmmede", "covered": True}
    for unit in both:
        submission = services.submission_for(reporting_round=old, unit=unit)
        answers = complete_answers(B3=[proposal]) if unit.code == "851-FB" else complete_answers()
        services.submission_save_step(submission=submission, step="x", answers=answers, user=None)
        services.submission_submit(submission=submission, user=None)
    services.round_close(reporting_round=old)
    current = services.round_create(
        kind="demand_capacity",
        year=2027,
        title="Behov og kapacitet 2027",
        opens_on=today - dt.timedelta(days=5),
        deadline=today + dt.timedelta(days=20),
        units=every,
    )
    services.round_open(reporting_round=current)


def _meetings():
    das = das_meeting_of_21_may_2019()
    kkr = MeetingFactory(body=body("KKR"), date=dt.date(2019, 6, 20))
    AttachmentFactory(item=AgendaItemFactory(meeting=kkr, title="Udgiftsanalyse 2019"))
    panel = MeetingFactory(
        body=body("Ekspertpanelet"),
        date=dt.date(2019, 4, 24),
        status=MeetingStatus.MINUTES_APPROVED,
    )
    AgendaItemFactory(meeting=panel, section="welcome", title="Godkendelse af dagsorden")
    for meeting in (das, panel):
        for document in ("agenda", "pack", "minutes"):
            params = {"meeting": meeting.reference, "document": document}
            document_request(kind="meetings.document", params=params, user=None)


def _dates_in_every_kind_of_month(aalborg, hjorring):
    """Dates whose Danish month differs from the English (January, September, October,
    November, December; May, June and April are the meetings'), for the Danish-dates test."""
    for municipality, count in ((aalborg, 199188), (hjorring, 64816)):
        PopulationFigureFactory(
            organisation=municipality,
            reference_date=dt.date(2012, 1, 1),
            age_band="all",
            count=count,
        )
    DevelopmentContributionRate.objects.create(
        year=2019,
        kroner_per_inhabitant=Decimal("135"),
        reply_deadline=dt.date(2018, 9, 10),
        recipient="Regionsrådet (Region Nordjylland)",
    )
    for short_name, date in (
        ("Koordinationsforum", dt.date(2019, 10, 29)),
        ("FU Social", dt.date(2019, 11, 26)),
        ("KDK", dt.date(2019, 12, 10)),
    ):
        MeetingFactory(body=body(short_name), date=date)


def build_world():
    """Everything the access matrix fills URL parameters with; the run is computed and the
    documents rendered (their on-commit tasks executed)."""
    region = RegionFactory()
    aalborg = MunicipalityFactory(code="851", short_name="Aalborg", name="Aalborg Kommune")
    hjorring = MunicipalityFactory(code="860", short_name="Hjørring", name="Hjørring Kommune")
    units = _personas(region, aalborg, hjorring)
    offers = [
        OfferFactory(name="Kvisten", operator=region),
        OfferFactory(name="Løvdal", operator=aalborg),
        OfferFactory(name="Bøgehuset", operator=region),
    ]
    citizen_lists({aalborg: _citizens("851", 1000), hjorring: _citizens("860", 2000)}, offers=())
    _tariffs(offers[:2])
    _rounds(units)
    _dates_in_every_kind_of_month(aalborg, hjorring)
    with TestCase.captureOnCommitCallbacks(execute=True):
        run = analysis_run_create(measure="2019-01", user=None)
        budget_run_request(year=2019, user=None)
    with TestCase.captureOnCommitCallbacks(execute=True):
        _meetings()
        document_request(kind="tariffs.socialtilsyn_budget", params={"year": 2019}, user=None)
        document_request(kind="monitoring.analysis_report", params={"run": run.pk}, user=None)
