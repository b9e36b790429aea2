"""HTML to PDF with WeasyPrint: local fonts and CSS only, never the network.

`render_pdf` is the one entry point; `render_tables_pdf` is a generic document of captioned
tables (tariff tables, budgets) on top of it. Output is tagged PDF/UA-1 (WeasyPrint ≥ 63), so
screen readers get headings, table headers and the document language.
"""

import mimetypes
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

BASE_STYLESHEET = "pdf/base.css"
PDF_VARIANT = "pdf/ua-1"


def local_only_fetcher():
    """A WeasyPrint URL fetcher that serves data: URLs and local static files and refuses
    everything else (http, https, ftp, files outside the static directories).

    WeasyPrint logs a refused resource as a warning and renders without it, so an
    `<img src="http://…">` in user text never reaches the network and never breaks a PDF.
    """
    return _fetcher_class()()


@cache
def _fetcher_class():
    # WeasyPrint is imported on first use: importing it costs ~0.8 s, and apps import this
    # module at start-up (AppConfig.ready) to register their documents.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file":
                raise ValueError(f"PDF rendering does not fetch remote resources: {url}")
            path = local_static_path(unquote(urlsplit(url).path))
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                path.as_uri(), path.read_bytes(), headers={"Content-Type": content_type}
            )

    return LocalOnlyFetcher


def static_roots() -> list[Path]:
    """The project's static directories (STATICFILES_DIRS and STATIC_ROOT), resolved."""
    roots = [entry[1] if isinstance(entry, tuple) else entry for entry in settings.STATICFILES_DIRS]
    roots.append(settings.STATIC_ROOT)
    return [Path(root).resolve() for root in roots if root]


def local_static_path(path: str) -> Path:
    """A file under a static directory, given as an absolute path or as STATIC_URL + name
    (what `{% static %}` writes); anything outside the static directories is refused."""
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        if found:
            return Path(found).resolve()
    resolved = Path(path).resolve()
    if resolved.is_file() and any(resolved.is_relative_to(root) for root in static_roots()):
        return resolved
    raise ValueError(f"PDF rendering only reads static files: {path}")


def static_dir() -> Path:
    return Path(settings.BASE_DIR, "static").resolve()


def _stylesheet(name: str, font_config):
    from weasyprint import CSS

    path = finders.find(name)
    if not path:
        raise FileNotFoundError(f"No static stylesheet named {name}")
    # @font-face rules only take effect when the CSS is parsed with the document's font_config;
    # their url()s resolve relative to the CSS file, i.e. to static/fonts/.
    return CSS(filename=path, url_fetcher=local_only_fetcher(), font_config=font_config)


def layout_pdf(html: str, *, stylesheets: list[str] | None = None):
    """The laid-out WeasyPrint document (pages with their anchors, for documents that check
    where things landed before writing); `write_laid_out` turns it into PDF bytes."""
    from weasyprint import DEFAULT_OPTIONS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = local_only_fetcher()
    document = HTML(string=html, base_url=static_dir().as_uri() + "/", url_fetcher=fetcher)
    font_config = FontConfiguration()
    names = [BASE_STYLESHEET, *(stylesheets or [])]
    options = DEFAULT_OPTIONS | {
        "stylesheets": [_stylesheet(name, font_config) for name in names],
        "pdf_variant": PDF_VARIANT,
    }
    return document.render(font_config, **options)


def write_laid_out(document) -> bytes:
    from weasyprint import DEFAULT_OPTIONS

    return document.write_pdf(**(DEFAULT_OPTIONS | {"pdf_variant": PDF_VARIANT}))


def render_pdf(html: str, *, stylesheets: list[str] | None = None) -> bytes:
    """PDF bytes for an HTML string. `stylesheets` are static names (e.g. "pdf/agenda.css")
    applied after pdf/base.css, which sets fonts, A4 pages, page numbers and tables."""
    return write_laid_out(layout_pdf(html, stylesheets=stylesheets))


def render_template_pdf(
    template_name: str, context: dict, *, stylesheets: list[str] | None = None
) -> bytes:
    return render_pdf(render_to_string(template_name, context), stylesheets=stylesheets)


@dataclass(frozen=True)
class PdfTable:
    """One captioned table; cells are already formatted text (Danish numbers: lib.danish)."""

    caption: str
    headers: list[str]
    rows: list[list[str]]
    footer: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    numeric_columns: set[int] = field(default_factory=set)


def _cells(row: list[str], numeric_columns: set[int]) -> list[dict]:
    return [{"text": text, "num": index in numeric_columns} for index, text in enumerate(row)]


def build_tables_context(
    title: str, subtitle: str, tables: list[PdfTable], notes: list[str], figures=()
) -> dict:
    """Template context for pdf/tables.html; each cell knows whether it is a number."""
    return {
        "title": title,
        "subtitle": subtitle,
        "notes": notes,
        "figures": list(figures),  # (data: URI of an SVG/PNG, alt text, caption)
        "generated_on": timezone.localdate(),
        "tables": [
            {
                "caption": table.caption,
                "headers": _cells(table.headers, table.numeric_columns),
                "rows": [_cells(row, table.numeric_columns) for row in table.rows],
                "footer": [_cells(row, table.numeric_columns) for row in table.footer],
                "notes": table.notes,
            }
            for table in tables
        ],
    }


def render_tables_pdf(
    title: str,
    subtitle: str,
    tables: list[PdfTable],
    notes: list[str] | None = None,
    figures=(),
) -> bytes:
    context = build_tables_context(title, subtitle, tables, notes or [], figures)
    return render_template_pdf("pdf/tables.html", context)
