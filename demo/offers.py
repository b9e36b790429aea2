"""Reference and demo data for the offer register.

The published offer list (offers.csv) says which offers the agreement covers, but coverage in
the portal is derived from usage. The demo therefore generates plausible usage for the demo
year so that the rule gives the published answer: covered municipal offers are bought by other
municipalities too; the others only by their operator, or under a recorded exemption.
"""

import csv
import random
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from offers.importers import parse_offers
from offers.models import CoverageExemption, Offer, OfferStatus, PlaceStatistic, TargetGroup, Usage
from offers.parsing import TARGET_GROUP_TAXONOMY
from offers.services import offer_import
from organisations.models import Organisation

DEMO_YEAR = 2019
# Jointly run with Frederikshavn, Jammerbugt and Læsø under bilateral agreements (offers.csv).
JOINT_OPERATION = {"Behandlingscenter Nordenfjord": ["813", "849", "825"]}


def load_target_groups() -> None:
    for position, (slug, (name, parent)) in enumerate(TARGET_GROUP_TAXONOMY.items()):
        TargetGroup.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "parent": TargetGroup.objects.get(slug=parent) if parent else None,
                "position": position,
            },
        )


def load_place_statistics(path: Path, year: int) -> None:
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            PlaceStatistic.objects.update_or_create(
                year=year,
                location_municipality=Organisation.objects.get(
                    short_name=row["location_municipality"]
                ),
                defaults={
                    "municipal_places": int(row["municipal_places"]),
                    "private_places": int(row["private_places"]),
                    "agreement_places": int(row["agreement_places"]),
                    "source": "Nordjysk Socialaftale 2018-2020",
                },
            )


@transaction.atomic
def load_reference(fixtures: Path) -> None:
    load_target_groups()
    offer_import(rows=parse_offers((fixtures / "offers.csv").read_bytes()), year=DEMO_YEAR)
    merged = Offer.objects.get(name="Rehabiliteringscenter Strandgården")
    Offer.objects.filter(name="Neurocenter Østerskoven").update(replaces=merged)
    load_place_statistics(fixtures / "places_2018.csv", 2018)
    with (fixtures / "offers.csv").open(encoding="utf-8") as handle:
        published = {row["name"]: row["covered_by_agreement"] for row in csv.DictReader(handle)}
    load_usage(published, DEMO_YEAR)


def _buyers(offer: Offer, published: str, rng: random.Random, parties: list[Organisation]):
    others = [p for p in parties if p.pk != offer.operator_id]
    if offer.name in JOINT_OPERATION:
        return [offer.operator, *[p for p in parties if p.code in JOINT_OPERATION[offer.name]]]
    if offer.operator.is_region:
        return rng.sample(parties, k=rng.randint(4, 9))
    if published == "yes":
        return [offer.operator, *rng.sample(others, k=rng.randint(1, 4))]
    if published == "no":
        return [offer.operator]
    return []  # not decided yet (planned, no buyers)


def load_usage(published: dict[str, str], year: int) -> None:
    parties = list(Organisation.objects.municipalities().filter(party_to_agreement=True))
    offers = Offer.objects.select_related("operator").prefetch_related("capacities")
    for offer in offers.filter(name__in=published):
        rng = random.Random(offer.name)  # noqa: S311 - deterministic demo data
        buyers = _buyers(offer, published[offer.name], rng, parties)
        capacity = next((c for c in offer.capacities.all() if c.year == year), None)
        total = Decimal((capacity and capacity.total_places) or 4 * len(buyers))
        for buyer, share in zip(buyers, _shares(len(buyers), rng), strict=True):
            Usage.objects.update_or_create(
                offer=offer,
                year=year,
                acting_municipality=buyer,
                defaults={
                    "places": (total * share).quantize(Decimal("0.01")),
                    "is_expected": offer.status == OfferStatus.PLANNED,
                },
            )
    _record_exemptions(year)


def _shares(count: int, rng: random.Random) -> list[Decimal]:
    weights = [Decimal(rng.randint(1, 5)) for _ in range(count)]
    return [w / sum(weights) for w in weights]


def _record_exemptions(year: int) -> None:
    for name, codes in JOINT_OPERATION.items():
        exemption, _created = CoverageExemption.objects.update_or_create(
            offer=Offer.objects.get(name=name),
            from_year=year,
            defaults={
                "starts_on": date(year, 1, 1),
                "bilateral_agreement": True,
                "reason": "Drives i fællesskab med Frederikshavn, Jammerbugt og Læsø; takster, "
                "prisstruktur og afregning er aftalt bilateralt.",
                "decided_by": "DAS",
                "decided_on": date(year - 1, 10, 15),
            },
        )
        exemption.buyers.set(Organisation.objects.filter(code__in=codes))
    CoverageExemption.objects.update_or_create(
        offer=Offer.objects.get(name="Taleinstituttet og Hjerneskadecenter Nordjylland"),
        from_year=2020,
        defaults={
            "starts_on": date(2020, 1, 1),
            "bilateral_agreement": True,
            "reason": "Aftalen om fælles finansiering er ikke fornyet; bilaterale aftaler "
            "fra 1. januar 2020.",
            "decided_by": "DAS",
            "decided_on": date(2019, 10, 15),
        },
    )
