"""The world of the DAS item's tests: the 2019 round of the period 2019–2020 with two members
that handed in their annual reports for 2018 (Kvisten with a final remark by the expert panel,
Østerskoven with only a draft one) and a third that leaves on 31 December 2019."""

import datetime as dt
from types import SimpleNamespace

from enhanced_cooperation.models import Exit, ExitStatus
from tests.factories.enhanced_cooperation import (
    MemberFactory,
    PeriodFactory,
    RemarkFactory,
    complete_report,
    final_remark,
    hand_in_reports,
    open_year_round,
    panel_user,
)
from tests.factories.offers import OfferFactory
from tests.factories.organisations import MunicipalityFactory, UnitFactory

KVISTEN = "Specialbørnehjemmet Kvisten"
OESTERSKOVEN = "Neurocenter Østerskoven"
LEAVING = "Taleinstituttet og Hjerneskadecenter Nordjylland"


def _member(period, name, offer_name, operator):
    UnitFactory(organisation=operator)
    return MemberFactory(
        period=period, name=name, offers=[OfferFactory(name=offer_name, operator=operator)]
    )


def das_item_world(capture_on_commit) -> SimpleNamespace:
    """`capture_on_commit`: the django_capture_on_commit_callbacks fixture (mails run)."""
    panel = panel_user(username="panel", first_name="Pia", last_name="Panel")
    period = PeriodFactory(start_year=2019)
    region = MunicipalityFactory(code="1081", short_name="Region", name="Region Nordjylland")
    aalborg = MunicipalityFactory(code="851", short_name="Aalborg", name="Aalborg Kommune")
    kvisten = _member(period, KVISTEN, "Kvisten", region)
    oesterskoven = _member(period, OESTERSKOVEN, "Østerskoven", aalborg)
    leaving = _member(period, LEAVING, "Taleinstituttet", aalborg)
    leaving.ends_on, leaving.end_reason = dt.date(2019, 12, 31), "Finansieringsaftalen ophører"
    leaving.save(update_fields=["ends_on", "end_reason"])
    Exit.objects.create(
        member=leaving,
        given_by=aalborg,
        noticed_on=dt.date(2019, 2, 8),
        reason="KKR anbefalede ikke at forny finansieringsaftalen",
        status=ExitStatus.DECIDED,
        ends_on=dt.date(2019, 12, 31),
    )
    with capture_on_commit(execute=True):
        reporting_round = open_year_round(2019)
        hand_in_reports(
            reporting_round,
            {
                kvisten: complete_report(
                    development="Tre unge kan flytte i 2019 på grund af alder.",
                    occupancy_pct="98",
                    places=[{"kind": "residential", "places": 14}],
                ),
                oesterskoven: complete_report(
                    development="Fusioneret med Rehabiliteringscenter Strandgården.",
                    demand="rising",
                    demand_text="Flere med erhvervet hjerneskade",
                ),
            },
        )
    final_remark(
        reporting_round, member=kvisten, author=panel, text="Kommunerne bør bruge Kvisten."
    )
    RemarkFactory(round=reporting_round, member=oesterskoven, text="Udkast, ikke færdigt")
    return SimpleNamespace(
        round=reporting_round,
        panel=panel,
        kvisten=kvisten,
        oesterskoven=oesterskoven,
        leaving=leaving,
    )
