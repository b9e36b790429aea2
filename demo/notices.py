"""Demo change notices (SPEC §1): one given in time and one given after its decision, so the
list, the breach flag and the start page's work item have something to show."""

import datetime as dt

from notices.models import ChangeNotice, NoticeKind
from offers.models import Offer

NOTICES = [
    # operator kind, kind, decided, noticed, description
    (
        "region",
        NoticeKind.PLACES,
        dt.date(2019, 9, 1),
        dt.date(2019, 8, 15),
        "Regionsrådet har besluttet at nedlægge fire døgnpladser fra 1. januar 2020.",
    ),
    (
        "municipality",
        NoticeKind.CLOSING,
        dt.date(2019, 10, 1),
        dt.date(2019, 10, 20),
        "Byrådet har besluttet at lukke tilbuddet med udgangen af 2019.",
    ),
]


def load_demo_notices() -> None:
    """Idempotent: a notice of the same offer, kind and decision date is not made again."""
    for operator_kind, kind, decided, noticed, description in NOTICES:
        offer = Offer.objects.filter(operator__kind=operator_kind).order_by("name").first()
        if offer is None:
            continue
        ChangeNotice.objects.get_or_create(
            offer=offer,
            kind=kind,
            decided_on=decided,
            defaults={
                "party": offer.operator,
                "noticed_on": noticed,
                "description": description,
                "takes_effect_on": dt.date(2020, 1, 1),
                "places_before": 12 if kind == NoticeKind.PLACES else None,
                "places_after": 8 if kind == NoticeKind.PLACES else None,
            },
        )
