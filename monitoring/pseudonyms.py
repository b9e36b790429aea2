"""Citizen keys: a CPR number is replaced by a keyed hash before anything is stored, so the
same citizen links across years without the number ever being kept (SPEC §4.1).

A key in the `borger` column is exactly one of:

- a **CPR number**: ten digits, optionally with a dash or a space after the sixth
  (`0101901234`, `010190-1234`, `010190 1234`), whose first six digits are a real date DDMMYY
  (so `0000000000` is refused). A substitute number (erstatningspersonnummer: the day plus 60)
  counts, and so does a fictitious number with the day 61–91 and the month 13–99 (never
  issued; the demo lists use them). It is replaced by an HMAC-SHA256 with CITIZEN_KEY_SECRET.
- a **pseudonymous id**: it starts with a letter and is 2–64 characters of letters A–Z/a–z,
  digits and `-`, `_`, `.`, with at most 8 digits in a row (a `-`, `_` or `.` between digits
  counts as part of the row), e.g. `ps-0001234`. It is kept as written.

Anything else is refused with a message that does not repeat the value: in particular a key
with a run of 9 or more digits ("0101901234x", "CPR 030675-0517", "020150-7410 (mor)") or a
number in scientific notation ("1.01901234E+09", as Excel shows a CPR number).
"""

import datetime as dt
import hashlib
import hmac
import re

from django.conf import settings
from django.utils.translation import gettext as _

from socialaftale.lib.cpr import has_cpr_like

_CPR = re.compile(r"(\d{2})(\d{2})(\d{2})[- ]?(\d{4})")
_PSEUDONYM = re.compile(r"[A-Za-z][A-Za-z0-9._-]{1,63}")
_LONG_DIGITS = re.compile(r"\d(?:[-._]?\d){8,}")


class InvalidCitizenKey(ValueError):
    pass


def _is_date(day: int, month: int, year: int) -> bool:
    """DDMMYY is a date in some century (29 February only in a leap year such as 2000); a
    substitute number has the day plus 60; a fictitious one also a month of 13–99."""
    if 61 <= day <= 91:
        day -= 60
        if month >= 13:
            return True
    for century in (1900, 2000):
        try:
            dt.date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False


def is_pseudonym(text: str) -> bool:
    return bool(_PSEUDONYM.fullmatch(text)) and not _LONG_DIGITS.search(text)


def citizen_key(raw: str, secret: str | None = None) -> str:
    """An HMAC-SHA256 (hex) of a CPR number's ten digits, or a pseudonymous id as written (see
    the module docstring). Raises InvalidCitizenKey otherwise; the message never repeats the
    key."""
    text = (raw or "").strip()
    if not text:
        raise InvalidCitizenKey(_("the key is missing"))
    cpr = _CPR.fullmatch(text)
    if cpr:
        if not _is_date(int(cpr[1]), int(cpr[2]), int(cpr[3])):
            raise InvalidCitizenKey(_("a CPR number must start with a date (DDMMYY)"))
        key = (secret or settings.CITIZEN_KEY_SECRET).encode()
        digits = "".join(cpr.groups())
        return hmac.new(key, digits.encode(), hashlib.sha256).hexdigest()
    if is_pseudonym(text):
        return text
    if has_cpr_like(text) or any(character.isdigit() for character in text[:1]):
        raise InvalidCitizenKey(
            _(
                "the key may hold a CPR number but is not one: write the CPR number alone "
                "(DDMMYY-NNNN) or use a pseudonymous id"
            )
        )
    raise InvalidCitizenKey(
        _(
            "not a pseudonymous id: it must start with a letter and have 2–64 letters, digits, "
            "-, _ or . with at most 8 digits in a row"
        )
    )
