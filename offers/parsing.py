"""Pure parsers for the loosely written fields of offer submissions.

Municipalities write place counts, legal bases and target groups as free text
("ca. 20", "SEL §§ 67 og 107", "Voksne sindslidende"). SPEC §2 says such an
answer is never rejected: we store the text as written next to a normalised
value and flag anything uncertain for the secretariat to review. Therefore no
function here raises, whatever text it is given.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, replace

# Place kinds (SPEC §2: places per year by kind).
DAY = "day"
RESIDENTIAL = "residential"
RESPITE = "respite"
ACUTE = "acute"
UNSPECIFIED = "unspecified"

# Review reasons are shown to the secretariat, hence Danish.
REASON_UNKNOWN = "Antal ukendt"
REASON_NOT_PARSED = "Kunne ikke tolkes"
REASON_AMBIGUOUS = "Kunne ikke tolkes entydigt"
REASON_APPROXIMATE = "Omtrentligt antal (ca.)"
REASON_RANGE = "Interval angivet"
REASON_REVERSED_RANGE = "Interval angivet i omvendt rækkefølge"
REASON_MAXIMUM = "Kun maksimum angivet"
REASON_MINIMUM = "Kun minimum angivet"
REASON_EXPANSION = "Mulighed for udvidelse angivet"
REASON_EXTRA_KIND = "Pladstype ikke angivet for ekstra pladser"
REASON_LARGE = "Usædvanligt stort antal"

# A count above this is almost certainly a typo (the largest offer has 122).
LARGE_COUNT = 100_000
# int() refuses strings over 4300 digits; no real count has more than a few.
_MAX_DIGITS = 30

_UNKNOWN_WORDS = frozenset({"ukendt", "ved ikke", "uvist", "n/a", "na", "x"})
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
# Danish thousands separator: "1.200" is twelve hundred, not one point two.
_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3})+(?![\d.])")
# "aflastningspladser" = root "aflastning" + "splads" + "er"; bare "plads" has no kind.
_KIND_WORD = re.compile(r"(aflastning|akut|dag|døgn)?(s?plads(?:er)?)?")
_KIND_ROOTS = {"aflastning": RESPITE, "akut": ACUTE, "dag": DAY, "døgn": RESIDENTIAL}
_QUALIFIERS = (
    (re.compile(r"(?:ca\.?|cirka|omkring)\s*"), REASON_APPROXIMATE),
    (re.compile(r"(?:maksimalt|max\.?|maks\.?|højst|op til)\s*"), REASON_MAXIMUM),
    (re.compile(r"(?:minimum|mindst|min\.?)\s*"), REASON_MINIMUM),
)
_WORD = r"([^\W\d_]+)"
_EXPANSION = re.compile(rf"(.*?),?\s*med mulighed for udvidelse til\s*(\d+)(?:\s*{_WORD})?")
_COUNT = re.compile(rf"(\d+)(?:\s*(?:-|til)\s*(\d+))?(?:\s*{_WORD})?")
_EXTRAS_SPLIT = re.compile(r"\s*\+\s*|\s+og\s+")


@dataclass(frozen=True)
class PlacesParse:
    """A place count as written, normalised, and whether a person must look."""

    as_written: str
    base: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    extras: tuple[tuple[str, int], ...] = ()
    needs_review: bool = False
    review_reasons: tuple[str, ...] = ()
    base_kind: str = UNSPECIFIED

    @property
    def total(self) -> int | None:
        if self.base is None and not self.extras:
            return None
        return (self.base or 0) + sum(count for _, count in self.extras)

    @property
    def total_maximum(self) -> int | None:
        if self.maximum is None:
            return self.total
        return self.maximum + sum(count for _, count in self.extras)


def parse_places(text: str | None) -> PlacesParse:
    """Normalise a place count such as "14 + 4 aflastningspladser"."""
    as_written = (text or "").strip()
    work = _normalise(as_written)
    if not re.search(r"\d", work):
        return _without_digits(as_written, work)
    if any(len(run) > _MAX_DIGITS for run in re.findall(r"\d+", work)):
        return _review(as_written, None, REASON_LARGE, REASON_AMBIGUOUS)
    parsed = _parse_grammar(as_written, work)
    if parsed is None:
        base = int(re.search(r"\d+", work).group())
        parsed = _review(as_written, base, REASON_AMBIGUOUS)
    return _flag_large_numbers(parsed)


def _normalise(text: str) -> str:
    """Reduce the many ways of typing the same thing to one spelling."""
    # NFKC turns full-width digits and ligatures into plain ASCII/Latin text.
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", " ", text)
    # Pasted text often carries soft hyphens or zero-width spaces (Cf).
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    text = text.lower().translate(_DASHES).strip()
    return _THOUSANDS.sub(lambda m: m.group().replace(".", ""), text)


def _review(as_written: str, base: int | None, *reasons: str) -> PlacesParse:
    return PlacesParse(as_written, base=base, needs_review=True, review_reasons=reasons)


def _without_digits(as_written: str, work: str) -> PlacesParse:
    # "?", "-" and "ukendt" mean the municipality does not know yet.
    if work in _UNKNOWN_WORDS or not re.search(r"\w", work):
        return _review(as_written, None, REASON_UNKNOWN)
    return _review(as_written, None, REASON_NOT_PARSED)


def _kind(word: str | None) -> str | None:
    """Map a Danish place word to a kind; None when the word is not a place word."""
    if not word:
        return UNSPECIFIED
    match = _KIND_WORD.fullmatch(word)
    if match is None:
        return None
    return _KIND_ROOTS.get(match.group(1), UNSPECIFIED)


def _parse_grammar(as_written: str, work: str) -> PlacesParse | None:
    """Parse "<base>[ + <n> <kind>]..."; None when the text does not fit."""
    first, *rest = _EXTRAS_SPLIT.split(work)
    base = _parse_base(as_written, first)
    extras = [_parse_extra(segment) for segment in rest]
    if base is None or None in extras:
        return None
    reasons = list(base.review_reasons)
    if any(kind == UNSPECIFIED for kind, _ in extras):
        reasons.append(REASON_EXTRA_KIND)
    return PlacesParse(
        as_written,
        base=base.base,
        minimum=base.minimum,
        maximum=base.maximum,
        extras=tuple(extras),
        needs_review=bool(reasons),
        review_reasons=tuple(reasons),
        base_kind=base.base_kind,
    )


def _parse_extra(segment: str) -> tuple[str, int] | None:
    match = _COUNT.fullmatch(segment)
    if match is None or match.group(2) is not None:
        return None
    kind = _kind(match.group(3))
    return None if kind is None else (kind, int(match.group(1)))


def _parse_base(as_written: str, segment: str) -> PlacesParse | None:
    """The first group: a count, optionally qualified, ranged or expandable."""
    for pattern, reason in _QUALIFIERS:
        if match := pattern.match(segment):
            return _parse_qualified(as_written, segment[match.end() :], reason)
    if match := _EXPANSION.fullmatch(segment):
        return _parse_expansion(as_written, match)
    match = _COUNT.fullmatch(segment)
    kind = _kind(match.group(3)) if match else None
    if kind is None:
        return None
    low, high = int(match.group(1)), match.group(2)
    if high is None:
        return PlacesParse(as_written, low, low, low, base_kind=kind)
    return _range(as_written, low, int(high), kind)


def _parse_qualified(as_written: str, rest: str, reason: str) -> PlacesParse | None:
    match = _COUNT.fullmatch(rest)
    # "ca. 5-8" mixes two kinds of uncertainty; leave that to a person.
    if match is None or match.group(2) is not None:
        return None
    kind = _kind(match.group(3))
    if kind is None:
        return None
    count = int(match.group(1))
    return PlacesParse(
        as_written,
        base=count,
        minimum=count if reason == REASON_MINIMUM else None,
        maximum=count if reason == REASON_MAXIMUM else None,
        needs_review=True,
        review_reasons=(reason,),
        base_kind=kind,
    )


def _range(as_written: str, low: int, high: int, kind: str) -> PlacesParse:
    # The base of a range is its minimum: the places the operator commits to.
    reasons = [REASON_RANGE]
    if low > high:
        low, high = high, low
        reasons.append(REASON_REVERSED_RANGE)
    return PlacesParse(
        as_written,
        base=low,
        minimum=low,
        maximum=high,
        needs_review=True,
        review_reasons=tuple(reasons),
        base_kind=kind,
    )


def _parse_expansion(as_written: str, match: re.Match[str]) -> PlacesParse | None:
    """Parse "4 pladser med mulighed for udvidelse til 8": 4 now, 8 at most."""
    head = _COUNT.fullmatch(match.group(1))
    if head is None or head.group(2) is not None:
        return None
    kind = _kind(head.group(3))
    if kind is None or _kind(match.group(3)) is None:
        return None
    base = int(head.group(1))
    return PlacesParse(
        as_written,
        base=base,
        minimum=base,
        maximum=max(base, int(match.group(2))),
        needs_review=True,
        review_reasons=(REASON_EXPANSION,),
        base_kind=kind,
    )


def _flag_large_numbers(parsed: PlacesParse) -> PlacesParse:
    counts = [parsed.base or 0, parsed.maximum or 0]
    counts += [count for _, count in parsed.extras]
    if max(counts) <= LARGE_COUNT:
        return parsed
    reasons = (*parsed.review_reasons, REASON_LARGE)
    return replace(parsed, needs_review=True, review_reasons=reasons)


# --- Legal basis ---------------------------------------------------------------

# Laws written out in full are stored by their usual abbreviation.
_LAW_ALIASES = {"serviceloven": "SEL", "almenboligloven": "ABL", "sundhedsloven": "SUL"}
_KNOWN_LAWS = frozenset({"SEL", "SL", "ABL", "LAB", "SUL", "BL"})
# "85a" keeps its letter; "85 og" must not become "85o".
# Paragraphs have at most four digits; the cap also keeps codes short enough to store.
_PARAGRAPH = re.compile(r"(\d{1,4})(?!\d)([^\W\d_](?![^\W\d_]))?")
_PARAGRAPH_SEPARATOR = r"\s*(?:,|/|&|\+|\bog\b|\beller\b)\s*"
_LEGAL_CLAUSE = re.compile(
    # (?<!§): start only at the first sign of a run, else "§§§…" is quadratic.
    r"(?:\b([^\W\d_]{2,20})\.?\s*)?(?<!§)§+\s*"
    rf"({_PARAGRAPH.pattern}(?:{_PARAGRAPH_SEPARATOR}{_PARAGRAPH.pattern})*)"
)


def parse_legal_basis(text: str | None) -> tuple[str, ...]:
    """Split "ABL § 105 og SEL §§ 85 og 107" into ("ABL § 105", "SEL § 85", ...)."""
    work = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or ""))
    entries: list[str] = []
    law = ""
    for clause in _LEGAL_CLAUSE.finditer(work):
        # A paragraph written without its law ("og § 85") belongs to the last law.
        law = _law_name(clause.group(1)) or law
        for number, letter in _PARAGRAPH.findall(clause.group(2)):
            paragraph = (number.lstrip("0") or "0") + letter.lower()
            entry = f"{law} § {paragraph}" if law else f"§ {paragraph}"
            if entry not in entries:
                entries.append(entry)
    return tuple(entries)


def _law_name(word: str | None) -> str | None:
    """The law's abbreviation, or None when the word before § is not a law."""
    if not word:
        return None
    if word.lower() in _LAW_ALIASES:
        return _LAW_ALIASES[word.lower()]
    # Abbreviations are written in capitals; lower-case words ("og", "jf") are not laws.
    if word.isupper() or word.upper() in _KNOWN_LAWS:
        return word.upper()
    return None


# --- Target groups ---------------------------------------------------------------

CHILDREN = "children"
ADULTS = "adults"
BOTH = "both"

# slug -> (Danish name, parent slug); SPEC §2, parents before their children.
TARGET_GROUP_TAXONOMY: OrderedDict[str, tuple[str, str | None]] = OrderedDict(
    [
        ("psykisk", ("Psykisk funktionsnedsættelse", None)),
        ("udviklingshaemning", ("Udviklingshæmning", "psykisk")),
        ("udviklingsforstyrrelse", ("Udviklingsforstyrrelse (ADHD, autisme)", "psykisk")),
        ("sindslidelse", ("Sindslidelse", "psykisk")),
        ("hjerneskade", ("Hjerneskade", "psykisk")),
        ("fysisk", ("Fysisk funktionsnedsættelse", None)),
        ("hoerehandicap", ("Hørehandicap", "fysisk")),
        ("synshandicap", ("Synshandicap", "fysisk")),
        ("doevblindhed", ("Døvblindhed", "fysisk")),
        ("mobilitet", ("Bevægelseshandicap", "fysisk")),
        ("socialt-udsatte", ("Socialt udsatte", None)),
        ("misbrug", ("Misbrug", "socialt-udsatte")),
        ("hjemloeshed", ("Hjemløshed", "socialt-udsatte")),
        ("overgreb", ("Overgreb", "socialt-udsatte")),
    ]
)

_TARGET_KEYWORDS = {
    slug: re.compile(pattern)
    for slug, pattern in {
        "udviklingshaemning": r"udviklingshæm",
        "udviklingsforstyrrelse": r"autis|adhd|udviklingsforstyrr",
        # A "dobbeltdiagnose" is by definition a mental illness plus substance abuse.
        "sindslidelse": r"sinds(?:l|syg)|psykiske? syg|psykiatri|dobbeltdiagnos",
        "hjerneskade": r"hjerneskade",
        # Deafblindness is its own group; "døv" alone must not match "døvblind".
        "hoerehandicap": r"døv(?!blind)|høretab|hørelse|hørehandicap",
        # Whole words only: "synlig" and "synspunkt" are not about sight.
        "synshandicap": r"\bsyn\b|synshandicap|synsnedsæt|svagsyn|\bblind",
        "doevblindhed": r"døvblind",
        # "fysisk vold" is about abuse, not about a physical disability.
        "mobilitet": r"multihandicap|bevægelseshandicap|kørestol|\bfysiske?\b"
        r"(?!\s+(?:og\s+psykisk\s+)?(?:vold|overgreb|mishandling))",
        "misbrug": r"misbrug|rusmiddel",
        "hjemloeshed": r"hjemløs",
        "overgreb": r"overgreb|partnervold|\bvold(?!som|grav|gift)",
    }.items()
}
_CHILD_WORDS = re.compile(r"børn|\bunge\b")
_ADULT_WORDS = re.compile(r"voks(?:en|ne)|efter stu\b|\bældre")
_AGE_LIMIT = re.compile(r"\b(under|over)\s+(\d{1,3})\b|\b(\d{1,3})\s*-\s*(\d{1,3})\s*år")
# SPEC §2 splits target groups at 18: børn og unge (< 18) / voksne.
_ADULT_AGE = 18


def classify_target_group(text: str | None) -> tuple[tuple[str, ...], str | None]:
    """Taxonomy leaf slugs and age group (children/adults/both) from free text."""
    work = unicodedata.normalize("NFKC", text or "").lower().translate(_DASHES)
    work = re.sub(r"\s+", " ", work)
    slugs = tuple(
        slug
        for slug in TARGET_GROUP_TAXONOMY
        if slug in _TARGET_KEYWORDS and _TARGET_KEYWORDS[slug].search(work)
    )
    return slugs, _age_group(work)


def _age_group(work: str) -> str | None:
    children = bool(_CHILD_WORDS.search(work))
    adults = bool(_ADULT_WORDS.search(work))
    for match in _AGE_LIMIT.finditer(work):
        young, old = _ages_covered(match)
        children, adults = children or young, adults or old
    if children and adults:
        return BOTH
    return CHILDREN if children else ADULTS if adults else None


def _ages_covered(match: re.Match[str]) -> tuple[bool, bool]:
    """Whether an age limit covers children (< 18) and adults (>= 18)."""
    word, limit, low, high = match.groups()
    if word == "under":
        # "under 18 år" is children only; "under 25 år" also takes in young adults.
        return True, int(limit) > _ADULT_AGE
    if word == "over":
        # "over 17 år" already means adults only.
        return int(limit) < _ADULT_AGE - 1, True
    # "0-18 år" is the usual way of writing "under 18".
    return int(low) < _ADULT_AGE, int(high) > _ADULT_AGE
