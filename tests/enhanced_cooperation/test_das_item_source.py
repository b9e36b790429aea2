"""The year's round as an agenda source: its choices are the opened rounds, and the item built
from one reads the handed-in reports, the panel's final remarks (never drafts), the exits and
the nominations of that round."""

import pytest

from documents import agenda_sources
from tests.enhanced_cooperation.das_item_support import (
    KVISTEN,
    LEAVING,
    OESTERSKOVEN,
    das_item_world,
)
from tests.factories.enhanced_cooperation import (
    MemberFactory,
    NominationFactory,
    complete_report,
    final_remark,
    hand_in_reports,
)
from tests.factories.offers import OfferFactory
from tests.factories.organisations import MunicipalityFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    return das_item_world(django_capture_on_commit_callbacks)


def test_the_opened_rounds_are_the_choices_of_the_source(world):
    groups = dict(agenda_sources.grouped_choices())
    assert groups["Det forstærkede samarbejde"] == [
        (
            f"enhanced_cooperation:{world.round.pk}",
            "Det forstærkede samarbejde 2019: årsrapporter og indmeldinger",
        )
    ]


def test_the_item_reports_on_the_year_before_the_round(world):
    item = agenda_sources.build(f"enhanced_cooperation:{world.round.pk}")
    assert item.kind == "enhanced_cooperation.item_report"
    assert item.params == {"round": world.round.pk}
    assert (item.section, item.body_heading) == ("decision", "discussion")
    assert item.title == "Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet"
    assert item.attachment_title == "Årsrapporter og ekspertpanelets bemærkninger 2018"


def test_the_summary_has_each_member_its_final_remarks_and_no_nominations(world):
    summary = agenda_sources.build(f"enhanced_cooperation:{world.round.pk}").summary
    paragraphs = summary.split("\n\n")
    assert [p.split(":")[0] for p in paragraphs[1:4]] == [OESTERSKOVEN, KVISTEN, LEAVING]
    oesterskoven, kvisten, leaving = paragraphs[1:4]
    assert "Belægning: 98 %." in kvisten
    assert "Bemærkninger: Kommunerne bør bruge Kvisten." in kvisten
    assert "Efterspørgsel: stigende – Flere med erhvervet hjerneskade." in oesterskoven
    assert "Bemærkninger: Ekspertpanelet har ingen bemærkninger." in oesterskoven
    assert "Udkast" not in summary
    assert leaving.startswith(
        f"{LEAVING}: Udtræder af det forstærkede samarbejde pr. 31. december 2019."
    )
    assert paragraphs[-1] == "Der er ikke modtaget indmelding om nye tilbud."


def test_the_recommendation_continues_the_two_and_notes_the_exit(world):
    item = agenda_sources.build(f"enhanced_cooperation:{world.round.pk}")
    assert item.recommendations == [
        ["godkender", "at de to tilbud fortsætter i det forstærkede samarbejde 2020"],
        ["tager til efterretning", f"udtrædelsen af {LEAVING} pr. 31. december 2019"],
        ["tager til efterretning", "årsrapporterne og ekspertpanelets bemærkninger"],
    ]


def test_nominations_of_the_round_are_listed_with_the_panels_assessment(world):
    assessment = {
        "target_group": {"met": True, "text": "Ja"},
        "competences": {"met": True, "text": "Ja"},
        "profile": {"met": False, "text": "Nej"},
        "only_offer": {"met": None, "text": ""},
    }
    nomination = NominationFactory(
        round=world.round,
        offer=OfferFactory(name="Bøgehuset"),
        status="assessed",
        assessment=assessment,
    )
    final_remark(world.round, nomination=nomination, author=world.panel, text="Tæt på")
    item = agenda_sources.build(f"enhanced_cooperation:{world.round.pk}")
    by = nomination.nominated_by.name
    assert item.summary.split("\n\n")[-1] == (
        "Indmeldte tilbud:\n"
        f"Bøgehuset (indmeldt af {by}): vurderet af ekspertpanelet, 2 af 4 kriterier opfyldt."
    )
    assert ["tager stilling til", "indmeldingen af Bøgehuset"] in item.recommendations


def test_a_round_not_opened_or_unknown_is_no_choice(world):
    for value in ("enhanced_cooperation:0", "enhanced_cooperation:x"):
        with pytest.raises(ValueError):
            agenda_sources.build(value)


def test_a_members_signals_of_falling_demand_are_in_its_paragraph_and_discussed(
    world, django_capture_on_commit_callbacks
):
    operator = MunicipalityFactory(code="820", short_name="Vesthimmerland")
    UnitFactory(organisation=operator)
    viften = MemberFactory(
        period=world.kvisten.period,
        name="Fagcenter for Autisme og ADHD",
        offers=[OfferFactory(name="Viften", operator=operator)],
    )
    report = complete_report(demand="falling", demand_text="Kommunerne vælger mindre indgribende")
    with django_capture_on_commit_callbacks(execute=True):
        hand_in_reports(world.round, {viften: report})
    item = agenda_sources.build(f"enhanced_cooperation:{world.round.pk}")
    paragraph = next(p for p in item.summary.split("\n\n") if p.startswith(viften.name))
    assert "Signaler om faldende efterspørgsel: " in paragraph
    assert "»Kommunerne vælger mindre indgribende«" in paragraph
    assert ["drøfter", f"signalerne om faldende efterspørgsel for {viften.name}"] in (
        item.recommendations
    )
    assert "at de tre tilbud fortsætter" in item.recommendations[0][1]
