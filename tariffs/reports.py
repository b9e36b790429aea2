"""The published tables of "Socialtilsyn Nord – Budget <year>", rebuilt from the data.

Reads the loaded figures once, hands plain Decimals to calculations.py and returns
ReportTables; the page, the downloads and the PDF all show these same tables.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from offers.models import Offer, Usage
from offers.selectors import with_coverage
from organisations.models import Organisation, PopulationFigure
from socialaftale.lib.danish import format_decimal
from socialaftale.lib.money import without_trailing_zeros
from socialaftale.lib.tables import ReportTable, display

from . import calculations as calc
from .access import visible_tariffs
from .models import (
    BpaRate,
    DevelopmentContributionRate,
    DistributionKey,
    MixedFinancing,
    PriceIndex,
    ReductionTarget,
    SupervisionBudget,
    SupervisionTariff,
    SupervisionVolume,
    Tariff,
)

DEPARTMENTS = [
    ("offers_department", _("Offers department")),
    ("foster_family_department", _("Foster-family department")),
    ("total", _("Total")),
]


@dataclass
class BudgetData:
    year: int
    this: SupervisionBudget | None
    last: SupervisionBudget | None
    last_now: SupervisionBudget | None  # last year's budget in this year's prices
    factor: Decimal | None


def price_columns(year: int) -> list[str]:
    """The published tables' three columns: last year, last year in this year's prices, and
    this year."""
    return [
        _("%(year)s (%(year)s prices)") % {"year": year - 1},
        _("%(last)s (%(year)s prices)") % {"last": year - 1, "year": year},
        str(year),
    ]


def load_budget_data(year: int) -> BudgetData:
    budgets = {
        (b.budget_year, b.price_basis): b
        for b in SupervisionBudget.objects.filter(budget_year__in=[year - 1, year])
    }
    index = PriceIndex.objects.filter(from_year=year - 1, to_year=year).first()
    return BudgetData(
        year=year,
        this=budgets.get((year, year)),
        last=budgets.get((year - 1, year - 1)),
        last_now=budgets.get((year - 1, year)),
        factor=index.factor if index else None,
    )


def _amount(budget, field):
    return getattr(budget, field) if budget else None


def _change_cells(old, new):
    if old is None or new is None:
        return [None, None]
    result = calc.change(old, new)
    return [result.kr, result.pct]


def budget_table(data: BudgetData) -> ReportTable:
    y = data.year
    table = ReportTable(
        id="budget",
        caption=_("Budget by department"),
        headers=[
            _("Department"),
            _("Budget %(year)s (%(year)s prices)") % {"year": y - 1},
            _("Budget %(last)s (%(year)s prices)") % {"last": y - 1, "year": y},
            _("Budget %(year)s") % {"year": y},
            _("Change (kr.)"),
            _("Change (%)"),
        ],
        decimals={5: 1},
        notes=[
            _("Change: budget %(year)s against %(last)s in %(year)s prices.")
            % {"year": y, "last": y - 1}
        ],
    )
    for field, label in DEPARTMENTS:
        old_now, new = _amount(data.last_now, field), _amount(data.this, field)
        row = [label, _amount(data.last, field), old_now, new, *_change_cells(old_now, new)]
        (table.footer if field == "total" else table.rows).append(row)
    if data.factor:
        table.notes.append(
            _("Price index %(last)s → %(year)s: factor %(factor)s.")
            % {"last": y - 1, "year": y, "factor": f"{data.factor.normalize():f}".replace(".", ",")}
        )
    return table


def volume_table(year: int, volumes: dict) -> ReportTable:
    fields = [
        ("foster_families", _("Foster families")),
        ("foster_family_new_approvals", _("New foster-family approvals")),
        ("offers", _("Offers supervised")),
        ("offer_new_approvals", _("New offer approvals")),
        ("bpa_company_approvals", _("BPA company approvals")),
    ]
    table = ReportTable(
        id="volumes",
        caption=_("Volumes"),
        headers=[_("Volume"), str(year - 1), str(year), _("Difference")],
    )
    old, new = volumes.get(year - 1), volumes.get(year)
    for field, label in fields:
        before, after = _amount(old, field), _amount(new, field)
        diff = after - before if before is not None and after is not None else None
        table.rows.append([label, before, after, diff])
    return table


def children_key_for(year: int) -> DistributionKey | None:
    """The newest 0-17 key dated before the budget year: Danmarks Statistik's Q2 figures of
    the year before (SPEC §3.3), e.g. 2017 Q2 for the 2019 budget."""
    keys = DistributionKey.objects.filter(
        area__name="Socialtilsyn Nord", reference_date__year__lte=year - 1
    ).order_by("-reference_date")
    return keys.first()


def foster_family_table(data: BudgetData) -> ReportTable | None:
    key = children_key_for(data.year)
    if key is None:
        return None
    weights = [
        (r.organisation.short_name, without_trailing_zeros(r.weight))
        for r in key.rows.select_related("organisation")
    ]
    y = data.year
    totals = [_amount(b, "foster_family_department") for b in (data.last, data.last_now, data.this)]
    splits = [calc.split_by_key(total, weights) if total is not None else None for total in totals]
    reference = next(split for split in splits if split is not None)
    table = ReportTable(
        id="foster_family_financing",
        caption=_("Financing of the foster-family department by municipality"),
        headers=[
            _("Municipality"),
            _("0–17 year olds"),
            _("Share (%)"),
            *price_columns(y),
        ],
        decimals={2: 1},
    )
    for index, row in enumerate(reference.rows):
        amounts = [split.rows[index].amount if split else None for split in splits]
        table.rows.append([row.party, row.weight, row.share_pct, *amounts])
    table.footer.append(
        [
            _("Total"),
            sum(w for _, w in weights),
            Decimal("100.0"),
            *[split.sum if split else None for split in splits],
        ]
    )
    table.notes.append(_("Key: %(key)s (%(source)s).") % {"key": key.name, "source": key.source})
    table.notes += [
        f"{header}: {split.method}"
        for header, split in zip(table.headers[3:], splits, strict=True)
        if split
    ]
    return table


def average_price_table(data: BudgetData, volumes: dict) -> ReportTable:
    """Average price per foster family = the department's budget ÷ (foster families + new
    approvals), in each budget column's prices."""
    y = data.year
    table = ReportTable(
        id="average_price",
        caption=_("Average price per foster family (kr.)"),
        headers=[
            _("Item"),
            *price_columns(y),
        ],
    )
    cells = []
    for budget, year in ((data.last, y - 1), (data.last_now, y - 1), (data.this, y)):
        volume = volumes.get(year)
        cells.append(
            calc.average_price_per_foster_family(
                budget.foster_family_department,
                volume.foster_families,
                volume.foster_family_new_approvals,
            )
            if budget and volume
            else None
        )
    table.rows.append([_("Budget ÷ (foster families + new approvals)"), *cells])
    return table


FEE_KINDS = [
    ("annual", _("annual supervision")),
    ("intensified", _("intensified supervision")),
    ("new_approval", _("new approval")),
    ("substantial_change", _("substantial change")),
]


def _category_label(tariff: SupervisionTariff) -> str:
    upper = f"–{tariff.places_max}" if tariff.places_max else "+"
    return _("Category %(category)s (%(low)s%(high)s places)") % {
        "category": tariff.category,
        "low": tariff.places_min,
        "high": upper,
    }


def supervision_tariff_table(year: int) -> ReportTable:
    tariffs = {
        (t.tariff_year, t.price_basis, t.category): t
        for t in SupervisionTariff.objects.filter(tariff_year__in=[year - 1, year])
    }
    table = ReportTable(
        id="supervision_tariffs",
        caption=_("Supervision tariffs for offers by size category (kr.)"),
        headers=[
            _("Category and fee"),
            *price_columns(year),
            _("Change (%)"),
        ],
        decimals={4: 1},
        notes=[
            _(
                "Intensified supervision is 10 %% of the annual fee. Change: %(year)s against "
                "%(last)s in %(year)s prices."
            )
            % {"year": year, "last": year - 1}
        ],
    )
    for category in (1, 2, 3, 4):
        current = tariffs.get((year, year, category))
        for field, label in FEE_KINDS:
            cells = [
                getattr(tariffs.get(key), field, None)
                for key in (
                    (year - 1, year - 1, category),
                    (year - 1, year, category),
                    (year, year, category),
                )
            ]
            if all(cell is None for cell in cells):
                continue
            name = f"{_category_label(current or tariffs[(year - 1, year - 1, category)])}: {label}"
            table.rows.append([name, *cells, _change_cells(cells[1], cells[2])[1]])
    return table


def bpa_table(year: int) -> ReportTable:
    rates = {(r.year, r.price_basis): r for r in BpaRate.objects.filter(year__in=[year - 1, year])}
    table = ReportTable(
        id="bpa",
        caption=_("BPA employer companies"),
        headers=[
            _("Item"),
            *price_columns(year),
        ],
    )
    cells = [rates.get(key) for key in ((year - 1, year - 1), (year - 1, year), (year, year))]
    table.rows.append([_("Hourly rate (kr.)"), *[r.hourly_rate if r else None for r in cells]])
    fees = [
        calc.bpa_new_approval_fee(r.hours_per_new_approval, r.hourly_rate)
        if r and r.hours_per_new_approval
        else None
        for r in cells
    ]
    if any(fees):
        table.rows.append([_("New approval (hours × hourly rate)"), *fees])
        hours = next(r.hours_per_new_approval for r in cells if r and r.hours_per_new_approval)
        table.notes.append(
            _("New approval of a BPA company: %(hours)s hours × the hourly rate.")
            % {"hours": hours}
        )
    return table


def socialtilsyn_report(year: int) -> list[ReportTable]:
    data = load_budget_data(year)
    volumes = {v.year: v for v in SupervisionVolume.objects.filter(year__in=[year - 1, year])}
    tables = [
        budget_table(data),
        volume_table(year, volumes),
        foster_family_table(data),
        average_price_table(data, volumes),
        supervision_tariff_table(year),
        bpa_table(year),
    ]
    return [table for table in tables if table is not None]


def _components(tariff) -> list[tuple[str, str, Decimal]]:
    return [(c.kind, c.package, c.amount) for c in tariff.components.all()]


def appendix_coverage_year(year: int) -> int | None:
    usage_years = Usage.objects.order_by("year").values_list("year", flat=True).distinct()
    return calc.appendix_usage_year(year, usage_years)


def _coverage_note(year: int, source: int | None) -> str:
    if source == year:
        return _("Coverage is derived from the usage reported for %(year)s.") % {"year": year}
    if source is None:
        return _(
            "No usage is recorded up to %(year)s, so only the regional offers are covered."
        ) % {"year": year}
    return _(
        "The tariff appendix for %(year)s is drawn up in October %(before)s, before the "
        "year's usage is known: coverage is derived from the usage reported for %(source)s, "
        "the latest year with usage data."
    ) % {"year": year, "before": year - 1, "source": source}


def tariff_appendix_table(user, year: int) -> ReportTable:
    """Covered offers with their tariffs for the year (the takstbilag); coverage from the
    latest year with usage up to the year."""
    source = appendix_coverage_year(year)
    offers = (
        with_coverage(Offer.objects.select_related("operator"), source or year)
        .filter(covered=True)
        .prefetch_related(
            Prefetch(
                "tariffs",
                queryset=visible_tariffs(
                    user, Tariff.objects.filter(year=year).prefetch_related("components")
                ),
            )
        )
    )
    caption = _("Tariff appendix %(year)s: offers covered by the agreement") % {"year": year}
    if source is not None:
        caption += " " + _("(coverage by usage in %(source)s)") % {"source": source}
    table = ReportTable(
        id="tariff_appendix",
        caption=caption,
        headers=[
            _("Offer"),
            _("Operator"),
            _("Unit"),
            _("Base tariff"),
            _("Service packages"),
            _("Tariff (lowest package)"),
            _("Status"),
        ],
    )
    for offer in offers:
        table.rows.append(_appendix_row(offer))
    table.decimals = {3: 2, 5: 2}
    table.notes.append(_coverage_note(year, source))
    return table


def _appendix_row(offer) -> list:
    tariff = next(iter(offer.tariffs.all()), None)
    if tariff is None:
        return [offer.name, offer.operator.short_name, None, None, None, None, _("Not reported")]
    components = _components(tariff)
    totals = calc.tariff_totals(components)
    base = next((a for kind, _p, a in components if kind == "base"), None)
    packages = "; ".join(
        f"{label}: {format_decimal(amount, 2)}" for label, amount in totals if label
    )
    return [
        offer.name,
        offer.operator.short_name,
        tariff.get_unit_display(),
        base,
        packages or None,
        min(a for _l, a in totals) if totals else None,
        tariff.get_status_display(),
    ]


def tariff_development_table(year: int) -> ReportTable:
    """Each operator's comparable tariffs (same offer and unit both years) against the general
    tariff-reduction target for the year."""
    tariffs = (
        Tariff.objects.filter(year__in=[year - 1, year])
        .select_related("offer__operator")
        .prefetch_related("components")
    )
    by_year = {(t.offer_id, t.year): t for t in tariffs}
    target = ReductionTarget.objects.filter(year=year).first()
    index = PriceIndex.objects.filter(from_year=year - 1, to_year=year).first()
    pairs = []
    for (offer_id, tariff_year), new in by_year.items():
        old = by_year.get((offer_id, year - 1))
        if tariff_year == year and old and old.unit == new.unit:
            pairs.append(
                calc.TariffPair(
                    operator=new.offer.operator.short_name,
                    old=calc.representative_tariff(_components(old)),
                    new=calc.representative_tariff(_components(new)),
                )
            )
    rows = calc.tariff_development(
        pairs,
        factor=index.factor if index else Decimal(1),
        target_pct=target.tariff_reduction_pct if target else None,
    )
    table = ReportTable(
        id="tariff_development",
        caption=_("Tariff development %(last)s–%(year)s by operator")
        % {"last": year - 1, "year": year},
        headers=[
            _("Operator"),
            _("Comparable offers"),
            _("Tariffs %(year)s") % {"year": year - 1},
            _("Tariffs %(year)s") % {"year": year},
            _("Change (%)"),
            _("Target (%)"),
            _("Target met"),
        ],
        decimals={2: 2, 3: 2, 4: 2, 5: 1},
    )
    for row in rows:
        table.rows.append(
            [
                row.operator,
                row.offers,
                row.old_total,
                row.new_total,
                row.change_pct,
                -row.target_pct if row.target_pct is not None else None,
                row.met,
            ]
        )
    table.notes.append(
        _(
            "Sum of each comparable offer's tariff (the lowest service package). General tariff "
            "reduction target %(year)s: %(target)s %%."
        )
        % {"year": year, "target": display(target.tariff_reduction_pct, 1) if target else "–"}
    )
    table.notes.append(
        _("%(last)s tariffs restated in %(year)s prices with factor %(factor)s.")
        % {"last": year - 1, "year": year, "factor": display(index.factor, 4)}
        if index
        else _("No price index is recorded for these years: the comparison is in current prices.")
    )
    return table


def development_contribution_table(year: int) -> ReportTable:
    rate = DevelopmentContributionRate.objects.filter(year=year).first()
    municipalities = (
        Organisation.objects.municipalities()
        .parties()
        .prefetch_related(
            Prefetch(
                "population_figures",
                queryset=PopulationFigure.objects.filter(age_band="all").order_by(
                    "-reference_date"
                ),
            )
        )
    )
    table = ReportTable(
        id="development_contribution",
        caption=_("Development contribution %(year)s by municipality") % {"year": year},
        headers=[_("Municipality"), _("Inhabitants"), _("Counted on"), _("Contribution (kr.)")],
    )
    for municipality in municipalities:
        figure = next(iter(municipality.population_figures.all()), None)
        amount = (
            calc.development_contribution(rate.kroner_per_inhabitant, figure.count)
            if rate and figure
            else None
        )
        table.rows.append(
            [
                municipality.short_name,
                figure.count if figure else None,
                figure.reference_date if figure else _("no population figure"),
                amount,
            ]
        )
    known = [row[3] for row in table.rows if row[3] is not None]
    missing = [row[0] for row in table.rows if row[1] is None]
    total_label = (
        _("Total without %(names)s") % {"names": _names(missing)} if missing else _("Total")
    )
    table.footer.append([total_label, sum(r[1] for r in table.rows if r[1]), None, sum(known)])
    if missing:
        table.notes.append(_missing_population_note(municipalities, missing))
    if rate:
        table.notes.append(
            _(
                "%(rate)s kr. per inhabitant (the legal minimum). Each municipality replies in "
                "writing to %(recipient)s by %(deadline)s."
            )
            % {
                "rate": display(rate.kroner_per_inhabitant),
                "recipient": rate.recipient,
                "deadline": rate.reply_deadline.strftime("%d.%m.%Y"),
            }
        )
    return table


def _names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _missing_population_note(municipalities, missing: list[str]) -> str:
    """Says whom the total leaves out and why: the source of the other figures has none."""
    sources = sorted(
        {figures[0].source for m in municipalities if (figures := m.population_figures.all())}
        - {""}
    )
    return _(
        "The total leaves out %(names)s: the population source (%(sources)s) has no figure for "
        "it, so no contribution is computed. The secretariat can add population figures."
    ) % {"names": _names(missing), "sources": "; ".join(sources) or _("none recorded")}


def mixed_financing_table() -> ReportTable:
    table = ReportTable(
        id="mixed_financing",
        caption=_("Offers with mixed financing (objective share + tariff per case)"),
        headers=[
            _("Offer"),
            _("Year"),
            _("Objective share (%)"),
            _("Total budget"),
            _("Objective financing"),
            _("Tariff-financed"),
            _("Expected cases"),
            _("Tariff per case"),
            _("Actual cases"),
        ],
        decimals={2: 1},
    )
    for record in MixedFinancing.objects.select_related("offer"):
        result = calc.mixed_financing(
            objective_share=record.objective_share,
            expected_cases=record.expected_cases,
            objective_financing=record.objective_financing if record.total_budget is None else None,
            total_budget=record.total_budget,
        )
        table.rows.append(
            [
                record.offer.name,
                str(record.year),
                result.objective_share * 100,
                result.total_budget,
                result.objective_financing,
                result.tariff_financed,
                result.expected_cases,
                result.tariff_per_case,
                record.actual_cases,
            ]
        )
    table.notes.append(
        _(
            "Total budget = objective financing ÷ share; tariff per case = "
            "(total budget − objective financing) ÷ expected cases, rounded half up "
            "to whole kroner."
        )
    )
    return table
