"""The demo DAS meeting of 21 May 2019 (SPEC §7): 15 items in their sections, attendance and
short demo texts written for the portal (no decisions that contradict SPEC §§3-6)."""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction

from meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Body,
    BodyMember,
    BodyRole,
    Meeting,
    MeetingStatus,
    body_role_of,
)
from socialaftale.lib.pdf import render_pdf

BODIES = [
    ("das", "Den Administrative Styregruppe", "DAS"),
    ("kkr", "KKR Nordjylland", "KKR"),
    ("kdk", "Kommunaldirektørkredsen", "KDK"),
    ("fu-social", "Fagligt Udvalg – Social", "FU Social"),
    ("fu-beskaeftigelse", "Fagligt Udvalg – Beskæftigelse", "FU Beskæftigelse"),
    ("ekspertpanelet", "Ekspertpanelet", "Ekspertpanelet"),
    ("koordinationsforum", "Koordinationsforum", "Koordinationsforum"),
]
APPROVE, DISCUSS, NOTE = "godkender", "drøfter", "tager til efterretning"
EC_ITEM = "Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet"
ITEMS = [  # section, title, recommendation (verb, text) or None, body heading
    ("welcome", "Godkendelse af dagsorden", (APPROVE, "dagsordenen"), "presentation"),
    (
        "welcome",
        "Godkendelse af referat fra mødet den 26. marts",
        (APPROVE, "referatet"),
        "presentation",
    ),
    (
        "decision",
        "Mandat for arbejdsgruppen vedr. socialfagligt fokus på beskæftigelse",
        (APPROVE, "mandatet for arbejdsgruppen"),
        "presentation",
    ),
    ("decision", "Årsrapport Socialtilsyn Nord", (NOTE, "årsrapporten"), "presentation"),
    ("decision", "Udgiftsanalyse 2019", (DISCUSS, "udgiftsanalysen"), "monitoring"),
    (
        "decision",
        "Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet",
        (DISCUSS, "årsrapporterne og de fremadrettede tilbud"),
        "discussion",
    ),
    (
        "decision",
        "Henvendelse fra Socialstyrelsen vedr. Hjerneskadecenter Nordjylland",
        (DISCUSS, "henvendelsen og sekretariatets udkast til svar"),
        "discussion",
    ),
    (
        "decision",
        "Tilbud omfattet af Styringsaftalen",
        (APPROVE, "listen over tilbud omfattet af styringsaftalen"),
        "presentation",
    ),
    (
        "information",
        "Status på udmøntningen af Nordjysk Socialaftale",
        (NOTE, "orienteringen"),
        "information",
    ),
    (
        "information",
        "Orientering vedr. møde i Koordinationsforum",
        (NOTE, "orienteringen"),
        "information",
    ),
    (
        "information",
        "Orientering vedr. møde med Socialstyrelsen",
        (NOTE, "orienteringen"),
        "information",
    ),
    ("information", "Orientering fra KKR sekretariatet", (NOTE, "orienteringen"), "information"),
    ("closing", "Evt.", None, "information"),
    ("closing", "Næste møde", None, "information"),
    ("municipal", "Børnehus Nords budget 2019", (NOTE, "budgettet"), "presentation"),
]
# Longer demo texts (written for the portal) for the items that are discussed at length, so
# those items fill their own pages while the short ones share a page.
BACKGROUND = {
    "Mandat for arbejdsgruppen vedr. socialfagligt fokus på beskæftigelse": (
        "DAS besluttede på mødet den 26. marts at nedsætte en arbejdsgruppe, der skal se på, "
        "hvordan de specialiserede tilbud i højere grad kan understøtte borgernes vej mod "
        "uddannelse og beskæftigelse.\n\nArbejdsgruppen består af repræsentanter fra fire "
        "kommuner og regionen og refererer til FU Social og FU Beskæftigelse."
    ),
    "Udgiftsanalyse 2019": (
        "Kommunerne har indsendt borgerlister for januar 2019. Analysen sammenligner udgiften "
        "i januar 2019 med januar 2016 for de samme borgere og holder resultatet op mod målet "
        "om 5 % lavere udgifter i 2020, som for 2019 svarer til et akkumuleret mål på 4 %.\n\n"
        "Resultaterne opgøres samlet og pr. handlekommune."
    ),
    "Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet": (
        "Tilbuddene i det forstærkede samarbejde har afleveret årsrapporter for 2018 med "
        "belægning, økonomi og faglig udvikling.\n\nSekretariatet har samlet rapporterne og "
        "peger på, hvilke tilbud der fremadrettet bør være omfattet af samarbejdet."
    ),
    "Henvendelse fra Socialstyrelsen vedr. Hjerneskadecenter Nordjylland": (
        "Socialstyrelsen har spurgt til kapaciteten og de faglige kompetencer på "
        "Hjerneskadecenter Nordjylland som led i den nationale koordinationsstruktur.\n\n"
        "Sekretariatet har udarbejdet et udkast til svar i samarbejde med driftsherren."
    ),
    "Tilbud omfattet af Styringsaftalen": (
        "Et tilbud er omfattet af styringsaftalen, når mindst én anden kommune end "
        "driftsherren køber pladser i tilbuddet. Listen er opdateret ud fra kommunernes "
        "køb i 2019, og undtagelser aftalt bilateralt er markeret."
    ),
}
PEOPLE = [  # name, organisation, role, kind
    ("Anne Formand", "Aalborg Kommune", "formand", "present"),
    ("Bent Direktør", "Hjørring Kommune", "", "present"),
    ("Camilla Chef", "Region Nordjylland", "", "present"),
    ("Dorte Direktør", "Thisted Kommune", "", "apologies"),
    ("Erik Sekretariat", "Sekretariatet for Nordjysk Socialaftale", "ref.", "present"),
    ("Frida Tilsyn", "Socialtilsyn Nord", "", "guest"),
]
GUEST_ITEMS = {"Frida Tilsyn": "Årsrapport Socialtilsyn Nord"}  # a guest for one item only


def _attend(meeting: Meeting, position: int, person: tuple[str, str, str, str]) -> Attendance:
    name, organisation, role, kind = person
    return Attendance.objects.create(
        meeting=meeting,
        name=name,
        organisation=organisation,
        role=role,
        kind=kind,
        position=position,
    )


# The demo's seats run from the start of the period before the demo's meetings (2019).
SEATS_FROM = dt.date(2018, 1, 1)
# A former member of DAS, whose seat ended before the demo's meetings: listed as former on the
# body's page, not filled into the meetings, not mailed.
FORMER_MEMBER = (
    "Ole Tidligere",
    {
        "organisation": "Jammerbugt Kommune",
        "role": BodyRole.MEMBER,
        "starts_on": dt.date(2014, 1, 1),
        "ends_on": dt.date(2017, 12, 31),
    },
)


def load_bodies() -> None:
    for code, name, short in BODIES:
        Body.objects.update_or_create(code=code, defaults={"name": name, "short_name": short})


def _text(title: str) -> str:
    return (
        f"Sekretariatet har forberedt punktet »{title}« til mødet. Materialet er sendt ud "
        "sammen med dagsordenen, og sekretariatet gennemgår hovedpunkterne på mødet."
    )


@transaction.atomic
def load_demo_meeting() -> Meeting:
    load_bodies()
    das = Body.objects.get(code="das")
    for name, organisation, role, _kind in PEOPLE[:3]:
        BodyMember.objects.get_or_create(
            body=das,
            name=name,
            defaults={
                "organisation": organisation,
                "role": body_role_of(role),
                "starts_on": SEATS_FROM,
            },
        )
    BodyMember.objects.get_or_create(body=das, name=FORMER_MEMBER[0], defaults=FORMER_MEMBER[1])
    meeting, created = Meeting.objects.get_or_create(
        body=das,
        date=dt.date(2019, 5, 21),
        defaults={
            "starts_at": dt.time(13),
            "status": MeetingStatus.MINUTES_APPROVED,
            "ends_at": dt.time(16),
            "venue": "Regionshuset, Niels Bohrs Vej 30, 9220 Aalborg Øst, mødelokale 2",
        },
    )
    if not created:
        return meeting
    for position, person in enumerate(PEOPLE):
        _attend(meeting, position, person)
    for position, (section, title, verb, heading) in enumerate(ITEMS):
        item = AgendaItem.objects.create(
            meeting=meeting,
            section=section,
            position=position,
            title=title,
            summary=_text(title),
            body_heading=heading,
            background=BACKGROUND.get(title, ""),
            recommendations=[list(verb)] if verb else [],
            decision="Indstillingen blev fulgt.",
        )
        if title == "Udgiftsanalyse 2019" and _attach_analysis(item):
            continue
        if title == EC_ITEM and _attach_enhanced_cooperation(item):
            continue
        if title in DEMO_ATTACHMENTS:
            _attach(item, *DEMO_ATTACHMENTS[title])
    for name, title in GUEST_ITEMS.items():
        meeting.attendance.filter(name=name).update(item=meeting.items.get(title=title))
    return meeting


PANEL_ITEMS = [  # section, title, recommendation (verb, text) or None
    ("welcome", "Godkendelse af dagsorden", (APPROVE, "dagsordenen")),
    (
        "decision",
        "Det forstærkede samarbejde – årsrapporter 2018",
        (DISCUSS, "årsrapporterne og skriver sine bemærkninger"),
    ),
    (
        "decision",
        "Indmeldinger af nye tilbud til det forstærkede samarbejde",
        (NOTE, "at der ikke er modtaget indmeldinger"),
    ),
    ("closing", "Evt.", None),
]


@transaction.atomic
def load_demo_panel_meeting() -> Meeting:
    """The expert panel's meeting of 24 April 2019 (SPEC §6: it treats the annual reports and
    the nominations in April, before DAS in May), its minutes approved."""
    load_bodies()
    panel = Body.objects.get(code="ekspertpanelet")
    meeting, created = Meeting.objects.get_or_create(
        body=panel,
        date=dt.date(2019, 4, 24),
        defaults={
            "starts_at": dt.time(10),
            "ends_at": dt.time(12),
            "status": MeetingStatus.MINUTES_APPROVED,
            "venue": "Regionshuset, Niels Bohrs Vej 30, 9220 Aalborg Øst",
        },
    )
    if not created:
        return meeting
    Attendance.objects.create(
        meeting=meeting,
        name="Erik Sekretariat",
        role="ref.",
        organisation="Sekretariatet for Nordjysk Socialaftale",
        kind="present",
    )
    for position, (section, title, verb) in enumerate(PANEL_ITEMS):
        AgendaItem.objects.create(
            meeting=meeting,
            section=section,
            position=position,
            title=title,
            summary=_text(title),
            recommendations=[list(verb)] if verb else [],
            decision="Indstillingen blev fulgt.",
        )
    return meeting


def _attach_generated(item: AgendaItem, choice: str) -> None:
    """The item becomes the generated one (SPEC §7): its text and recommendations from the
    data, its attachment the owning app's PDF (rendered by the documents app)."""
    from documents import agenda_sources
    from documents.services import document_request

    spec = agenda_sources.build(choice)
    item.summary, item.recommendations = spec.summary, spec.recommendations
    item.save(update_fields=["summary", "recommendations"])
    document = document_request(kind=spec.kind, params=spec.params, user=None)
    Attachment.objects.create(item=item, title=spec.attachment_title, document=document)


def _attach_analysis(item: AgendaItem) -> bool:
    """With a computed monitoring run for January 2019, the item is the generated one: its text
    from the run and the analysis report as its attachment."""
    from monitoring.models import AnalysisRun

    run = (
        AnalysisRun.objects.filter(measure="2019-01", result__isnull=False)
        .order_by("-version")
        .first()
    )
    if run is None:
        return False
    spec_recommendations = item.recommendations
    _attach_generated(item, f"analysis:{run.pk}")
    item.recommendations = spec_recommendations  # the minutes' own wording (as decided)
    item.save(update_fields=["recommendations"])
    return True


def _attach_enhanced_cooperation(item: AgendaItem) -> bool:
    """With the enhanced cooperation's 2019 round in the data (demo/enhanced_cooperation.py),
    item 6 is generated from it: the reports for 2018, the panel's remarks, the flags, the
    nominations (none) and the recommendation."""
    from submissions.models import ReportingRound, RoundKind

    reporting_round = ReportingRound.objects.filter(kind=RoundKind.ANNUAL_REPORT, year=2019).first()
    if reporting_round is None:
        return False
    _attach_generated(item, f"enhanced_cooperation:{reporting_round.pk}")
    return True


KKR_PEOPLE = [  # name, organisation, role, kind
    ("Gitte Borgmester", "Frederikshavn Kommune", "formand", "present"),
    ("Hans Borgmester", "Aalborg Kommune", "", "present"),
    ("Ida Borgmester", "Hjørring Kommune", "", "apologies"),
    ("Erik Sekretariat", "Sekretariatet for Nordjysk Socialaftale", "ref.", "present"),
]


@transaction.atomic
def load_demo_kkr_meeting() -> Meeting | None:
    """A planned KKR meeting after the DAS meeting: the Udgiftsanalyse item forwarded from DAS
    with its history and attachment, and the generated Socialtilsyn Nord budget item."""
    from documents import agenda_sources
    from meetings import services

    das = Meeting.objects.filter(reference="DAS-2019-05-21").first()
    if das is None:
        return None
    kkr = Body.objects.get(code="kkr")
    meeting, created = Meeting.objects.get_or_create(
        body=kkr,
        date=dt.date(2019, 6, 20),
        defaults={
            "starts_at": dt.time(10),
            "ends_at": dt.time(12),
            "venue": "Aalborg Rådhus, Boulevarden 13, 9000 Aalborg",
        },
    )
    if not created:
        return meeting
    for position, (name, organisation, role, kind) in enumerate(KKR_PEOPLE):
        _attend(meeting, position, (name, organisation, role, kind))
        if kind == "present" and role != "ref.":
            defaults = {
                "organisation": organisation,
                "role": body_role_of(role),
                "starts_on": SEATS_FROM,
            }
            BodyMember.objects.get_or_create(body=kkr, name=name, defaults=defaults)
    welcome = services.item_create(
        meeting=meeting, section="welcome", title="Godkendelse af dagsorden"
    )
    welcome.summary = _text(welcome.title)
    welcome.recommendations = [[APPROVE, "dagsordenen"]]
    welcome.save()
    services.item_forward(item=das.items.get(title="Udgiftsanalyse 2019"), target=meeting)
    if "2019" in dict(agenda_sources.sources()["budget"].choices()):
        services.item_generate(meeting=meeting, choice="budget:2019", user=None)
    services.item_create(meeting=meeting, section="closing", title="Evt.")
    return meeting


# Small demo attachments (written for the portal), so the pack has something to merge.
DEMO_ATTACHMENTS = {
    "Årsrapport Socialtilsyn Nord": ("Årsrapport 2018 – sammenfatning", 2),
    "Udgiftsanalyse 2019": ("Udgiftsanalyse 2019 – tabeller", 3),
    "Børnehus Nords budget 2019": ("Budget 2019 for Børnehus Nord", 1),
}


def _attach(item: AgendaItem, title: str, pages: int) -> None:
    body = "".join(
        f'<section class="demo-page"><h1>{title}</h1><p>Demobilag, side {n} af '
        f"{pages}.</p></section>"
        for n in range(1, pages + 1)
    )
    attachment = Attachment(item=item, title=title, position=0)
    pdf = render_pdf(f'<html lang="da"><body>{body}</body></html>')
    attachment.file.save(f"demobilag-{item.pk}.pdf", ContentFile(pdf))


def load_demo_meeting_documents() -> None:
    """The DAS and the expert panel's demo meetings' Dagsorden, Dagsorden med bilag and
    Referat, made as the status steps make them (in Celery), so a member who logs in finds
    them."""
    from documents.models import GeneratedDocument
    from documents.services import document_request

    references = Meeting.objects.filter(
        reference__in=["DAS-2019-05-21", "Ekspertpanelet-2019-04-24"]
    ).values_list("reference", flat=True)
    for reference in references:
        for document in ("agenda", "pack", "minutes"):
            params = {"meeting": reference, "document": document}
            documents = GeneratedDocument.objects.filter(kind="meetings.document", params=params)
            if not documents.exists():
                with transaction.atomic():
                    document_request(kind="meetings.document", params=params, user=None)


def link_demo_members() -> None:
    """The demo users who are members of DAS or KKR become members of the body with their
    user, so the body's e-mails (the information e-mail of a cancelled meeting) reach them."""
    from meetings.access import EXPERT_PANEL_BODY
    from organisations.models import Membership, Role

    memberships = Membership.objects.filter(role__in=[Role.BODY_MEMBER, Role.EXPERT_PANEL])
    for membership in memberships.select_related("user"):
        short_name = EXPERT_PANEL_BODY if membership.role == Role.EXPERT_PANEL else membership.body
        body = Body.objects.filter(short_name=short_name).first()
        if body is None:
            continue
        BodyMember.objects.get_or_create(
            body=body,
            user=membership.user,
            defaults={
                "name": membership.user.get_full_name() or membership.user.username,
                "organisation": "Demokommune",
                "starts_on": SEATS_FROM,
            },
        )
