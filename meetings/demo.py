"""The demo DAS meeting of 21 May 2019 (SPEC §7): 15 items in their sections, attendance and
short demo texts written for the portal (no decisions that contradict SPEC §§3-6)."""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction

from socialaftale.lib.pdf import render_pdf

from .models import AgendaItem, Attachment, Attendance, Body, BodyMember, Meeting, MeetingStatus

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
ITEMS = [  # section, title, recommendation (verb, text) or None, body heading
    ("welcome", "Godkendelse af dagsorden", (APPROVE, "dagsordenen"), "presentation"),
    ("welcome", "Godkendelse af referat fra mødet den 26. marts", (APPROVE, "referatet"),
     "presentation"),
    ("decision", "Mandat for arbejdsgruppen vedr. socialfagligt fokus på beskæftigelse",
     (APPROVE, "mandatet for arbejdsgruppen"), "presentation"),
    ("decision", "Årsrapport Socialtilsyn Nord", (NOTE, "årsrapporten"), "presentation"),
    ("decision", "Udgiftsanalyse 2019", (DISCUSS, "udgiftsanalysen"), "monitoring"),
    ("decision", "Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet",
     (DISCUSS, "årsrapporterne og de fremadrettede tilbud"), "discussion"),
    ("decision", "Henvendelse fra Socialstyrelsen vedr. Hjerneskadecenter Nordjylland",
     (DISCUSS, "henvendelsen og sekretariatets udkast til svar"), "discussion"),
    ("decision", "Tilbud omfattet af Styringsaftalen",
     (APPROVE, "listen over tilbud omfattet af styringsaftalen"), "presentation"),
    ("information", "Status på udmøntningen af Nordjysk Socialaftale", (NOTE, "orienteringen"),
     "information"),
    ("information", "Orientering vedr. møde i Koordinationsforum", (NOTE, "orienteringen"),
     "information"),
    ("information", "Orientering vedr. møde med Socialstyrelsen", (NOTE, "orienteringen"),
     "information"),
    ("information", "Orientering fra KKR sekretariatet", (NOTE, "orienteringen"), "information"),
    ("closing", "Evt.", None, "information"),
    ("closing", "Næste møde", None, "information"),
    ("municipal", "Børnehus Nords budget 2019", (NOTE, "budgettet"), "presentation"),
]  # fmt: skip
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
        "i januar 2019 med januar 2016 for de samme borgere og holder resultatet op mod det "
        "aftalte mål om en reduktion på 5 %.\n\nResultaterne opgøres samlet og pr. handlekommune."
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
]  # fmt: skip


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
            body=das, name=name, defaults={"organisation": organisation, "role": role}
        )
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
    for position, (name, organisation, role, kind) in enumerate(PEOPLE):
        Attendance.objects.create(
            meeting=meeting,
            name=name,
            organisation=organisation,
            role=role,
            kind=kind,
            position=position,
        )
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
        if title in DEMO_ATTACHMENTS:
            _attach(item, *DEMO_ATTACHMENTS[title])
    return meeting


# Small demo attachments (written for the portal), so the pack has something to merge.
DEMO_ATTACHMENTS = {
    "Årsrapport Socialtilsyn Nord": ("Årsrapport 2018 – sammenfatning", 2),
    "Udgiftsanalyse 2019": ("Udgiftsanalyse 2019 – tabeller", 3),
    "Børnehus Nords budget 2019": ("Budget 2019 for Børnehus Nord", 1),
}


def _attach(item: AgendaItem, title: str, pages: int) -> None:
    body = "".join(f'<section class="demo-page"><h1>{title}</h1><p>Demobilag, side {n} af '
                   f"{pages}.</p></section>" for n in range(1, pages + 1))  # fmt: skip
    attachment = Attachment(item=item, title=title, position=0)
    pdf = render_pdf(f'<html lang="da"><body>{body}</body></html>')
    attachment.file.save(f"demobilag-{item.pk}.pdf", ContentFile(pdf))
