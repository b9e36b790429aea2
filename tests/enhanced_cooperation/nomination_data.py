"""Shared data of the nomination and remark tests: the year's round open, a nomination."""

from enhanced_cooperation.models import Criterion
from tests.factories.submissions import ReportingRoundFactory

CODES = list(Criterion.values)


def open_round(year=2019, **fields):
    fields = {"status": "open", "title": f"Året {year}", **fields}
    return ReportingRoundFactory(kind="annual_report", year=year, **fields)


def nomination_post(offer, **changes) -> dict:
    data = {"offer": offer.pk}
    for code in CODES:
        data[f"{code}_meets"] = "yes"
        data[f"{code}_why"] = f"Begrundelse for {code}"
    return {**data, **changes}


def assessment_post(**changes) -> dict:
    data = {}
    for code in CODES:
        data[f"{code}_met"] = "met"
        data[f"{code}_text"] = f"Panelets vurdering af {code}"
    return {**data, **changes}
