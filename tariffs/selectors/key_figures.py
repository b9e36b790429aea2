"""The figures a scheme's key rule reads (population figures, places used, the stored key's
rows), fetched for tariffs.key_rules, which builds the weights; and the key's label."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from offers.models import Usage
from organisations.models import Organisation, PopulationFigure

from ..key_rules import Figure, KeyWeights, population_weights, q2_window, usage_weights
from ..models import FinancingScheme, KeyRule


@dataclass(frozen=True)
class SchemeWeights:
    """What the split is computed from: the parties in order, their weights and the inputs."""

    parties: list[tuple[Organisation, Decimal]]
    key_label: str
    inputs: dict


def members_of(scheme: FinancingScheme) -> list[Organisation]:
    """The area's members, or the municipalities that are parties to the agreement."""
    members = scheme.area.members.all() if scheme.area else Organisation.objects.municipalities()
    if not scheme.area:
        members = members.parties()
    return list(members.order_by("name"))


def scheme_weights(scheme: FinancingScheme) -> SchemeWeights:
    """The scheme's weights by its rule (raises CalculationError with a Danish message)."""
    if scheme.key_rule == KeyRule.POPULATION:
        return _population(scheme)
    if scheme.key_rule == KeyRule.USAGE:
        return _usage(scheme)
    rows = list(scheme.key.rows.select_related("organisation"))
    return SchemeWeights(
        parties=[(row.organisation, row.weight) for row in rows],
        key_label=scheme.key.name,
        inputs={
            "rule": KeyRule.FIXED,
            "key": scheme.key.name,
            "source": scheme.key.source,
            "weights": [[row.organisation.code, str(row.weight)] for row in rows],
        },
    )


def _area_label(scheme: FinancingScheme) -> str:
    return scheme.area.name if scheme.area else "Rammeaftalens kommuner"


def _population(scheme: FinancingScheme) -> SchemeWeights:
    members = members_of(scheme)
    figures = PopulationFigure.objects.filter(
        organisation__in=members,
        age_band=scheme.age_band,
        reference_date__lte=q2_window(scheme.year)[1],
    ).order_by("organisation_id", "-reference_date")
    weights = population_weights(
        [Figure(f.organisation_id, "", f.reference_date, Decimal(f.count)) for f in figures],
        [(m.pk, m.short_name) for m in members],
        budget_year=scheme.year,
    )
    sources = sorted({f.source for f in figures if f.source})
    label = f"{scheme.age_band}-årige, {_area_label(scheme)}, {_dates(weights)}"
    return _weights(scheme, members, weights, label, {"age_band": scheme.age_band}, sources)


def _usage(scheme: FinancingScheme) -> SchemeWeights:
    members = members_of(scheme) if scheme.area else None
    usages = Usage.objects.filter(offer=scheme.offer, is_expected=False, year__lt=scheme.year)
    weights = usage_weights(
        [
            Figure(u.acting_municipality_id, "", date(u.year, 1, 1), u.places)
            for u in usages.select_related("acting_municipality")
        ],
        [(m.pk, m.short_name) for m in members] if members is not None else None,
        budget_year=scheme.year,
    )
    parties = members or list(Organisation.objects.filter(pk__in=[r.party for r in weights.rows]))
    label = f"Pladser brugt i {scheme.offer}, {weights.dates[0].year}"
    return _weights(scheme, parties, weights, label, {"offer": scheme.offer.name}, ["Forbrug"])


def _dates(weights: KeyWeights) -> str:
    return ", ".join(f"{day:%d.%m.%Y}" for day in weights.dates)


def _weights(scheme, organisations, weights: KeyWeights, label, extra, sources) -> SchemeWeights:
    by_pk = {o.pk: o for o in organisations}
    rows = [row for row in weights.rows if row.party in by_pk]
    return SchemeWeights(
        parties=[(by_pk[row.party], row.count) for row in rows],
        key_label=label,
        inputs={
            "rule": scheme.key_rule,
            "key": label,
            "area": _area_label(scheme),
            **extra,
            "wanted": weights.wanted,
            "figures": [day.isoformat() for day in weights.dates],
            "notes": list(weights.notes),
            "source": "; ".join(sources),
            "weights": [
                [by_pk[row.party].code, str(row.count), row.on.isoformat()] for row in rows
            ],
        },
    )
