"""No page of a receipt ends with a heading, a label or a table caption whose text is on the
next page (issue 11 #17). The receipts of the 2013 demo answers are laid out by WeasyPrint
and the last text on every page but the last is looked up in the layout."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from demo.submission_answers import demo_answers_2013
from socialaftale.lib.pdf import layout_pdf
from submissions import services
from tests.factories import UnitFactory
from tests.factories.submissions import make_round

# An element that introduces what follows: left last on a page, its text is on the next one.
INTRODUCING = {"h1", "h2", "h3", "h4", "dt", "caption", "thead"}


def _last_text(box, chain=()):
    chain = (*chain, getattr(box, "element_tag", None))
    found = (chain, box.text) if getattr(box, "text", "").strip() else None
    for child in getattr(box, "children", None) or []:
        found = _last_text(child, chain) or found
    return found


def stranded(document) -> list[tuple[int, str]]:
    """(page number, text) of each page but the last that ends with an introducing element."""
    found = []
    for number, page in enumerate(document.pages[:-1], start=1):
        content = [box for box in page._page_box.children if "Margin" not in type(box).__name__]
        last = None
        for box in content:
            last = _last_text(box) or last
        if last and INTRODUCING & set(last[0]):
            found.append((number, last[1]))
    return found


@pytest.mark.django_db
def test_no_receipt_page_ends_with_a_heading_or_label_alone():
    answers = demo_answers_2013()
    units = [UnitFactory(code=code, name=f"Enhed {code} med et langt navn") for code in answers]
    reporting_round = services.round_open(reporting_round=make_round("demand_capacity", units))
    found = {}
    with translation.override("da"):
        for unit in units:
            submission = services.submission_for(reporting_round=reporting_round, unit=unit)
            services.submission_save_step(
                submission=submission,
                step="demo",
                user=None,
                answers=answers[unit.code],
                confirmed=True,  # the 2013 planned years are far from this round's year
            )
            version = services.submission_submit(submission=submission, user=None)
            html = render_to_string(
                "submissions/receipt_pdf.html",
                {"version": version, "questionnaire": version.form_version, "title": "Kvittering"},
            )
            document = layout_pdf(html)
            assert len(document.pages) > 1  # the check means something only across pages
            if pages := stranded(document):
                found[unit.code] = pages
    assert found == {}
