"""Every page (HTML and PDF) of every role, in the access matrix's world, shows its dates in
Danish: no English month or weekday name, no capitalised month mid-sentence (issue 11 #8). The
world has dates in months whose names differ (maj/May, okt./Oct, juni/June) or whose
abbreviation a capital makes English (nov./Nov, dec./Dec), and a January (the population
figures of 2012)."""

import pytest

from tests.access.test_access_matrix import requests_for
from tests.danish_dates import non_danish_dates, response_text


@pytest.mark.django_db
def test_every_page_of_every_role_writes_its_dates_in_danish(world):
    data, clients = world
    wrong, pages, pdfs = [], 0, 0
    for _name, url, case, _rule in requests_for(data):
        for persona in sorted(case.get):
            response = clients[persona].get(url)
            text = response_text(response) if response.status_code == 200 else None
            if text is None:
                continue
            pages += 1
            pdfs += response["Content-Type"] == "application/pdf"
            wrong += [f"{url} as {persona}: {found}" for found in non_danish_dates(text)]
    assert pages > 300 and pdfs >= 5, (pages, pdfs)
    assert not wrong, "\n".join(sorted(set(wrong)))
