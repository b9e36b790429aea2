"""Demo answers for the 2013 demand/capacity round, shaped like the real annex (SPEC §5).

Eleven reporting units submit (Aalborg's two administrations separately); Rebild does not.
Morsø, Jammerbugt, Læsø, Mariagerfjord and Thisted report no changes in use; Aalborg and
Hjørring report falling and rising needs. New (B3) and planned (B4) offers come from
`reference/offers.csv`. The texts are demo texts, not quotations. Questionnaire version
"behov-kapacitet-1".
"""

from __future__ import annotations

from submissions.questionnaire import CURRENT_VERSION, empty_answers

DEMO_VERSION = CURRENT_VERSION

# (unit code, short name) for every unit that must submit, in the order of the summary.
DEMO_UNITS_2013 = [
    ("851-FB", "Aalborg FB"),
    ("851-AEH", "Aalborg ÆH"),
    ("810", "Brønderslev"),
    ("813", "Frederikshavn"),
    ("860", "Hjørring"),
    ("849", "Jammerbugt"),
    ("825", "Læsø"),
    ("846", "Mariagerfjord"),
    ("773", "Morsø"),
    ("840", "Rebild"),
    ("787", "Thisted"),
    ("820", "Vesthimmerland"),
]
DEMO_NOT_SUBMITTED_2013 = ("840",)


def _need(place, age, target_group, reason=""):
    return {"place": place, "age": age, "target_group": target_group, "reason": reason}


def _offer(name, target_group, places, covered, planned_year=None):
    row = {"name": name, "target_group": target_group, "places_as_written": places}
    row["covered"] = covered
    if planned_year is not None:
        row["planned_year"] = planned_year
    return row


def _answers(**changes) -> dict:
    """A complete answer set: quiet defaults, then the unit's own answers."""
    answers = empty_answers(DEMO_VERSION)
    answers["A4"] = {"none": True, "text": ""}
    answers["A8"] = {"waiting_lists": False, "empty_places": False, "text": ""}
    answers["A10"] = {"ddh": "unchanged", "ish": "unchanged"}
    answers["B1"] = {
        "empty_places": False,
        "empty_offers": [],
        "waiting_lists": False,
        "waiting": [],
    }
    for code, value in changes.items():
        answers[code] = value
    return answers


def _no_changes(**changes) -> dict:
    return _answers(A2={"no_changes": True, "falling": [], "rising": []}, **changes)


def _aalborg_fb() -> dict:
    return _answers(
        A1={
            "children": "Flere børn og unge skal hjælpes tidligt og tæt på familien; anbringelse "
            "uden for kommunen skal være undtagelsen.",
            "adults": "",
        },
        A2={
            "no_changes": False,
            "falling": [
                _need(
                    "residential",
                    "children",
                    "udviklingsforstyrrelse",
                    "Eget tilbud: Vingen åbner september 2013",
                )
            ],
            "rising": [
                _need(
                    "residential",
                    "children",
                    "sindslidelse",
                    "Flere børn og unge med svær psykiatrisk problematik",
                )
            ],
        },
        A3={"adults": [], "children": ["Specialbørnehjemmet Kvisten", "Kompasset"]},
        A10={"ddh": "rising", "ish": "unchanged"},
        B2=[
            {
                "measure": "Familiebehandling i hjemmet frem for anbringelse",
                "target_group": "udviklingsforstyrrelse",
                "year": 2013,
            }
        ],
        B4=[
            _offer(
                "Døgntilbud ved BørneBøgen",
                "Børn og unge med svær psykiatrisk problematik",
                "?",
                False,
                2013,
            )
        ],
    )


def _aalborg_aeh() -> dict:
    return _answers(
        A1={
            "children": "",
            "adults": "Borgere med handicap skal bo i egen bolig med støtte, hvor det er muligt.",
        },
        A2={
            "no_changes": False,
            "falling": [
                _need(
                    "residential",
                    "adults",
                    "udviklingshaemning",
                    "Nye egne tilbud: Løvdal og Violen",
                )
            ],
            "rising": [
                _need(
                    "day", "adults", "udviklingsforstyrrelse", "Flere unge med autisme efter STU"
                ),
                _need(
                    "residential", "adults", "sindslidelse", "Flere yngre sindslidende med misbrug"
                ),
            ],
        },
        A8={
            "waiting_lists": True,
            "empty_places": False,
            "text": "Enkelte borgere venter på plads i egne botilbud.",
        },
        A10={"ddh": "unchanged", "ish": "rising"},
        B1={
            "empty_places": True,
            "empty_offers": ["Restrup Kærvej"],
            "waiting_lists": True,
            "waiting": [
                {"offer": "Kastanjebo", "target_group": "udviklingsforstyrrelse", "count": 7}
            ],
        },
        B3=[
            _offer("Løvdal", "Udviklingshæmmede", "30", True),
            _offer("Violen", "Udviklingshæmmede", "14 + 4 aflastningspladser", True),
            _offer("Kridtsløjfen", "Døve med andre funktionsnedsættelser", "18", True),
        ],
        B4=[
            _offer(
                "Opgangsfællesskab Storemosevej",
                "Udviklingshæmmede færdigbehandlet fra Behandlingscentret",
                "4 - 5",
                False,
                2014,
            )
        ],
    )


def _bronderslev() -> dict:
    return _answers(
        A2={
            "no_changes": False,
            "falling": [
                _need("day", "children", "", "Eget tilbud: Dagbehandlingstilbuddet Hegely")
            ],
            "rising": [],
        },
        B4=[_offer("Dagbehandlingstilbuddet Hegely", "Familier", "max. 8", False, 2013)],
    )


def _frederikshavn() -> dict:
    return _answers(
        A2={
            "no_changes": False,
            "falling": [],
            "rising": [
                _need(
                    "residential",
                    "adults",
                    "hjerneskade",
                    "Flere borgere med erhvervet hjerneskade",
                )
            ],
        },
        B1={
            "empty_places": True,
            "empty_offers": ["Koktvedstien"],
            "waiting_lists": False,
            "waiting": [],
        },
        B2=[
            {
                "measure": "Bostøtte i eget hjem frem for botilbud",
                "target_group": "sindslidelse",
                "year": 2013,
            }
        ],
    )


def _hjorring() -> dict:
    return _answers(
        A2={
            "no_changes": False,
            "falling": [
                _need(
                    "residential",
                    "adults",
                    "sindslidelse",
                    "Eget tilbud planlagt: Botilbud Sjællandsgade",
                )
            ],
            "rising": [
                _need(
                    "day", "adults", "udviklingsforstyrrelse", "Flere borgere med autisme efter STU"
                )
            ],
        },
        A5=[
            {
                "offer": "Fagcenter for Autisme og ADHD – Viften",
                "change": "Korte udredningsforløb",
                "need": "Hurtigere afklaring af børn med komplekse autismediagnoser",
            }
        ],
        A8={
            "waiting_lists": True,
            "empty_places": False,
            "text": "Borgere med sindslidelser venter på botilbud, indtil Sjællandsgade åbner.",
        },
        A10={"ddh": "rising", "ish": "unchanged"},
        B3=[_offer("Botilbud Åge Holms Vej", "Multihandicappede", "6", True)],
        B4=[_offer("Botilbud Sjællandsgade", "Borgere med sindslidelser", "18", False, 2013)],
    )


def _vesthimmerland() -> dict:
    return _answers(
        A2={
            "no_changes": False,
            "falling": [
                _need(
                    "residential",
                    "adults",
                    "udviklingsforstyrrelse",
                    "Eget tilbud planlagt: Bofællesskab Bøgevej",
                )
            ],
            "rising": [],
        },
        B1={
            "empty_places": True,
            "empty_offers": ["Rosengården – døgntilbud"],
            "waiting_lists": False,
            "waiting": [],
        },
        B4=[_offer("Bofællesskab Bøgevej", "Autister", "6", False, 2013)],
    )


def _thisted() -> dict:
    return _no_changes(
        B4=[
            _offer(
                "Botilbud efter § 108 for dømte udviklingshæmmede",
                "Udviklingshæmmede med dom til anbringelse eller behandling",
                "?",
                None,
                2014,
            )
        ],
    )


def demo_answers_2013() -> dict[str, dict]:
    """Answers of the eleven units that submitted in 2013, keyed by unit code."""
    return {
        "851-FB": _aalborg_fb(),
        "851-AEH": _aalborg_aeh(),
        "810": _bronderslev(),
        "813": _frederikshavn(),
        "860": _hjorring(),
        "849": _no_changes(
            A7={"text": "Mulighed for at købe enkelte ydelser i et tilbud frem for en hel plads."}
        ),
        "825": _no_changes(
            A1={"children": "", "adults": "Læsø køber alle specialiserede pladser uden for øen."},
            A10={"ddh": "falling", "ish": "unchanged"},
        ),
        "846": _no_changes(
            A6={"text": "Unge med selvskadende adfærd, som ikke passer ind i eksisterende tilbud."}
        ),
        "773": _no_changes(A10={"ddh": "unchanged", "ish": "falling"}),
        "787": _thisted(),
        "820": _vesthimmerland(),
    }
