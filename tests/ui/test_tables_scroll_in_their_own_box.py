"""Every table in a page template sits in a box that scrolls sideways ({% scrollbox %}, or a
div.table-scroll that is a labelled, focusable region), so a wide table never widens the page
on a phone (tests/browser/test_mobile_width_in_chromium.py measures it). PDFs are not pages."""

import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template

# Templates rendered only into PDFs (WeasyPrint), where a table breaks across pages instead.
PDF_ONLY = ("pdf/", "receipt_pdf.html", "meeting_pdf.html", "meetings/_document.html")
OPENS = re.compile(
    r"{% scrollbox\b[^%]*%}|<div class=\"table-scroll\" role=\"region\" [^>]*tabindex=\"0\">"
)
TABLE = re.compile(r"<table\b|{% render_table\b")


def page_templates():
    root = Path(settings.BASE_DIR, "templates")
    for path in sorted(root.rglob("*.html")):
        name = path.relative_to(root).as_posix()
        if not any(part in name for part in PDF_ONLY):
            yield name, path.read_text(encoding="utf-8")


def unboxed_tables(text: str) -> int:
    """Tables with no scroll box opened before them, or whose box was closed before them."""
    unboxed = 0
    for match in TABLE.finditer(text):
        before = text[: match.start()]
        openers = list(OPENS.finditer(before))
        unboxed += not openers or "{% endscrollbox %}" in before[openers[-1].end() :]
    return unboxed


def test_every_table_in_a_page_template_scrolls_in_its_own_box():
    offenders = [name for name, text in page_templates() if unboxed_tables(text)]
    assert offenders == []


def test_the_box_is_a_labelled_focusable_region():
    html = Template('{% scrollbox _("Places") %}<table></table>{% endscrollbox %}').render(
        Context()
    )
    assert html == (
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Tabel: Pladser">'
        "<table></table></div>"
    )
    unlabelled = Template("{% scrollbox caption %}<table></table>{% endscrollbox %}")
    assert 'aria-label="Tabel"' in unlabelled.render(Context({"caption": ""}))
    escaped = Template("{% scrollbox caption %}x{% endscrollbox %}")
    assert 'aria-label="Tabel: &lt;b&gt;"' in escaped.render(Context({"caption": "<b>"}))
