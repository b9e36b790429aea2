"""Danish number formats: "1.234,50" in and out."""

import re
from decimal import Decimal, InvalidOperation

from .money import round_half_up

_DANISH_GROUPS = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")  # "0.600" is a decimal, not 600


def parse_decimal(text: str) -> Decimal:
    """Parse "12.345,50", "12345,50", "12345.50" or "1.200" (Danish thousands) into a Decimal.

    With both separators the last one is the decimal mark. A lone dot followed by groups of
    exactly three digits is read as Danish thousands ("1.200" = 1200), as Danish users write.
    Raises ValueError with a Danish message.
    """
    raw = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    sign = ""
    if raw[:1] in "+-":
        sign, raw = raw[:1].replace("+", ""), raw[1:]
    if "," in raw and "." in raw:
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif "," in raw:
        raw = raw.replace(",", ".")
    elif _DANISH_GROUPS.match(raw):
        raw = raw.replace(".", "")
    if not re.fullmatch(r"\d+(\.\d+)?", raw):
        raise ValueError(f"»{text}« er ikke et tal")
    try:
        return Decimal(sign + raw)
    except InvalidOperation as exc:  # pragma: no cover - the regex above admits only digits
        raise ValueError(f"»{text}« er ikke et tal") from exc


def format_decimal(value, decimals: int = 0) -> str:
    """1234567.5 -> "1.234.567,50" (decimals=2); rounded half up."""
    rounded = round_half_up(value, decimals)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{groups},{fraction}" if decimals > 0 else f"{sign}{groups}"


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def file_slug(text: str) -> str:
    """A file name part from a Danish title: æ, ø and å spelled ae, oe and aa ("Hjørring" →
    "hjoerring"), as slugify alone would drop them ("hjrring")."""
    from django.utils.text import slugify

    return slugify((text or "").translate(_DANISH_LETTERS))
