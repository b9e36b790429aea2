"""The tariffs app's published tables (a package past ~400 lines): frozen dataclasses from the
selectors in, ReportTables out, the arithmetic in calculations.py; no ORM."""

from .appendix import appendix_table, tariff_development_table
from .financing import development_contribution_table, mixed_financing_table, split_table
from .runs import budget_run_table
from .scenario_kinds import mixed_scenario_table, tariff_scenario_table
from .scenarios import comparison_table, scenario_table
from .socialtilsyn import price_columns, socialtilsyn_tables

__all__ = [
    "appendix_table",
    "budget_run_table",
    "comparison_table",
    "development_contribution_table",
    "mixed_financing_table",
    "mixed_scenario_table",
    "price_columns",
    "scenario_table",
    "socialtilsyn_tables",
    "split_table",
    "tariff_development_table",
    "tariff_scenario_table",
]
