"""The DAS item's attachment "Årsrapporter og ekspertpanelets bemærkninger 2018": each member's
annual report in full with the panel's final remarks and their authors, then the nominations
with their claims and the panel's assessment; a tagged PDF. The secretariat and the expert
panel may see it as a document; nobody else (DAS members read it on the published agenda)."""

import io

import pytest
from pypdf import PdfReader

from documents import access as document_access
from documents import registry
from enhanced_cooperation.item_report import KIND, render_item_report
from tests.enhanced_cooperation.das_item_support import (
    KVISTEN,
    LEAVING,
    OESTERSKOVEN,
    das_item_world,
)
from tests.factories.enhanced_cooperation import NominationFactory, final_remark, operator_user
from tests.factories.offers import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    return das_item_world(django_capture_on_commit_callbacks)


def _render(world) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(render_item_report({"round": world.round.pk}, lambda *a: None)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return text, reader


def test_the_pdf_has_every_member_its_report_and_the_final_remarks_with_their_author(world):
    text, reader = _render(world)
    assert "Årsrapporter og ekspertpanelets bemærkninger 2018" in text
    for name in (KVISTEN, OESTERSKOVEN, LEAVING):
        assert name in text, name
    for part in (
        "Bemærkninger",
        "Pia Panel: Kommunerne bør bruge Kvisten.",
        "Tre unge kan flytte i 2019 på grund af alder.",
        "Belægning 98 %",
        "Døgnpladser 14",
        "Stigende: Flere med erhvervet hjerneskade",
        "Ekspertpanelet har ingen bemærkninger.",
        "Årsrapporten er ikke afleveret.",
        "Udtræder af det forstærkede samarbejde pr. 31. december 2019.",
        "Der er ikke modtaget indmelding om nye tilbud.",
    ):
        assert part in text, part
    assert "Udkast" not in text
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "da" and "/StructTreeRoot" in catalog


def test_the_pdf_has_the_nominations_with_claims_and_assessment(world):
    nomination = NominationFactory(
        round=world.round,
        offer=OfferFactory(name="Bøgehuset"),
        status="assessed",
        claims={"target_group": {"meets": True, "why": "Meget lille målgruppe"}},
        assessment={"target_group": {"met": False, "text": "Målgruppen findes andre steder"}},
        decision="",
    )
    final_remark(world.round, nomination=nomination, author=world.panel, text="Bør afvises.")
    text, _reader = _render(world)
    for part in (
        "Indmeldinger af nye tilbud",
        "Bøgehuset",
        f"indmeldt af {nomination.nominated_by.name}",
        "Meget lille målgruppe",
        "Ekspertpanelets vurdering",
        "Målgruppen findes andre steder",
        "Pia Panel: Bør afvises.",
    ):
        assert part in text, part
    assert "Der er ikke modtaget indmelding" not in text


def test_the_secretariat_and_the_panel_may_see_it_and_nobody_else(
    world, secretariat, das_member, aalborg_reporter, outsider
):
    params = {"round": world.round.pk}
    operator = operator_user(world.kvisten)
    may = {
        "secretariat": secretariat,
        "panel": world.panel,
        "das": das_member,
        "reporter": aalborg_reporter,
        "operator": operator,
        "outsider": outsider,
    }
    seen = {name for name, user in may.items() if document_access.can_request(user, KIND, params)}
    assert seen == {"secretariat", "panel"}
    assert registry.get(KIND).can_view(world.panel, params)
    assert not registry.get(KIND).can_view(das_member, params)


def test_only_an_opened_round_of_the_year_is_a_parameter(world):
    clean = registry.get(KIND).params
    assert clean({"round": world.round.pk}) == {"round": world.round.pk}
    with pytest.raises(registry.UnknownObject):
        clean({"round": 0})
