"""The CSP allows styles and scripts from 'self' only, so an inline style="" or <script> body
in a page template is silently ignored by the browser. PDFs and e-mails are not under the CSP."""

import re
from pathlib import Path

from django.conf import settings

NOT_UNDER_CSP = ("pdf/", "email/", "meeting_pdf.html")


def page_templates():
    root = Path(settings.BASE_DIR, "templates")
    for path in sorted(root.rglob("*.html")):
        name = path.relative_to(root).as_posix()
        if not any(part in name for part in NOT_UNDER_CSP):
            yield name, path.read_text(encoding="utf-8")


def test_page_templates_have_no_inline_styles_or_scripts():
    offenders = [
        name
        for name, text in page_templates()
        if re.search(r"\sstyle=\"|<style|<script(?![^>]*\bsrc=)|\son[a-z]+=\"", text)
    ]
    assert offenders == []
