"""CPR-like digits never leave an importer: every value echoed in a message, log line or stored
error goes through `mask_cpr` (or `shown`, which also shortens it).

A *CPR-like run* is 9 or more digits in a row, where a single `-`, `.`, `/`, `_` or space
between two digits counts as part of the run ("0101901234", "010190-1234", "0101 90 1234",
"1.01901234" from Excel's "1.01901234E+09"). A CPR number that lost its leading zero has nine
digits, so nine is the threshold. The mask keeps the first six digits (the date part, enough to
find the row in the file) and replaces every further digit with `*`: "010190-****".
"""

import re

CPR_LIKE = re.compile(r"\d(?:[-./_ ]?\d){8,}")
_SCIENTIFIC = re.compile(r"\d[.,]\d+[eE][+-]?\d+")
SHOWN_LENGTH = 60


def _mask(match: re.Match) -> str:
    seen, out = 0, []
    for character in match[0]:
        if character.isdigit():
            seen += 1
            out.append(character if seen <= 6 else "*")
        else:
            out.append(character)
    return "".join(out)


def _mask_scientific(match: re.Match) -> str:
    mantissa, _e, exponent = match[0].upper().partition("E")
    return mantissa[:2] + "*" * (len(mantissa) - 2) + "E" + exponent


def mask_cpr(text: str) -> str:
    """`text` with every CPR-like run and every number in scientific notation masked."""
    text = str(text)
    return _SCIENTIFIC.sub(_mask_scientific, CPR_LIKE.sub(_mask, text))


def has_cpr_like(text: str) -> bool:
    return bool(CPR_LIKE.search(text) or _SCIENTIFIC.search(text))


def shown(value, limit: int = SHOWN_LENGTH) -> str:
    """A value from a file as it may appear in a message: masked, at most `limit` characters,
    control characters replaced."""
    text = "".join(
        c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in str(value)[: limit + 20]
    )
    text = mask_cpr(text)  # before shortening, so no cut leaves a run that escapes the mask
    return text if len(text) <= limit else text[: limit - 1] + "…"
