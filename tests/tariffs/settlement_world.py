"""Socialtilsyn Nord's foster-family department 2018 as a financing scheme: the published
budget (19,209,757 kr.) split by the 0-17 year olds of 2nd quarter 2017, for the settlement
tests (the pages, the services and the PDFs)."""

import datetime as dt
from decimal import Decimal

from tariffs.services import split_compute
from tariffs.services_settlement import actual_record, on_account_plan_create
from tests.factories.tariffs import FinancingSchemeFactory

BUDGET_2018 = Decimal("19209757")
INVENTED_ACTUAL = Decimal("19500000")


def foster_family_2018(key, user=None):
    """The scheme with its split computed (version 1)."""
    scheme = FinancingSchemeFactory(
        name="Socialtilsyn Nord – plejefamilieafdelingen", year=2018, total=BUDGET_2018, key=key
    )
    split_compute(scheme=scheme, user=user)
    return scheme


def charged_and_actual(scheme, user=None):
    """Charged quarterly from 1 January 2018 and the invented actual recorded."""
    plan = on_account_plan_create(scheme=scheme, first_due_on=dt.date(2018, 1, 1), user=user)
    actual = actual_record(scheme=scheme, year=2018, amount=INVENTED_ACTUAL, user=user)
    return plan, actual
