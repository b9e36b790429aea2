"""The objects the access matrix fills URL parameters with: the world of matrix_world.py (two
rounds, meetings of DAS, KKR and the expert panel, an analysis run, documents, tariffs) plus a
draft submission of two units in the open round."""

import datetime as dt
import io
from decimal import Decimal
from types import SimpleNamespace

from django.core.files.base import ContentFile
from pypdf import PdfWriter

from annual_cycle.models import CycleEvent
from annual_cycle.services import generate_year
from documents.models import GeneratedDocument
from meetings.models import Attachment, BodyMember, Meeting
from monitoring.models import AnalysisRun
from offers.models import CoverageExemption, Offer
from organisations.models import Organisation, OrganisationUnit, SupervisionArea
from submissions import services
from submissions.models import OfferProposal, ReportingRound, Submission
from submissions.questionnaire import get_questionnaire
from tariffs.models import (
    BudgetRun,
    FinancingScheme,
    Tariff,
    TariffAppendixVersion,
    TrueUpStatement,
)
from tariffs.services import mixed_financing_save, split_compute
from tariffs.services_scenario_kinds import (
    MixedChanges,
    TariffChanges,
    mixed_scenario_create,
    tariff_scenario_create,
)
from tariffs.services_scenarios import ScenarioChanges, scenario_create
from tests.access.matrix_ec import build_enhanced_cooperation
from tests.access.matrix_rules import DAS, LOGGED_IN, PANEL, SEC
from tests.access.matrix_tariff_round import build_tariff_round
from tests.factories import MembershipFactory, UserFactory
from tests.factories.notices import ChangeNoticeFactory


def _document_access(das_reference, panel_reference):
    """Who may see each generated document: the secretariat every one; DAS members the DAS
    meeting's and the expert panel the panel meeting's (minutes approved); a public table
    anyone logged in; an analysis report only the secretariat; any other kind only the
    secretariat."""
    who = {
        "tariffs.socialtilsyn_budget": LOGGED_IN,
        "monitoring.analysis_report": {SEC},
    }
    meeting_readers = {das_reference: {SEC, DAS}, panel_reference: {SEC, PANEL}}
    documents = GeneratedDocument.objects.order_by("pk")
    assert all(d.params.get("meeting", das_reference) in meeting_readers for d in documents)
    return [
        (document, meeting_readers[document.params["meeting"]])
        if document.kind == "meetings.document"
        else (document, who.get(document.kind, {SEC}))
        for document in documents
    ]


def _blank_pdf() -> bytes:
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return out.getvalue()


def _exemption(offer):
    """An exemption of Aalborg's offer with Hjørring as the buyer and the agreement stored:
    its document is for the secretariat, the operator and Hjørring's reporter."""
    exemption = CoverageExemption(
        offer=offer,
        from_year=2020,
        reason="Bilateral aftale",
        decided_by="DAS",
        decided_on=dt.date(2019, 10, 15),
        document_name="aftale.pdf",
    )
    exemption.document.save("aftale.pdf", ContentFile(_blank_pdf()), save=False)
    exemption.save()
    exemption.buyers.set([Organisation.objects.get(code="860")])
    return exemption


def _person():
    """Someone the people pages are about (not a persona: a POST may deactivate them)."""
    user = UserFactory(username="matrix-person", email="person@example.dk")
    membership = MembershipFactory(
        user=user, role="reporter", unit=OrganisationUnit.objects.get(code="860")
    )
    return user, membership


def _area():
    area = SupervisionArea.objects.create(
        name="Matrixtilsyn", host=Organisation.objects.get(code="860")
    )
    area.members.set(Organisation.objects.filter(code__in=["851", "860"]))
    return area


def _cycle_event(year):
    """The year's events of the annual cycle; the first of them."""
    generate_year(year)
    return CycleEvent.objects.filter(year=year).order_by("starts_on", "pk").first()


def _appendix_version(year):
    """A published version of the year's tariff appendix (the world's tariffs stay provisional,
    so it is stored as the publication left it)."""
    return TariffAppendixVersion.objects.create(
        year=year, version=1, published_at=dt.datetime(2019, 10, 15, 12, tzinfo=dt.UTC)
    )


def _scenario():
    """The world's scheme with its split computed and a what-if scenario of it."""
    scheme = FinancingScheme.objects.order_by("pk").first()
    split_compute(scheme=scheme, user=None)
    changes = ScenarioChanges(name="Matrixscenarie", new_total=Decimal("1200000"))
    return scenario_create(scheme=scheme, changes=changes, user=None)


def _kind_scenarios(offer):
    """A mixed financing of the offer with a scenario, and a scenario of a tariff with
    components."""
    record = mixed_financing_save(
        offer=offer,
        year=2031,
        objective_share=Decimal("0.6"),
        total_budget=Decimal("1000000"),
        expected_cases=10,
    )
    mixed = mixed_scenario_create(
        record=record, changes=MixedChanges(name="Matrix blandet", expected_cases=12), user=None
    )
    tariff = Tariff.objects.filter(components__isnull=False).order_by("pk").first()
    priced = tariff_scenario_create(
        tariff=tariff,
        changes=TariffChanges(name="Matrix takst", price_factor=Decimal("1.02")),
        user=None,
    )
    return SimpleNamespace(mixed=mixed, tariff=priced)


def build_data():
    open_round = ReportingRound.objects.get(status="open", kind="demand_capacity")
    old_round = ReportingRound.objects.get(status="closed")
    units = {code: OrganisationUnit.objects.get(code=code) for code in ("851-FB", "860")}
    das = Meeting.objects.get(body__short_name="DAS")
    kkr = Meeting.objects.get(body__short_name="KKR")
    panel = Meeting.objects.get(body__short_name="Ekspertpanelet")
    assert das.status == "minutes_approved" and kkr.status == "planned"
    assert panel.status == "minutes_approved"
    fb_submission = services.submission_for(reporting_round=open_round, unit=units["851-FB"])
    aalborg_offer = Offer.objects.filter(operator__code="851").order_by("pk").first()
    person, person_membership = _person()
    region_offer = Offer.objects.filter(operator__code="1081").order_by("pk").first()
    return SimpleNamespace(
        cycle_event=_cycle_event(2026),
        appendix_version=_appendix_version(2020),
        person=person,
        area=_area(),
        body_member=BodyMember.objects.create(
            body=das.body, name="Matrix Medlem", organisation="Matrixkommune"
        ),
        person_membership=person_membership,
        exemption=_exemption(aalborg_offer),
        region_offer=region_offer,
        # A change notice of each operator's offer (the Aalborg one given after its decision).
        notices={
            "region": ChangeNoticeFactory(offer=region_offer),
            "aalborg": ChangeNoticeFactory(offer=aalborg_offer, noticed_on=dt.date(2019, 9, 5)),
        },
        aalborg_offer=aalborg_offer,
        offers=list(Offer.objects.order_by("pk")[:3]),
        scenario=_scenario(),
        kind_scenarios=_kind_scenarios(region_offer),
        schemes=list(FinancingScheme.objects.all()),
        true_up=TrueUpStatement.objects.get(),
        provisional=list(Tariff.objects.filter(status="provisional").order_by("pk")[:2]),
        open_round=open_round,
        old_round=old_round,
        fb_submission=fb_submission,
        first_step=get_questionnaire(fb_submission.form_version).steps[0].slug,
        hj_submission=services.submission_for(reporting_round=open_round, unit=units["860"]),
        old_fb=Submission.objects.get(round=old_round, unit__code="851-FB"),
        old_hj=Submission.objects.get(round=old_round, unit__code="860"),
        proposal=OfferProposal.objects.order_by("pk").first(),
        run=AnalysisRun.objects.order_by("pk").first(),
        budget_run=BudgetRun.objects.order_by("pk").first(),
        das=das,
        kkr=kkr,
        panel=panel,
        attachments={
            m.reference: Attachment.objects.filter(item__meeting=m).first() for m in (das, kkr)
        },
        document_access=_document_access(das.reference, panel.reference),
        ec=build_enhanced_cooperation(
            region_offer, aalborg_offer, Offer.objects.get(name="Bøgehuset")
        ),
        tariff_round=build_tariff_round(region_offer, aalborg_offer.operator),
    )
