"""Test document kinds, registered for one test and removed afterwards; files go to a temporary
MEDIA_ROOT."""

import pytest
from django import forms

from documents import registry
from organisations.access import roles_for
from socialaftale.lib.pdf import PdfTable, render_tables_pdf

TEST_KIND = "tests.budget"
REPORTER_KIND = "tests.reporter_budget"
FAILING_KIND = "tests.failing"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def budget_tables(year: int) -> list[PdfTable]:
    rows = [[f"Kommune {n}", f"{n * 1234:,}".replace(",", "."), f"{n},50"] for n in range(1, 61)]
    return [
        PdfTable(
            caption=f"Budget {year} fordelt på kommuner",
            headers=["Kommune", "Indbyggere", "Beløb (kr.)"],
            rows=rows,
            footer=[["I alt", "2.257.220", "1.860,00"]],
            notes=["Fordelt efter indbyggertal; afrundet efter største rest."],
            numeric_columns={1, 2},
        ),
        PdfTable(
            caption="Tilsynstakster",
            headers=["Tilbud", "Pladser", "Takst"],
            rows=rows,
            numeric_columns={1, 2},
        ),
    ]


@pytest.fixture
def register_kind():
    """register_kind(kind, render=..., can_view=...) for the length of one test."""
    registered = []

    def register(kind=TEST_KIND, *, render, can_view=lambda user, params: False, title=None):
        registered.append(kind)
        return registry.register(
            kind,
            params=registry.schema(year=forms.IntegerField(required=False)),
            title=title or (lambda params: f"Socialtilsyn budget {params['year']}"),
            render=render,
            can_view=can_view,
            key=lambda params: f"{kind}:{params['year']}",
        )

    yield register
    for kind in registered:
        registry.unregister(kind)


@pytest.fixture
def progress_seen():
    return []


@pytest.fixture
def budget_kind(register_kind, progress_seen):
    """Renders a real two-table PDF and reports progress half way."""

    def render(params, progress):
        progress(50, "Tabellerne sættes op")
        progress_seen.append(50)
        return render_tables_pdf(
            f"Socialtilsyn budget {params['year']}", "Test", budget_tables(params["year"])
        )

    return register_kind(TEST_KIND, render=render)


@pytest.fixture
def reporter_kind(register_kind):
    """A cheap kind that reporters may see as well."""
    return register_kind(
        REPORTER_KIND,
        render=lambda params, progress: b"%PDF-1.7\n% test\n",
        can_view=lambda user, params: roles_for(user).is_reporter,
    )


@pytest.fixture
def failing_kind(register_kind):
    def render(params, progress):
        progress(10, "Begynder")
        raise RuntimeError("ingen takster for året")

    return register_kind(FAILING_KIND, render=render)
