"""socialaftale.lib.pdf: A4 pages numbered "n/N", bundled DejaVu fonts, tagged PDF, no network."""

import io
import socket

import pytest
from django.conf import settings
from pypdf import PdfReader

from socialaftale.lib.pdf import PdfTable, local_only_fetcher, render_pdf, render_tables_pdf
from tests.documents.conftest import budget_tables

A4 = (595, 842)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket connection fails the test."""
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


@pytest.fixture(scope="module")
def tables_pdf():
    return PdfReader(
        io.BytesIO(render_tables_pdf("Socialtilsyn budget 2019", "Fordeling", budget_tables(2019)))
    )


def font_names(page) -> set[str]:
    fonts = page["/Resources"]["/Font"]
    return {str(fonts[name].get_object()["/BaseFont"]) for name in fonts}


def test_a_long_table_document_spans_a4_pages_numbered_n_of_total(tables_pdf):
    pages = tables_pdf.pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert (round(page.mediabox.width), round(page.mediabox.height)) == A4
        assert f"{number}/{len(pages)}" in page.extract_text()


def test_the_table_header_is_repeated_on_every_page_and_the_title_runs_in_the_header(
    tables_pdf,
):
    for page in tables_pdf.pages[1:]:
        text = page.extract_text()
        assert "Indbyggere" in text or "Pladser" in text
        assert "Socialtilsyn budget 2019" in text


def test_the_document_shows_title_rows_footer_notes_and_generated_date(tables_pdf):
    text = "\n".join(page.extract_text() for page in tables_pdf.pages)
    for expected in ["Socialtilsyn budget 2019", "Kommune 60", "74.040", "I alt", "største rest"]:
        assert expected in text


def test_the_bundled_dejavu_font_is_embedded(tables_pdf):
    names = font_names(tables_pdf.pages[0])
    assert names and all("Socialaftale-DejaVu-Sans" in name for name in names), names


def test_the_pdf_is_tagged_pdf_ua_in_danish_with_a_title(tables_pdf):
    catalog = tables_pdf.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "da"
    assert "/StructTreeRoot" in catalog
    assert tables_pdf.metadata.title == "Socialtilsyn budget 2019"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()


def test_the_fetcher_refuses_http_and_https():
    fetcher = local_only_fetcher()
    for url in ["http://example.com/x.png", "https://example.com/x.css", "ftp://example.com/x"]:
        with pytest.raises(ValueError, match="remote"):
            fetcher.fetch(url)


def test_the_fetcher_serves_static_files_but_nothing_else_from_disk():
    static = settings.BASE_DIR / "static"
    response = local_only_fetcher().fetch((static / "pdf" / "base.css").as_uri())
    assert b"@font-face" in response.read()
    assert response.content_type == "text/css"
    assert local_only_fetcher().fetch("file:///static/fonts/DejaVuSans.ttf").read()[:4] == (
        b"\x00\x01\x00\x00"
    )
    for outside in ["file:///etc/passwd", (static / ".." / "manage.py").as_uri()]:
        with pytest.raises(ValueError, match="static"):
            local_only_fetcher().fetch(outside)


def test_a_remote_image_is_skipped_without_touching_the_network(no_network, caplog):
    html = (
        '<html lang="da"><head><title>Dagsorden</title></head><body><h1>Dagsorden</h1>'
        '<img src="http://example.com/x.png" alt="Logo"><p>Punkt 1</p></body></html>'
    )
    pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF-")
    assert no_network == []
    assert "Punkt 1" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "example.com" in caplog.text  # WeasyPrint logs the refused resource


def test_numeric_columns_are_marked_for_right_alignment():
    from socialaftale.lib.pdf import build_tables_context

    table = PdfTable("T", ["Navn", "Beløb"], [["A", "1.234,50"]], numeric_columns={1})
    context = build_tables_context("Titel", "", [table], [])
    assert context["tables"][0]["rows"] == [
        [{"text": "A", "num": False}, {"text": "1.234,50", "num": True}]
    ]
