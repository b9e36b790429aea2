"""Finds dates that are not Danish in a page, a PDF's text or an e-mail: English month and
weekday names ("24. Nov 2026", "Monday"), and Danish month names written with a capital
mid-sentence ("20. Januar 2027", "· Maj 2019"). Danish writes month names in lower case."""

import io
import re
from html.parser import HTMLParser

ENGLISH = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun"
).split()
DANISH_MONTHS = (
    "Januar Februar Marts April Maj Juni Juli August September Oktober November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Okt Nov Dec"
).split()
_ENGLISH = re.compile(r"\b(?:" + "|".join(ENGLISH) + r")\b")
_MONTH = "|".join(DANISH_MONTHS)
# After "24." (a day), or mid-sentence: after a word, a number, "·", "," or "–" and a space.
_CAPITALISED = re.compile(r"(?:\d\.\s*|[\w,·–(]\s)(?:" + _MONTH + r")\b")


class _Text(HTMLParser):
    """The text a reader sees: text nodes (not scripts or styles) and title/alt/aria-label."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        self.parts += [v for k, v in attrs if k in ("title", "alt", "aria-label") and v]

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(" ".join(part.split()) for part in parser.parts if part.strip())


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def non_danish_dates(text: str) -> list[str]:
    """Every English or capitalised Danish month/weekday name in the text, with context."""
    found = []
    for line in text.splitlines():
        for match in [*_ENGLISH.finditer(line), *_CAPITALISED.finditer(line)]:
            start = max(match.start() - 25, 0)
            found.append(line[start : match.end() + 15].strip())
    return found


def response_text(response) -> str | None:
    """The text of an HTML page or a PDF answer; None for other answers (CSV, JSON, files)."""
    kind = response.get("Content-Type", "")
    if kind.startswith("text/html"):
        return html_text(response.content.decode())
    if kind == "application/pdf":
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return pdf_text(body)
    return None
