"""Demo data of the enhanced cooperation (SPEC §6), from the sources: the six members of
2019–2020, Taleinstituttet's exit on 31 December 2019 (KKR 8 February 2019), the 2019 round
done (the five continuing members' annual reports for 2018 handed in by their operators and
published, the expert panel's remarks marked final by its chair), and the 2020 round open with
two reports handed in that await the panel's remarks. The DAS item of 21 May 2019 is
generated from these data by demo/meetings.py. Figures the sources do not give (occupancy
other than Kvisten's 98 %, places) are the demo's own."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from enhanced_cooperation import services_members, services_round
from enhanced_cooperation.models import Member, Period
from enhanced_cooperation.reports import report_key
from enhanced_cooperation.selectors import members_of_submission, missing_in_submission
from offers.models import Offer
from organisations.models import Organisation
from submissions import services as rounds

FAGCENTER = "Fagcenter for Autisme og ADHD"
TALEINSTITUTTET = "Taleinstituttet og Hjerneskadecenter Nordjylland"
DECISION = {
    "decided_by": "DAS",
    "decision_meeting": "før perioden 2019–2020, på ekspertpanelets indstilling",
}
CRITERIA = {
    "criterion_target_group": (
        "Lille og kompleks målgruppe, som den enkelte kommune ikke selv kan samle."
    ),
    "criterion_competences": (
        "Højt specialiserede faglige kompetencer, der kræver et vist befolkningsgrundlag."
    ),
    "criterion_profile": "En specialiseringsprofil, der ikke findes i andre tilbud i regionen.",
    "criterion_only_offer": "Det eneste tilbud af sin art i Region Nordjylland.",
}
MEMBERS = [  # name, offers of the register, target group
    (
        FAGCENTER,
        [
            "Fagcenter for Autisme og ADHD – Viften",
            "Fagcenter for Autisme og ADHD – Specialbørnehaven Birken",
        ],
        "Børn og unge med autisme, udviklingshæmning og særlig kompleks adfærd",
    ),
    (
        "Neurocenter Østerskoven",
        ["Neurocenter Østerskoven"],
        "Unge og voksne med moderat til meget svær medfødt eller erhvervet hjerneskade",
    ),
    (
        "Rehabiliteringscenter Strandgården",
        ["Rehabiliteringscenter Strandgården"],
        "Voksne med svær til meget svær hjerneskade",
    ),
    (
        "Specialbørnehjemmet Kvisten",
        ["Specialbørnehjemmet Kvisten"],
        "Børn og unge med betydelig og varig nedsat funktionsevne og særligt behov for sygepleje",
    ),
    (
        "Institut for Syn og Hørelse",
        ["Institut for Syn og Hørelse"],
        "Mennesker med nedsat syn og hørelse eller andre kommunikationsvanskeligheder",
    ),
    (
        TALEINSTITUTTET,
        [TALEINSTITUTTET],
        "Børn med massive sproglige vanskeligheder og mennesker med følger efter erhvervet "
        "hjerneskade",
    ),
]
EXIT = {
    "noticed_on": dt.date(2019, 2, 8),
    "reason": (
        "KKR anbefalede den 8. februar 2019 ikke at forny finansieringsaftalen. Fra 1. januar "
        "2020 drives tilbuddet på bilaterale aftaler med Aalborg Kommune (to kommuner har valgt "
        "fireårige aftaler)."
    ),
    "decision": "KKR anbefalede ikke at forny finansieringsaftalen; tilbuddet udtræder.",
    "decision_meeting": "KKR 8. februar 2019",
    "decided_on": dt.date(2019, 2, 8),
    "ends_on": dt.date(2019, 12, 31),
}


def _report(occupancy, places, demand, demand_text, development, target_groups, **rest):
    return {
        "development": development,
        "occupancy_pct": occupancy,
        "places": [{"kind": kind, "places": number} for kind, number in places],
        "demand": demand,
        "demand_text": demand_text,
        "target_groups": target_groups,
        "sustainability_professional": rest.get("professional", "Ingen særlige bekymringer."),
        "sustainability_economic": rest.get("economic", "Ingen særlige bekymringer."),
        "planned_changes": rest.get("planned", ""),
    }


REPORTS_2018 = {  # what the annual reports for 2018 said (DAS, 21 May 2019, item 6)
    FAGCENTER: _report(
        "62",
        [("residential", 8), ("day", 12)],
        "falling",
        "Vedvarende manglende efterspørgsel: kommunerne vælger mindre indgribende indsatser "
        "end døgnpladser. Ved udgangen af 2019 forventes kun ét barn under 18 år på Viften.",
        "Viften og Birken har fastholdt de specialiserede kompetencer, men har haft ledige "
        "pladser det meste af året.",
        "Børn og unge med autisme og særlig kompleks adfærd; færre børn under 18 år.",
        economic="Ledige pladser truer økonomien på Viften.",
        planned="Driftsherren overvejer en anden sammensætning af målgruppen, som vil "
        "afslutte forpligtelserne i det forstærkede samarbejde.",
    ),
    "Neurocenter Østerskoven": _report(
        "93",
        [("residential", 42)],
        "rising",
        "Flere henvendelser om borgere med erhvervet hjerneskade.",
        "Neurocenter Østerskoven blev lagt sammen med Rehabiliteringscenter Strandgården i "
        "december 2018.",
        "Færre pladser til medfødt og flere til erhvervet hjerneskade.",
        planned="Seks pladser mere til erhvervet hjerneskade.",
    ),
    "Rehabiliteringscenter Strandgården": _report(
        "91",
        [("residential", 18)],
        "stable",
        "",
        "Lagt sammen med Neurocenter Østerskoven i december 2018; rapporten dækker året før "
        "sammenlægningen.",
        "Voksne med svær til meget svær hjerneskade.",
    ),
    "Specialbørnehjemmet Kvisten": _report(
        "98",
        [("residential", 14), ("respite", 2)],
        "stable",
        "",
        "Kvisten har haft næsten fuld belægning hele året.",
        "Børn og unge med betydelig og varig nedsat funktionsevne og behov for sygepleje.",
        economic="Tre unge kan flytte i 2019 på grund af alder, hvilket kan true økonomien. "
        "Kommunerne opfordres til at benytte tilbuddet.",
    ),
    "Institut for Syn og Hørelse": _report(
        "88",
        [("day", 30)],
        "stable",
        "",
        "Målgrupperne er udvidet med hørehæmmede børn og døvblinde børn og voksne.",
        "Mennesker med nedsat syn og hørelse eller andre kommunikationsvanskeligheder.",
        professional="Et naturligt fald i efterspørgslen på høreområdet; endnu ikke et problem.",
    ),
}


REPORTS_2019 = {  # the region's reports in the 2020 round (the demo's own texts)
    "Neurocenter Østerskoven": _report(
        "95",
        [("residential", 48)],
        "rising",
        "Efterspørgslen efter pladser til erhvervet hjerneskade er steget efter udvidelsen.",
        "De seks nye pladser til erhvervet hjerneskade er taget i brug.",
        "Flest borgere med erhvervet hjerneskade.",
    ),
    "Rehabiliteringscenter Strandgården": _report(
        "90",
        [("residential", 12)],
        "stable",
        "",
        "Drives som en del af Neurocenter Østerskoven efter sammenlægningen.",
        "Voksne med svær til meget svær hjerneskade.",
    ),
    "Specialbørnehjemmet Kvisten": _report(
        "84",
        [("residential", 14), ("respite", 2)],
        "falling",
        "To af de tre unge er flyttet på grund af alder, og der er kommet én ny.",
        "Belægningen faldt i 2019, da to unge flyttede på grund af alder.",
        "Børn og unge med betydelig og varig nedsat funktionsevne og behov for sygepleje.",
        economic="Lavere belægning presser økonomien.",
    ),
    "Institut for Syn og Hørelse": _report(
        "87",
        [("day", 30)],
        "stable",
        "",
        "De udvidede målgrupper er nu en fast del af tilbuddet.",
        "Mennesker med nedsat syn og hørelse eller andre kommunikationsvanskeligheder.",
    ),
}


def _members(period: Period) -> dict[str, Member]:
    members = {}
    for name, offer_names, target_group in MEMBERS:
        member = Member.objects.filter(period=period, name=name).first()
        if member is None:
            member = services_members.member_save(
                offers=list(Offer.objects.filter(name__in=offer_names)),
                period=period,
                name=name,
                target_group=target_group,
                **CRITERIA,
                **DECISION,
            )
        members[name] = member
    return members


def _exit(member: Member) -> None:
    if hasattr(member, "exit"):
        return
    exit_ = services_members.exit_notice(
        member=member,
        given_by=None,
        noticed_on=EXIT["noticed_on"],
        reason=EXIT["reason"],
    )
    services_members.exit_decide(
        exit=exit_,
        **{name: EXIT[name] for name in ("decision", "decision_meeting", "decided_on", "ends_on")},
    )


def _operator(organisation: Organisation):
    """The demo operator user of the organisation (region-drift, aalborg-drift)."""
    return (
        get_user_model()
        .objects.filter(memberships__role="operator", memberships__organisation=organisation)
        .first()
    )


def _hand_in(reporting_round, reports: dict, handed_in, accept: bool) -> None:
    """Each operator writes its members' reports; a complete submission is handed in (and
    published when `accept`)."""
    secretariat = get_user_model().objects.filter(username="sekretariat").first()
    for unit in reporting_round.units.select_related("organisation"):
        submission = rounds.submission_for(reporting_round=reporting_round, unit=unit)
        operator = _operator(unit.organisation)
        for member in members_of_submission(submission):
            if member.name in reports:
                rounds.submission_save_part(
                    submission=submission,
                    key=report_key(member.pk),
                    value=reports[member.name],
                    user=operator,
                )
        submission.refresh_from_db()
        if missing_in_submission(submission):
            continue
        rounds.submission_submit(submission=submission, user=operator, submitted_at=handed_in)
        if accept:
            submission.refresh_from_db()
            rounds.submission_accept(submission=submission, user=secretariat)


def _handed_in(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=timezone.get_default_timezone())


def _year_round(year: int):
    from submissions.models import ReportingRound, RoundKind

    existing = ReportingRound.objects.filter(kind=RoundKind.ANNUAL_REPORT, year=year).first()
    if existing is not None:
        return existing, False
    opens_on, deadline = services_round.default_dates(year)
    return services_round.year_round_open(year=year, opens_on=opens_on, deadline=deadline), True


@transaction.atomic
def load_demo_enhanced_cooperation() -> None:
    period = Period.objects.filter(start_year=2019).first() or services_members.period_save(
        start_year=2019, end_year=2020
    )
    members = _members(period)
    _exit(members[TALEINSTITUTTET])  # before the round: it writes no report for 2018
    done, created = _year_round(2019)
    if created:
        _hand_in(done, REPORTS_2018, _handed_in(dt.date(2019, 2, 28)), accept=True)
        rounds.round_close(reporting_round=done)
    _remarks(done, members)
    current, created = _year_round(2020)
    if created:
        _hand_in(current, REPORTS_2019, _handed_in(dt.date(2020, 2, 26)), accept=False)


PANEL = ("ekspertpanel", "ekspertpanel-2")  # the chair first
PANEL_MEETING = dt.datetime(2019, 4, 24, 12, tzinfo=dt.UTC)  # remarks made final
REMARKS_2018 = {  # the expert panel's remarks on the reports for 2018 (author: text)
    FAGCENTER: {
        "ekspertpanel": "Ekspertpanelet noterer den vedvarende manglende efterspørgsel og "
        "anbefaler, at Aalborg Kommune forelægger DAS et punkt, hvis Viften tages ud af "
        "samarbejdet.",
        "ekspertpanel-2": "Målgruppens sammensætning bør følges tæt i 2019.",
    },
    "Neurocenter Østerskoven": {
        "ekspertpanel": "Sammenlægningen med Rehabiliteringscenter Strandgården styrker "
        "tilbuddet til borgere med erhvervet hjerneskade.",
    },
    "Rehabiliteringscenter Strandgården": {
        "ekspertpanel": "Tilbuddet indgår nu i Neurocenter Østerskoven; ingen særskilte "
        "bemærkninger.",
    },
    "Specialbørnehjemmet Kvisten": {
        "ekspertpanel": "Høj belægning, men tre unge kan flytte i 2019 på grund af alder. "
        "Kommunerne opfordres til at benytte tilbuddet.",
        "ekspertpanel-2": "Økonomien bør følges, når de unge flytter.",
    },
    "Institut for Syn og Hørelse": {
        "ekspertpanel": "Faldet i efterspørgslen på høreområdet er naturligt og endnu ikke et "
        "problem; de udvidede målgrupper er en styrke.",
    },
}


def _panel():
    """The panel's demo users, the chair (Eva) with her seat as formand in Ekspertpanelet."""
    from demo.meetings import SEATS_FROM, load_bodies
    from demo.organisations import load_demo_users
    from meetings.models import Body, BodyMember, BodyRole
    from meetings.services_members import member_add

    load_demo_users(only=set(PANEL))
    load_bodies()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=PANEL)}
    chair = users[PANEL[0]]
    body = Body.objects.get(code="ekspertpanelet")
    if not BodyMember.objects.filter(body=body, user=chair).exists():
        member_add(
            body=body,
            user=chair,
            name=chair.get_full_name(),
            organisation="Ekspertpanelet",
            role=BodyRole.CHAIR,
            starts_on=SEATS_FROM,
        )
    return users, chair


def _remarks(reporting_round, members: dict[str, Member]) -> None:
    from enhanced_cooperation.models import Remark
    from enhanced_cooperation.services_remarks import remark_finalise, remark_save

    if Remark.objects.filter(round=reporting_round).exists():
        return
    users, chair = _panel()
    for name, texts in REMARKS_2018.items():
        for username, text in texts.items():
            remark_save(
                user=users[username], round=reporting_round, member=members[name], text=text
            )
        remark_finalise(
            user=chair,
            remarks=Remark.objects.filter(round=reporting_round, member=members[name]),
            now=PANEL_MEETING,
        )
