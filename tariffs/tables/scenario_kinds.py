"""The tables of a mixed financing scenario (objective part, tariff part and tariff per case,
today beside the scenario) and of a tariff scenario (each component and each service
package's full tariff, today beside the scenario), from the figures the scenario stored."""

from decimal import Decimal

from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable

from ..calculations import change


def _headers(first: str) -> list[str]:
    return [first, _("Today (kr.)"), _("Scenario (kr.)"), _("Change (kr.)"), _("Change (%)")]


def _row(label: str, old, new) -> list:
    moved = change(Decimal(old), Decimal(new))
    return [label, moved.old, moved.new, moved.kr, moved.pct]


def mixed_scenario_table(name: str, subject: str, result: dict) -> ReportTable:
    """Today's mixed financing beside the scenario's (SPEC §3.2)."""
    today, scenario = result["today"], result["scenario"]
    lines = [
        (_("Total budget"), "total_budget"),
        (_("Objective financing"), "objective_financing"),
        (_("Tariff-financed"), "tariff_financed"),
        (_("Tariff per case"), "tariff_per_case"),
    ]
    rows = [_row(label, today[key], scenario[key]) for label, key in lines]
    rows.insert(
        0, _row(_("Objective share (%)"), _pct(today), _pct(scenario))
    )  # the share as a percentage
    rows.insert(1, _row(_("Expected cases"), today["expected_cases"], scenario["expected_cases"]))
    return ReportTable(
        id="mixed-scenario",
        caption=_("Mixed financing: %(name)s (%(subject)s)") % {"name": name, "subject": subject},
        headers=_headers(_("Figure")),
        rows=rows,
        decimals={1: 0, 2: 0, 3: 0, 4: 1},
        notes=[
            _(
                "Objective financing = objective share × total budget, rounded half up to whole "
                "kroner; tariff per case = (total budget − objective financing) ÷ expected cases, "
                "rounded half up."
            )
        ],
    )


def _pct(figures: dict) -> Decimal:
    return (Decimal(figures["objective_share"]) * 100).normalize()


def tariff_scenario_table(name: str, subject: str, result: dict, kinds: dict) -> ReportTable:
    """Each component and each package's full tariff (base + service), today and in the
    scenario."""
    rows = [
        _row(f"{kinds.get(kind, kind)} {package}".strip(), old, new)
        for kind, package, old, new in result["components"]
    ]
    services = [row for row in result["packages"] if row[0]]
    rows += [
        _row(_("Full tariff %(package)s") % {"package": package}, old, new)
        for package, old, new in services
    ]
    return ReportTable(
        id="tariff-scenario",
        caption=_("Tariff scenario: %(name)s (%(subject)s)") % {"name": name, "subject": subject},
        headers=_headers(_("Component")),
        rows=rows,
        decimals={1: 2, 2: 2, 3: 2, 4: 1},
        notes=[
            _(
                "A price index factor restates every component to øre, rounded half up. A full "
                "tariff is the base tariff plus the package's service tariff."
            )
        ],
    )
