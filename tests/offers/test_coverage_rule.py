"""Coverage by the agreement is derived from usage (SPEC §2), in Python and in SQL alike."""

from decimal import Decimal

import pytest

from offers.calculations import CoverageInput, CoverageReason, decide_coverage
from offers.models import Offer
from offers.selectors import coverage_of, with_coverage
from tests.factories import (
    ExemptionFactory,
    MunicipalityFactory,
    OfferFactory,
    PrivateOperatorFactory,
    RegionFactory,
    UsageFactory,
)

AALBORG, HJORRING, THISTED = 851, 860, 787


def decide(kind="municipality", usage=(), exempted=False):
    return decide_coverage(
        CoverageInput(
            operator_kind=kind, operator_id=AALBORG, year=2019, usage=usage, exempted=exempted
        )
    )


def test_every_regional_offer_is_covered_even_without_usage():
    decision = decide(kind="region")
    assert (decision.covered, decision.reason) == (True, CoverageReason.REGIONAL)


def test_municipal_offer_used_by_another_municipality_is_covered():
    decision = decide(usage=((AALBORG, Decimal(10)), (HJORRING, Decimal("0.5"))))
    assert decision.covered
    assert decision.reason == CoverageReason.USED_BY_OTHERS
    assert decision.other_buyer_ids == (HJORRING,)


def test_municipal_offer_used_only_by_its_operator_is_not_covered():
    decision = decide(usage=((AALBORG, Decimal(10)),))
    assert not decision.covered
    assert decision.reason == CoverageReason.ONLY_OPERATOR


def test_a_buyer_with_zero_places_does_not_count_as_use():
    assert not decide(usage=((AALBORG, Decimal(10)), (HJORRING, Decimal(0)))).covered


def test_one_other_buyer_is_enough_since_2018_not_four():
    assert decide(usage=((THISTED, Decimal(1)),)).covered


def test_recorded_exemption_takes_an_offer_used_by_others_out():
    decision = decide(usage=((HJORRING, Decimal(2)),), exempted=True)
    assert not decision.covered
    assert decision.reason == CoverageReason.EXEMPTED
    assert decision.other_buyer_ids == (HJORRING,)


def test_private_offers_are_not_covered():
    decision = decide(kind="private", usage=((HJORRING, Decimal(2)),))
    assert (decision.covered, decision.reason) == (False, CoverageReason.PRIVATE)


def test_offer_without_usage_is_not_covered():
    assert decide().reason == CoverageReason.NO_USAGE


@pytest.mark.django_db
def test_sql_annotation_agrees_with_the_python_rule_for_every_kind_of_offer(aalborg, hjorring):
    region_offer = OfferFactory(operator=RegionFactory())
    used_by_others = OfferFactory(operator=aalborg)
    UsageFactory(offer=used_by_others, acting_municipality=hjorring)
    own_use_only = OfferFactory(operator=aalborg)
    UsageFactory(offer=own_use_only, acting_municipality=aalborg)
    exempted = OfferFactory(operator=aalborg)
    UsageFactory(offer=exempted, acting_municipality=hjorring)
    ExemptionFactory(offer=exempted, from_year=2019, to_year=2019)
    exemption_later = OfferFactory(operator=aalborg)
    UsageFactory(offer=exemption_later, acting_municipality=hjorring)
    ExemptionFactory(offer=exemption_later, from_year=2020)
    other_year = OfferFactory(operator=aalborg)
    UsageFactory(offer=other_year, acting_municipality=hjorring, year=2018)
    private = OfferFactory(operator=PrivateOperatorFactory())
    UsageFactory(offer=private, acting_municipality=hjorring)
    zero = OfferFactory(operator=MunicipalityFactory())
    UsageFactory(offer=zero, acting_municipality=hjorring, places=Decimal(0))

    in_sql = {o.pk: o.covered for o in with_coverage(Offer.objects.all(), 2019)}
    in_python = {
        o.pk: coverage_of(o, 2019).covered
        for o in Offer.objects.select_related("operator").prefetch_related("usages", "exemptions")
    }
    assert in_sql == in_python
    assert {pk for pk, covered in in_sql.items() if covered} == {
        region_offer.pk,
        used_by_others.pk,
        exemption_later.pk,
    }
