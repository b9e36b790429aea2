"""factory_boy factories and small builders, one module per app; the names the suite imports
from `tests.factories` are re-exported here."""

from tests.factories.offers import (
    CapacityFactory,
    ExemptionFactory,
    LegalBasisFactory,
    OfferFactory,
    TargetGroupFactory,
    UsageFactory,
)
from tests.factories.organisations import (
    MembershipFactory,
    MunicipalityFactory,
    PopulationFigureFactory,
    PrivateOperatorFactory,
    RegionFactory,
    SupervisionAreaFactory,
    UnitFactory,
    UserFactory,
)
from tests.factories.submissions import (
    ReportingRoundFactory,
    SubmissionFactory,
    open_round_submission,
)

__all__ = [
    "CapacityFactory",
    "ExemptionFactory",
    "LegalBasisFactory",
    "MembershipFactory",
    "MunicipalityFactory",
    "OfferFactory",
    "PopulationFigureFactory",
    "PrivateOperatorFactory",
    "RegionFactory",
    "ReportingRoundFactory",
    "SubmissionFactory",
    "SupervisionAreaFactory",
    "TargetGroupFactory",
    "UnitFactory",
    "UsageFactory",
    "UserFactory",
    "open_round_submission",
]
