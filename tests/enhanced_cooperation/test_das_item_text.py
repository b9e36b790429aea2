"""The text of the DAS item on a year's round, from plain data (no database): per member the
résumé of its annual report, the expert panel's final remarks and the signals of falling
demand; the nominations, or the sentence that none came in; the recommendation."""

import datetime as dt

from enhanced_cooperation.item_text import (
    MemberText,
    NominationText,
    attachment_title,
    item_recommendations,
    item_summary,
    item_title,
    member_paragraph,
    nominations_paragraph,
)
from tests.factories.enhanced_cooperation import complete_report

KVISTEN = MemberText(
    name="Specialbørnehjemmet Kvisten",
    report=complete_report(
        development="Tre unge kan flytte i 2019 på grund af alder.",
        occupancy_pct="98",
        demand="falling",
        demand_text="Færre henvendelser fra kommunerne",
    ),
    remarks=["Ekspertpanelet opfordrer kommunerne til at bruge tilbuddet", "Høj belægning."],
    flags=["Efterspørgslen er faldende", "Tre unge fraflytter i 2019."],
)
OESTERSKOVEN = MemberText(
    name="Neurocenter Østerskoven",
    report=complete_report(development="Fusioneret med Strandgården.", occupancy_pct="96.5"),
)
VIFTEN = MemberText(name="Fagcenter for Autisme og ADHD", report=None)
HJERNESKADE = MemberText(
    name="Taleinstituttet og Hjerneskadecenter Nordjylland",
    report=None,
    leaves_on=dt.date(2019, 12, 31),
)


def test_the_title_names_the_year_the_reports_are_about():
    assert item_title(2018) == (
        "Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet"
    )
    assert attachment_title(2018) == "Årsrapporter og ekspertpanelets bemærkninger 2018"


def test_a_members_paragraph_sums_up_the_report_the_remarks_and_the_flags():
    assert member_paragraph(KVISTEN) == (
        "Specialbørnehjemmet Kvisten: Resumé af årsrapport: Tre unge kan flytte i 2019 på "
        "grund af alder. Belægning: 98 %. Efterspørgsel: faldende – Færre henvendelser fra "
        "kommunerne.\n"
        "Bemærkninger: Ekspertpanelet opfordrer kommunerne til at bruge tilbuddet. Høj "
        "belægning.\n"
        "Signaler om faldende efterspørgsel: Efterspørgslen er faldende. Tre unge fraflytter "
        "i 2019."
    )


def test_without_remarks_the_panel_has_none_and_without_flags_no_line_says_so():
    text = member_paragraph(OESTERSKOVEN)
    assert "Belægning: 96,5 %. Efterspørgsel: stabil." in text
    assert text.endswith("Bemærkninger: Ekspertpanelet har ingen bemærkninger.")
    assert "Signaler" not in text


def test_a_report_not_handed_in_is_said_and_a_leaving_member_starts_with_its_exit():
    assert member_paragraph(VIFTEN).startswith(
        "Fagcenter for Autisme og ADHD: Resumé af årsrapport: Årsrapporten er ikke afleveret."
    )
    assert member_paragraph(HJERNESKADE) == (
        "Taleinstituttet og Hjerneskadecenter Nordjylland: Udtræder af det forstærkede "
        "samarbejde pr. 31. december 2019.\n"
        "Bemærkninger: Ekspertpanelet har ingen bemærkninger."
    )
    leaving_with_report = MemberText(
        name="X", report=complete_report(), leaves_on=dt.date(2019, 12, 31)
    )
    assert member_paragraph(leaving_with_report).splitlines()[1] == (
        "Udtræder af det forstærkede samarbejde pr. 31. december 2019."
    )


def test_a_long_development_text_is_cut_at_a_word():
    member = MemberText(name="X", report=complete_report(development="ord " * 200))
    resume = member_paragraph(member).splitlines()[0]
    assert "ord …" in resume and len(resume) < 400


def test_with_no_nominations_the_item_says_so_in_the_exact_words():
    summary = item_summary(2018, [KVISTEN, OESTERSKOVEN], [])
    paragraphs = summary.split("\n\n")
    assert paragraphs[0].startswith(
        "Tilbuddene i det forstærkede samarbejde har afleveret årsrapporter for 2018"
    )
    assert paragraphs[1].startswith("Specialbørnehjemmet Kvisten: Resumé af årsrapport:")
    assert paragraphs[2].startswith("Neurocenter Østerskoven: Resumé af årsrapport:")
    assert paragraphs[-1] == "Der er ikke modtaget indmelding om nye tilbud."
    assert "Der er ikke modtaget indmelding om nye tilbud" in summary


def test_nominations_are_listed_with_the_panels_assessment():
    nominations = [
        NominationText("Bøgehuset", "Hjørring Kommune", "assessed", criteria_met=3),
        NominationText("Løvdal", "Aalborg Kommune", "submitted"),
        NominationText("Kvisten", "Region Nordjylland", "rejected", 1, 4, "Ikke optaget"),
    ]
    assert nominations_paragraph(nominations) == (
        "Indmeldte tilbud:\n"
        "Bøgehuset (indmeldt af Hjørring Kommune): vurderet af ekspertpanelet, 3 af 4 "
        "kriterier opfyldt.\n"
        "Løvdal (indmeldt af Aalborg Kommune): endnu ikke vurderet af ekspertpanelet.\n"
        "Kvisten (indmeldt af Region Nordjylland): ikke optaget, 1 af 4 kriterier opfyldt. "
        "Ikke optaget."
    )


def test_the_recommendation_continues_the_members_and_notes_the_reports():
    members = [KVISTEN, OESTERSKOVEN, VIFTEN, HJERNESKADE]
    assert item_recommendations(members, [], 2020) == [
        ["godkender", "at de tre tilbud fortsætter i det forstærkede samarbejde 2020"],
        [
            "tager til efterretning",
            "udtrædelsen af Taleinstituttet og Hjerneskadecenter Nordjylland pr. 31. december 2019",
        ],
        ["drøfter", "signalerne om faldende efterspørgsel for Specialbørnehjemmet Kvisten"],
        ["tager til efterretning", "årsrapporterne og ekspertpanelets bemærkninger"],
    ]


def test_one_member_by_name_a_noticed_exit_and_open_nominations_are_to_be_decided():
    noticed = MemberText(name="Bøgehusets Center", report=None, exit_noticed_on=dt.date(2019, 3, 1))
    nominations = [
        NominationText("Bøgehuset", "Hjørring Kommune", "assessed", criteria_met=4),
        NominationText("Løvdal", "Aalborg Kommune", "admitted", criteria_met=4),
    ]
    rows = item_recommendations([OESTERSKOVEN, noticed], nominations, 2020)
    assert rows == [
        ["godkender", "at Neurocenter Østerskoven fortsætter i det forstærkede samarbejde 2020"],
        [
            "tager stilling til",
            "udtrædelsen af Bøgehusets Center, som er varslet den 1. marts 2019",
        ],
        ["tager stilling til", "indmeldingen af Bøgehuset"],
        ["tager til efterretning", "årsrapporterne og ekspertpanelets bemærkninger"],
    ]
    assert "Har den 1. marts 2019 varslet udtræden" in member_paragraph(noticed)


def test_in_the_periods_last_year_the_members_are_not_continued_here():
    rows = item_recommendations([OESTERSKOVEN], [], None)
    assert rows == [["tager til efterretning", "årsrapporterne og ekspertpanelets bemærkninger"]]
