"""Demo citizen lists (SPEC §4.1) for `generate_demo_citizen_lists` and `make run`.

Realistic enough for the analysis to mean something: each citizen has one or two offers at
15,000-90,000 kr. a month, about 8 % of the citizens leave each year and as many join, and
each municipality's expenditure per citizen drifts down by 0.5-3.5 % a year (spread evenly
over the municipalities, 2 % on average), so a 2019 analysis shows a reduction of a few per
cent, some municipalities above the 4 % target and some below. Deterministic for a seed.

Citizen keys are either pseudonymous ("ps-0001234") or CPR-shaped ("DDMMYY-NNNN") but never a
real person's number: the day is 61-91 and the month 13-99. (A day of 61-91 alone is not
enough: that is how substitute numbers, erstatningspersonnumre, are written for real people.)
"""

import random
from dataclasses import dataclass
from decimal import Decimal

from socialaftale.lib.export import Sheet, csv_text

__all__ = ["COLUMNS", "generate_citizen_lists", "write_csv"]

COLUMNS = ("borger", "kommune", "tilbud", "maaned", "udgift")
LEAVING_PER_YEAR = 0.08
SECOND_OFFER_SHARE = 0.3
MONTHLY_ORE = (1_500_000, 9_000_000)  # 15,000-90,000 kr.
DRIFT_PER_YEAR = (-0.035, -0.005)
MONTHLY_NOISE = 0.015


@dataclass
class _Citizen:
    key: str
    municipality: str
    offers: list[tuple[str, int]]  # (offer name, monthly amount in øre in the first year)
    drift: float  # yearly change of the expenditure, e.g. -0.02
    first: int  # index of the first month with rows
    last: int  # index of the last month with rows


def _new_key(rng: random.Random, used: set[str]) -> str:
    while True:
        if rng.random() < 0.5:
            day, month = rng.randint(61, 91), rng.randint(13, 99)  # never a real date
            key = f"{day:02d}{month:02d}{rng.randint(0, 99):02d}-{rng.randint(0, 9999):04d}"
        else:
            key = f"ps-{rng.randint(0, 9_999_999):07d}"
        if key not in used:
            used.add(key)
            return key


def _leaving_month(rng: random.Random, first: int, months: int) -> int:
    """The last month with rows: each year after the first January, 8 % leave during it."""
    for january in range(-(-first // 12) * 12, months, 12):  # from the first January on
        if rng.random() < LEAVING_PER_YEAR:
            return min(january + rng.randint(0, 10), months - 1)  # gone before next January
    return months - 1


def _new_citizen(rng, used, first: int, months: int, municipalities, offers, drifts):
    code = rng.choice(municipalities)[0]
    chosen = rng.sample(offers, 2 if rng.random() < SECOND_OFFER_SHARE and len(offers) > 1 else 1)
    return _Citizen(
        key=_new_key(rng, used),
        municipality=code,
        offers=[(name, rng.randint(*MONTHLY_ORE)) for _offer_id, name in chosen],
        drift=drifts[code] + rng.gauss(0, 0.01),
        first=first,
        last=_leaving_month(rng, first, months),
    )


def _population(rng, citizens: int, months: int, municipalities, offers, drifts) -> list:
    """The citizens at the start, and about as many joining each year as leave."""
    used: set[str] = set()
    people = [
        _new_citizen(rng, used, 0, months, municipalities, offers, drifts) for _ in range(citizens)
    ]
    joining_per_year = round(citizens * LEAVING_PER_YEAR)
    for january in range(0, months, 12):
        for _ in range(joining_per_year):
            first = january + rng.randint(1, 11)  # joins after a January, before the next
            if first < months:
                people.append(
                    _new_citizen(rng, used, first, months, municipalities, offers, drifts)
                )
    return people


def _drifts(rng: random.Random, codes: list[str]) -> dict[str, float]:
    """Yearly drifts spread evenly over DRIFT_PER_YEAR and shuffled, so that every seed gives
    municipalities both above and below the target (random draws could all fall on one side)."""
    low, high = DRIFT_PER_YEAR
    if len(codes) == 1:
        return {codes[0]: (low + high) / 2}
    drifts = [low + (high - low) * i / (len(codes) - 1) for i in range(len(codes))]
    rng.shuffle(drifts)
    return dict(zip(codes, drifts, strict=True))


def _amount(rng: random.Random, base_ore: int, drift: float, year_index: int) -> Decimal:
    noise = 1 + rng.uniform(-MONTHLY_NOISE, MONTHLY_NOISE)
    ore = round(base_ore * (1 + drift) ** year_index * noise)
    return Decimal(ore).scaleb(-2)  # kroner with two decimals, exact


def generate_citizen_lists(
    *,
    citizens: int,
    years: range,
    seed: int,
    municipalities: list[tuple[str, str]],
    offers: list[tuple[int, str]],
) -> dict[str, list[dict]]:
    """municipality code -> its citizen list: one row per citizen, offer and month."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    months = [f"{year}-{month:02d}" for year in years for month in range(1, 13)]
    drifts = _drifts(rng, [code for code, _name in municipalities])
    people = _population(rng, citizens, len(months), municipalities, offers, drifts)
    lists: dict[str, list[dict]] = {code: [] for code, _name in municipalities}
    for index, month in enumerate(months):
        for person in people:
            if person.first <= index <= person.last:
                lists[person.municipality].extend(
                    {
                        "borger": person.key,
                        "kommune": person.municipality,
                        "tilbud": offer,
                        "maaned": month,
                        "udgift": _amount(rng, base, person.drift, index // 12),
                    }
                    for offer, base in person.offers
                )
    return lists


def write_csv(rows: list[dict], target) -> int:
    """The list in the portal's one CSV dialect (socialaftale.lib.export: UTF-8 with BOM, `;`,
    decimal comma: "45210,00") to a path or to an open text stream; returns the number of
    rows."""
    body = [[row[column] for column in COLUMNS] for row in rows]
    text = csv_text([Sheet(title="borgerliste", headers=list(COLUMNS), rows=body)])
    if hasattr(target, "write"):
        target.write(text)
    else:
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    return len(rows)
