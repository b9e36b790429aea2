from datetime import date

import pytest
from django.core.management import CommandError, call_command

from organisations.models import PopulationFigure
from socialaftale.lib.imports import ImportRejected
from tests.factories import MunicipalityFactory
from tests.importers_under_test import import_population

CHILDREN = "municipality,children_0_17_2017q2\nLæsø,241\nAalborg,38824\nSilkeborg,20555\n"


@pytest.fixture
def municipalities(aalborg):
    MunicipalityFactory(code="825", short_name="Læsø", name="Læsø Kommune")
    MunicipalityFactory(code="740", short_name="Silkeborg", name="Silkeborg Kommune")


@pytest.mark.django_db
def test_population_figures_are_imported_by_name(municipalities):
    figures = import_population(
        CHILDREN.encode(), reference_date=date(2017, 4, 1), age_band="0-17", source="DST"
    )
    assert [(f.organisation.short_name, f.count) for f in figures] == [
        ("Læsø", 241),
        ("Aalborg", 38824),
        ("Silkeborg", 20555),
    ]
    assert sum(f.count for f in figures) == 241 + 38824 + 20555


@pytest.mark.django_db
def test_reimporting_replaces_the_figure_for_the_same_date_and_age_band(municipalities):
    kwargs = {"reference_date": date(2017, 4, 1), "age_band": "0-17", "source": "DST"}
    import_population(CHILDREN.encode(), **kwargs)
    import_population(b"municipality,count\n851,40000\n", **kwargs)
    assert PopulationFigure.objects.get(organisation__code="851").count == 40000
    assert PopulationFigure.objects.count() == 3


@pytest.mark.django_db
def test_a_bad_population_file_imports_nothing_and_names_the_rows(municipalities):
    bad = "municipality,count\nLæsø,241\nAtlantis,10\nAalborg,mange\n"
    with pytest.raises(ImportRejected) as rejected:
        import_population(bad.encode(), reference_date=date(2017, 4, 1), age_band="0-17", source="")
    assert [(e.row, e.column) for e in rejected.value.errors] == [
        (3, "municipality"),
        (4, "count"),
    ]
    assert PopulationFigure.objects.count() == 0


@pytest.mark.django_db
def test_the_population_command_imports_a_csv(tmp_path, municipalities):
    path = tmp_path / "boern.csv"
    path.write_text(CHILDREN, encoding="utf-8")
    call_command("import_population", str(path), "--date", "2017-04-01", "--age-band", "0-17")
    assert PopulationFigure.objects.filter(age_band="0-17").count() == 3


@pytest.mark.django_db
def test_the_population_command_refuses_a_bad_date(tmp_path, municipalities):
    path = tmp_path / "boern.csv"
    path.write_text(CHILDREN, encoding="utf-8")
    with pytest.raises(CommandError, match="ikke en dato"):
        call_command("import_population", str(path), "--date", "1. april")
