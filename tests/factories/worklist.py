"""Work for the start page in bulk: `work_items(n)` makes n items of every kind the apps'
work lists count (issue 13), with bulk_create from the factories' values, so the tests and
bench/startpage.py can grow the data to 1,000 of each quickly. Call it again with `start`
past the last call's items to add more."""

import datetime as dt

from django.utils import timezone

from annual_cycle.models import CycleDefinition, CycleEvent
from meetings.models import Mailing, Meeting, meeting_reference
from monitoring.models import AnalysisRun, RunStatus
from notices.models import ChangeNotice
from offers.models import Capacity, CoverageExemption, Offer
from organisations.models import OrganisationUnit
from submissions.models import MailDelivery, MailLog, ReportingRound, Submission
from tariffs.models import Tariff
from tests.factories.annual_cycle import CycleDefinitionFactory, CycleEventFactory
from tests.factories.meetings import BodyFactory, MailingFactory, MeetingFactory
from tests.factories.monitoring import AnalysisRunFactory
from tests.factories.notices import ChangeNoticeFactory
from tests.factories.offers import CapacityFactory, ExemptionFactory, OfferFactory
from tests.factories.organisations import MunicipalityFactory, UnitFactory
from tests.factories.submissions import MailLogFactory, ReportingRoundFactory, SubmissionFactory
from tests.factories.tariffs import TariffFactory

# The codes work_items(n) makes n of (for the secretariat).
CODES = (
    "submissions.awaiting_approval",
    "submissions.late_units",
    "submissions.mails_reaching_nobody",
    "tariffs.awaiting_approval",
    "offers.places_need_review",
    "offers.expiring_exemptions",
    "monitoring.analyses_in_draft",
    "meetings.upcoming",
    "meetings.agenda_not_out",
    "meetings.mailings_reaching_nobody",
    "notices.breaches",
    "notices.recent",
    "notices.plans_missing",
    "annual_cycle.due_soon",
)
LATE_ROUND = "Arbejde: over fristen"
FAILED = [{"name": "Medlem", "email": "medlem@example.dk", "state": "failed", "reason": ""}]


def work_items(n: int, *, start: int = 0) -> None:
    municipality = MunicipalityFactory(code="999", short_name="Arbejde")
    numbers = range(start, start + n)
    _round_work(municipality, numbers)
    _offer_work(municipality, numbers)
    AnalysisRun.objects.bulk_create(
        AnalysisRunFactory.build(measure=_month(i), version=1, status=RunStatus.DRAFT)
        for i in numbers
    )
    _meeting_work(numbers)
    _notice_work(municipality, numbers)
    _cycle_work(numbers)


def _rounds() -> tuple[ReportingRound, ReportingRound]:
    """The open round past its deadline (its units are late), and a new closed one."""
    today = timezone.localdate()
    late = ReportingRound.objects.filter(title=LATE_ROUND).first() or ReportingRoundFactory(
        title=LATE_ROUND,
        status="open",
        opens_on=today - dt.timedelta(days=30),
        deadline=today - dt.timedelta(days=1),
    )
    return late, ReportingRoundFactory(status="closed")


def _round_work(municipality, numbers) -> None:
    units = OrganisationUnit.objects.bulk_create(
        UnitFactory.build(
            organisation=municipality, code=f"W-{i}", name=f"Enhed {i}", is_default=False
        )
        for i in numbers
    )
    late, closed = _rounds()
    late.units.through.objects.bulk_create(
        late.units.through(reportinground=late, organisationunit=unit) for unit in units
    )
    Submission.objects.bulk_create(
        SubmissionFactory.build(round=closed, unit=unit, status="submitted") for unit in units
    )
    MailLog.objects.bulk_create(
        MailLogFactory.build(round=closed, unit=unit, delivery=MailDelivery.FAILED)
        for unit in units
    )


def _offer_work(municipality, numbers) -> None:
    offers = Offer.objects.bulk_create(
        OfferFactory.build(operator=municipality, name=f"Arbejdstilbud {i}") for i in numbers
    )
    Capacity.objects.bulk_create(
        CapacityFactory.build(offer=offer, needs_review=True) for offer in offers
    )
    Tariff.objects.bulk_create(TariffFactory.build(offer=offer) for offer in offers)
    today = timezone.localdate()
    CoverageExemption.objects.bulk_create(
        ExemptionFactory.build(offer=offer, ends_on=today + dt.timedelta(days=i % 61))
        for i, offer in zip(numbers, offers, strict=True)
    )


def _notice_work(municipality, numbers) -> None:
    """Offers of 150 places this year without a development plan, each with a change notice
    given yesterday, the day after its decision (a breach, and within the last 30 days)."""
    today = timezone.localdate()
    offers = Offer.objects.bulk_create(
        OfferFactory.build(operator=municipality, name=f"Varseltilbud {i}") for i in numbers
    )
    Capacity.objects.bulk_create(
        CapacityFactory.build(offer=offer, year=today.year, as_written="150", total_places=150)
        for offer in offers
    )
    ChangeNotice.objects.bulk_create(
        ChangeNoticeFactory.build(
            offer=offer,
            party=municipality,
            decided_on=today - dt.timedelta(days=2),
            noticed_on=today - dt.timedelta(days=1),
        )
        for offer in offers
    )


def _meeting_work(numbers) -> None:
    """Planned meetings in the next 30 days (one body holds 31 of them), each with a notice
    that reached nobody."""
    today = timezone.localdate()
    meetings, bodies = [], {}
    for i in numbers:
        code = f"arbejde-{i // 31}"
        body = bodies.get(code) or bodies.setdefault(code, BodyFactory(code=code))
        date = today + dt.timedelta(days=i % 31)
        meeting = MeetingFactory.build(body=body, date=date)
        meeting.reference = meeting_reference(body.short_name, date)
        meetings.append(meeting)
    meetings = Meeting.objects.bulk_create(meetings)
    Mailing.objects.bulk_create(
        MailingFactory.build(meeting=meeting, deliveries=FAILED) for meeting in meetings
    )


def _cycle_work(numbers) -> None:
    """Events of the annual cycle due within 60 days, one definition each."""
    definitions = CycleDefinition.objects.bulk_create(
        CycleDefinitionFactory.build(code=f"arbejde-{i}", title=f"Arbejde {i}") for i in numbers
    )
    today = timezone.localdate()
    CycleEvent.objects.bulk_create(
        CycleEventFactory.build(
            definition=definition,
            year=today.year,
            starts_on=today + dt.timedelta(days=i % 61),
            due_on=today + dt.timedelta(days=i % 61),
        )
        for i, definition in zip(numbers, definitions, strict=True)
    )


def _month(i: int) -> str:
    return f"{2000 + i // 12}-{i % 12 + 1:02d}"
