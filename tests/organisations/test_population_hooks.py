"""Population imports tell the registered hooks once they have committed (organisations is
below the apps that listen, tariffs among them); a failing hook does not fail the import."""

from datetime import date

import pytest
from django.test import TestCase

from organisations import population_hooks
from organisations.models import PopulationFigure
from organisations.services import population_import
from tests.factories.organisations import MunicipalityFactory


@pytest.fixture
def heard(monkeypatch):
    heard = []
    monkeypatch.setattr(population_hooks, "_callbacks", {"test": heard.append})
    return heard


def _import(municipality):
    population_import(
        rows=[(municipality, 241)], reference_date=date(2018, 4, 1), age_band="0-17", source=""
    )


def test_the_hooks_hear_of_the_import_after_commit(db, heard):
    municipality = MunicipalityFactory(short_name="Læsø")
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        _import(municipality)
    assert heard == []  # not before the commit
    for callback in callbacks:
        callback()
    assert heard == [
        population_hooks.PopulationImported(date(2018, 4, 1), "0-17", (municipality.pk,))
    ]


def test_a_failing_hook_is_logged_and_the_import_stands(db, monkeypatch, caplog):
    def broken(imported):
        raise RuntimeError("no broker")

    monkeypatch.setattr(population_hooks, "_callbacks", {"broken": broken})
    with TestCase.captureOnCommitCallbacks(execute=True):
        _import(MunicipalityFactory(short_name="Læsø"))
    assert PopulationFigure.objects.count() == 1
    assert "Population hook broken failed" in caplog.text
