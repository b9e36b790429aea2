"""Demo data of the financing year (SPEC §3, issue 15), made through the portal's services:

- Børnehus Nord's 2019 objective financing as a scheme of its own (mixed financing: the
  objective part of its budget split by inhabitants; Læsø's is an estimate), and one
  finished budget run of 2019;
- Socialtilsyn Nord's 2018 foster-family split charged on account quarterly, an actual of
  19,500,000 kr. (invented: the published sources hold no accounts) and its true-up;
- the scenario "Hjørring inside the area" of the 2019 foster-family split (Hjørring's
  0-17 figure an estimate);
- the 2019 tariff appendix published as version 1;
- the 2020 tariff round open for the operators now (the 2019→2020 price index is a demo
  figure).

Each step is skipped when its result is there already, so loading twice changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from offers.models import Offer
from organisations.models import Organisation, PopulationFigure
from organisations.services import population_import
from submissions.models import ReportingRound, RoundKind
from submissions.services_tariff_round import tariff_round_open
from tariffs.models import (
    BudgetRun,
    FinancingScheme,
    KeyRule,
    MixedFinancing,
    PriceIndex,
    Scenario,
    TariffAppendixVersion,
    TrueUpStatement,
)
from tariffs.services import mixed_financing_save, scheme_define
from tariffs.services_appendix import appendix_publish
from tariffs.services_runs import budget_run_compute, budget_run_request
from tariffs.services_scenarios import ScenarioChanges, scenario_create
from tariffs.services_settlement import actual_record, on_account_plan_create, true_up_compute

from .organisations import load_demo_users
from .tariffs import FOSTER_FAMILY_SCHEME

BOERNEHUS_SCHEME = "Børnehus Nord – objektiv finansiering"
INVENTED_ACTUAL_2018 = Decimal("19500000")
DEMO_PRICE_FACTOR_2019_2020 = Decimal("1.0180")
LAESOE_ESTIMATE_2012 = 1900  # not a published figure
HJORRING_ESTIMATE_0_17 = 13117  # not a published figure: about a fifth of its inhabitants


def _secretariat():
    load_demo_users(only={"sekretariat"})  # the figures are recorded as the secretariat's
    return get_user_model().objects.get(username="sekretariat")


def _laesoe_inhabitants() -> None:
    """The published inhabitants of 2012 leave out Læsø; the demo gives it an estimate, marked
    as such, so the agreement's eleven municipalities all have a figure."""
    laesoe = Organisation.objects.get(code="825")  # Læsø Kommune
    if not PopulationFigure.objects.filter(organisation=laesoe, age_band="all").exists():
        population_import(
            rows=[(laesoe, LAESOE_ESTIMATE_2012)],
            reference_date=date(2012, 1, 1),
            age_band="all",
            source="Demo: skønnet indbyggertal (Læsø er ikke med i de offentliggjorte tal)",
        )


def load_boernehus_scheme() -> None:
    """Børnehus Nord 2019: its 2018 mixed financing restated as the 2019 inputs (the sources
    give 2018 only), the objective part split by the municipalities' inhabitants."""
    offer = Offer.objects.get(name="Børnehus Nord")
    mixed = MixedFinancing.objects.filter(offer=offer, year=2018).first()
    if mixed is None or FinancingScheme.objects.filter(name=BOERNEHUS_SCHEME, year=2019).exists():
        return
    restated = mixed_financing_save(
        offer=offer,
        year=2019,
        objective_share=mixed.objective_share,
        objective_financing=mixed.objective_financing,
        expected_cases=mixed.expected_cases,
    )
    _laesoe_inhabitants()
    scheme_define(
        name=BOERNEHUS_SCHEME,
        year=2019,
        key_rule=KeyRule.POPULATION,
        age_band="all",
        area=None,
        mixed_financing=restated,
    )


def load_budget_run() -> None:
    if BudgetRun.objects.filter(year=2019).exists():
        return
    run = budget_run_request(year=2019, user=_secretariat(), reason="Demo: budget 2019")
    budget_run_compute(run_id=run.pk)


def load_true_up() -> None:
    scheme = FinancingScheme.objects.get(name=FOSTER_FAMILY_SCHEME, year=2018)
    if TrueUpStatement.objects.filter(scheme=scheme, year=2018).exists():
        return
    user = _secretariat()
    on_account_plan_create(scheme=scheme, first_due_on=date(2018, 1, 1), user=user)
    actual_record(
        scheme=scheme,
        year=2018,
        amount=INVENTED_ACTUAL_2018,
        note="Demo: regnskab 2018 (opdigtet beløb)",
        user=user,
    )
    true_up_compute(scheme=scheme, year=2018, user=user)


def load_scenario() -> None:
    """ "Hjørring inside the area" on the 2019 foster-family budget: Hjørring's 0-17 figure is
    an estimate (the published key leaves Hjørring out), marked as such."""
    scheme = FinancingScheme.objects.get(name=FOSTER_FAMILY_SCHEME, year=2019)
    if Scenario.objects.filter(scheme=scheme).exists():
        return
    hjorring = Organisation.objects.get(code="860")  # Hjørring Kommune
    population_import(
        rows=[(hjorring, HJORRING_ESTIMATE_0_17)],
        reference_date=date(2017, 4, 1),
        age_band="0-17",
        source="Demo: skønnet antal 0-17-årige (Hjørring er ikke med i Socialtilsyn Nords tal)",
    )
    changes = ScenarioChanges(
        name="Hjørring inde i området",
        population_date=date(2017, 4, 1),
        age_band="0-17",
        added=[hjorring],
    )
    scenario_create(scheme=scheme, changes=changes, user=_secretariat())


def load_appendix() -> None:
    if not TariffAppendixVersion.objects.filter(year=2019).exists():
        appendix_publish(year=2019, user=_secretariat())


def load_tariff_round() -> None:
    PriceIndex.objects.get_or_create(
        from_year=2019,
        to_year=2020,
        defaults={"factor": DEMO_PRICE_FACTOR_2019_2020, "source": "Demo: pris- og lønskøn"},
    )
    if not ReportingRound.objects.filter(kind=RoundKind.TARIFF_REPORTING, year=2020).exists():
        today = timezone.localdate()  # open now, as the demo's other open round
        tariff_round_open(
            year=2020, opens_on=today - timedelta(days=7), deadline=today + timedelta(days=60)
        )


@transaction.atomic
def load_demo_financing_year() -> None:
    load_boernehus_scheme()
    load_budget_run()
    load_true_up()
    load_scenario()
    load_appendix()
    load_tariff_round()
