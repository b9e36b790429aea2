"""Reads of the tariffs app (a package past ~400 lines): pages.py for the tariff pages and
forms, published.py for the figures of the published tables. Only these touch the ORM on
the way from the database to a table; calculations.py and tables.py get plain data."""

from . import published
from .pages import (
    SplitFigures,
    SplitRowFigures,
    TariffSummary,
    index_context,
    scheme_context,
    scheme_definition_actions,
    scheme_list_context,
    split_figures,
    tariff_form_context,
    tariff_initial,
    tariff_summary,
)

__all__ = [
    "SplitFigures",
    "SplitRowFigures",
    "TariffSummary",
    "index_context",
    "published",
    "scheme_context",
    "scheme_definition_actions",
    "scheme_list_context",
    "split_figures",
    "tariff_form_context",
    "tariff_initial",
    "tariff_summary",
]
