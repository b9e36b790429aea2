"""Bodies, meetings, attendance, agenda items and attachments. meeting_with_items() builds a
meeting with its items; das_meeting_of_21_may_2019() builds a full DAS meeting (15 items in
all five sections, attendance with a guest, three attachments) for the tests that number,
paginate and merge a whole agenda."""

import datetime as dt
import functools

import factory
from django.core.files.base import ContentFile

from meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Body,
    BodyMember,
    Mailing,
    Meeting,
    MeetingStatus,
)
from socialaftale.lib.pdf import render_pdf

BODIES = {  # short name -> (code, name)
    "DAS": ("das", "Den Administrative Styregruppe"),
    "KKR": ("kkr", "KKR Nordjylland"),
    "KDK": ("kdk", "Kommunaldirektørkredsen"),
    "FU Social": ("fu-social", "Fagligt Udvalg – Social"),
    "FU Beskæftigelse": ("fu-beskaeftigelse", "Fagligt Udvalg – Beskæftigelse"),
    "Ekspertpanelet": ("ekspertpanelet", "Ekspertpanelet"),
    "Koordinationsforum": ("koordinationsforum", "Koordinationsforum"),
}


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"organ-{n}")
    name = factory.LazyAttribute(lambda o: f"Organ {o.code}")
    short_name = factory.LazyAttribute(lambda o: o.code.upper())


def body(short_name: str = "DAS") -> Body:
    """One of the seven bodies of the agreement, by its short name ("DAS", "KKR", …)."""
    code, name = BODIES[short_name]
    return BodyFactory(code=code, name=name, short_name=short_name)


def bodies() -> list[Body]:
    """All seven bodies, as the portal has them."""
    return [body(short_name) for short_name in BODIES]


class BodyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMember

    body = factory.LazyFunction(body)
    name = factory.Sequence(lambda n: f"Medlem {n}")
    organisation = "Aalborg Kommune"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.LazyFunction(body)
    date = factory.Sequence(lambda n: dt.date(2019, 9, 10) + dt.timedelta(days=n))
    starts_at = dt.time(13)
    ends_at = dt.time(15)
    venue = "Regionshuset, mødelokale 2"
    status = MeetingStatus.PLANNED


class MailingFactory(factory.django.DjangoModelFactory):
    """A notice of the agenda that reached its one member."""

    class Meta:
        model = Mailing

    meeting = factory.SubFactory(MeetingFactory)
    kind = "publish"
    deliveries = factory.LazyFunction(
        lambda: [{"name": "Medlem", "email": "medlem@example.dk", "state": "sent", "reason": ""}]
    )
    pending = False


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Deltager {n}")
    organisation = "Aalborg Kommune"
    kind = "present"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    section = "decision"
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Punkt {n}")


BREAK = ' style="break-before: page"'


@functools.cache
def a_pdf(title: str, pages: int = 1) -> bytes:
    """A small PDF with the title on each of its pages (rendered once per run: the same HTML
    gives the same PDF)."""
    body = "".join(
        f"<section{BREAK if n > 1 else ''}><h1>{title}</h1><p>Bilag, side {n} af {pages}.</p>"
        "</section>"
        for n in range(1, pages + 1)
    )
    return render_pdf(f'<html lang="da"><body>{body}</body></html>')


class AttachmentFactory(factory.django.DjangoModelFactory):
    """An uploaded PDF attachment of `pages` pages, each headed with its title."""

    class Meta:
        model = Attachment

    class Params:
        pages = 1

    item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Bilag {n}")
    position = 0
    file = factory.LazyAttribute(lambda o: ContentFile(a_pdf(o.title, o.pages), name="bilag.pdf"))


def meeting_with_items(short_name="DAS", *, items=(), **fields) -> Meeting:
    """A meeting of the body with its items in order: each a (section, title) pair or a dict
    of AgendaItem fields."""
    meeting = MeetingFactory(body=body(short_name), **fields)
    for position, item in enumerate(items):
        values = (
            item if isinstance(item, dict) else dict(zip(("section", "title"), item, strict=True))
        )
        AgendaItemFactory(meeting=meeting, position=position, **values)
    return meeting


APPROVE, DISCUSS, NOTE = "godkender", "drøfter", "tager til efterretning"
DAS_ITEMS = [  # section, title, recommendation (verb, text) or None, body heading
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
# Item numbers 3 and 5-8 have two paragraphs of background, so they fill their own pages while
# the short ones share a page.
LONG_ITEMS = {2, 4, 5, 6, 7}
DAS_ATTACHMENTS = {  # item title -> (attachment title, pages)
    "Årsrapport Socialtilsyn Nord": ("Årsrapport 2018 – sammenfatning", 2),
    "Udgiftsanalyse 2019": ("Udgiftsanalyse 2019 – tabeller", 3),
    "Børnehus Nords budget 2019": ("Budget 2019 for Børnehus Nord", 1),
}
DAS_PEOPLE = [  # name, organisation, role, kind; the first three are members of DAS
    ("Anne Formand", "Aalborg Kommune", "formand", "present"),
    ("Bent Direktør", "Hjørring Kommune", "", "present"),
    ("Camilla Chef", "Region Nordjylland", "", "present"),
    ("Dorte Direktør", "Thisted Kommune", "", "apologies"),
    ("Erik Sekretariat", "Sekretariatet for Nordjysk Socialaftale", "ref.", "present"),
    ("Frida Tilsyn", "Socialtilsyn Nord", "", "guest"),
]
GUEST_ITEM = "Årsrapport Socialtilsyn Nord"  # Frida Tilsyn attends this item only


def _background(title: str) -> str:
    paragraph = (
        f"Punktet »{title}« følger op på drøftelsen på sidste møde. Sekretariatet har samlet "
        "kommunernes og regionens bidrag, beskrevet de muligheder, styregruppen kan vælge "
        "imellem, og hvad hver af dem betyder for tilbuddene og for borgerne."
    )
    return f"{paragraph}\n\n{paragraph}"


def _das_item(meeting: Meeting, position: int, row: tuple) -> AgendaItem:
    section, title, recommendation, heading = row
    return AgendaItemFactory(
        meeting=meeting,
        section=section,
        position=position,
        title=title,
        summary=(
            f"Sekretariatet har forberedt punktet »{title}« til mødet. Materialet er sendt ud "
            "sammen med dagsordenen, og sekretariatet gennemgår hovedpunkterne på mødet."
        ),
        body_heading=heading,
        background=_background(title) if position in LONG_ITEMS else "",
        recommendations=[list(recommendation)] if recommendation else [],
        decision="Indstillingen blev fulgt.",
    )


def das_meeting_of_21_may_2019(*, status=MeetingStatus.MINUTES_APPROVED) -> Meeting:
    """DAS-2019-05-21: 15 items, the decisions taken ("Indstillingen blev fulgt."), six people
    attending (one with apologies, one guest for item 4) and three uploaded attachments:
    item 4 two pages, item 5 three, item 15 one."""
    bodies()
    meeting = MeetingFactory(
        body=body("DAS"),
        date=dt.date(2019, 5, 21),
        starts_at=dt.time(13),
        ends_at=dt.time(16),
        status=status,
        venue="Regionshuset, Niels Bohrs Vej 30, 9220 Aalborg Øst, mødelokale 2",
    )
    for name, organisation, role, _kind in DAS_PEOPLE[:3]:
        BodyMemberFactory(body=meeting.body, name=name, organisation=organisation, role=role)
    items = {row[1]: _das_item(meeting, position, row) for position, row in enumerate(DAS_ITEMS)}
    for position, (name, organisation, role, kind) in enumerate(DAS_PEOPLE):
        AttendanceFactory(
            meeting=meeting,
            name=name,
            organisation=organisation,
            role=role,
            kind=kind,
            position=position,
            item=items[GUEST_ITEM] if kind == "guest" else None,
        )
    for item_title, (title, pages) in DAS_ATTACHMENTS.items():
        AttachmentFactory(item=items[item_title], title=title, pages=pages)
    return meeting
