"""Issue 11 #17, the meetings' part: the expert panel reads Ekspertpanelet's meetings (menu,
start-page card with the right count, list); a pack's attachment page carries one page number,
the pack's; a guest who attends one item is named at that item."""

import datetime as dt
import io
import shutil
import subprocess

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from pypdf import PdfReader

from meetings import services
from meetings.models import Attendance, Body, Meeting, MeetingStatus
from meetings.pdf import meeting_for_pdf, render_meeting_pdf, render_pack_pdf
from organisations.models import Role
from socialaftale.lib.pdf import render_pdf
from tests.factories import MembershipFactory, UserFactory
from tests.factories.meetings import bodies


@pytest.fixture
def panel_member(db):
    user = UserFactory(username="ekspertpanel")
    MembershipFactory(user=user, role=Role.EXPERT_PANEL)
    return user


def meeting_of(code: str, date: dt.date, status: str) -> Meeting:
    bodies()
    meeting = Meeting.objects.create(
        body=Body.objects.get(code=code),
        date=date,
        starts_at=dt.time(10),
        ends_at=dt.time(12),
        venue="Rum 2",
    )
    services.item_create(meeting=meeting, section="decision", title="Årsrapporter 2018")
    Meeting.objects.filter(pk=meeting.pk).update(status=status)
    meeting.refresh_from_db()
    return meeting


# --- The expert panel's meetings ---


@pytest.mark.django_db
def test_the_expert_panel_sees_its_meetings_in_the_menu_card_and_list(client, panel_member):
    held = meeting_of("ekspertpanelet", dt.date(2019, 4, 24), MeetingStatus.MINUTES_APPROVED)
    meeting_of("ekspertpanelet", dt.date(2019, 10, 2), MeetingStatus.PLANNED)  # not yet out
    das = meeting_of("das", dt.date(2019, 5, 21), MeetingStatus.MINUTES_APPROVED)
    client.force_login(panel_member)
    home = client.get("/").content.decode()
    assert '<a class="nav-link" href="/moeder/">Møder</a>' in home
    assert '<a href="/moeder/">1 møde</a>' in home
    listing = client.get("/moeder/").content.decode()
    assert "1 møde" in listing and held.reference in listing and das.reference not in listing
    assert client.get(f"/moeder/{held.reference}/").status_code == 200
    assert client.get(f"/moeder/{das.reference}/").status_code == 404


@pytest.mark.django_db
def test_a_das_member_sees_no_expert_panel_meetings(client, das_member):
    panel = meeting_of("ekspertpanelet", dt.date(2019, 4, 24), MeetingStatus.MINUTES_APPROVED)
    client.force_login(das_member)
    assert client.get(f"/moeder/{panel.reference}/").status_code == 404
    assert '<a href="/moeder/">0 møder</a>' in client.get("/").content.decode()


# --- One page number on an attachment page of the pack ---

# An uploaded document with its own page numbers at the bottom left, as many word processors
# print them ("Side 1 af 2").
OWN_NUMBERS = """<html lang="da"><head><style>
@page { @bottom-left { content: "Side " counter(page) " af " counter(pages); font-size: 14pt; }
        @bottom-right { content: none; } }
section + section { break-before: page; }
</style></head><body><section><p>Bilagets tekst</p></section><section><p>Side to</p></section>
</body></html>"""


def dark_pixels(png: bytes, box: tuple[float, float, float, float]) -> int:
    """Dark pixels in the box (left, top, right, bottom as fractions of the page)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    left, top, right, bottom = box
    region = image.crop(
        (int(left * width), int(top * height), int(right * width), int(bottom * height))
    )
    return sum(region.histogram()[:128])


def page_png(pdf: bytes, page: int, folder) -> bytes:
    (folder / "pack.pdf").write_bytes(pdf)
    subprocess.run(  # noqa: S603 - a fixed local program on our own file
        [
            "pdftoppm",
            "-r",
            "50",
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),  # noqa: S607
            str(folder / "pack.pdf"),
            str(folder / "page"),
        ],
        check=True,
    )
    return (folder / "page.png").read_bytes()


@pytest.mark.django_db
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler) is missing")
def test_an_attachment_page_in_the_pack_shows_only_the_packs_page_number(tmp_path):
    meeting = meeting_of("das", dt.date(2019, 9, 10), MeetingStatus.PLANNED)
    attachment = ContentFile(render_pdf(OWN_NUMBERS), name="bilag.pdf")
    services.attachment_add(item=meeting.items.get(), title="Notat", file=attachment)
    pack = render_pack_pdf(meeting_for_pdf(meeting.reference))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pack)).pages]
    first = next(i for i, text in enumerate(pages) if "Bilagets tekst" in text) + 1
    assert f"Bilag 1 · {first}/{len(pages)}" in pages[first - 1]
    png = page_png(pack, first, tmp_path)
    foot_left, foot_right = (0.0, 0.95, 0.5, 1.0), (0.5, 0.95, 1.0, 1.0)
    assert dark_pixels(png, foot_left) == 0  # the document's own "Side 1 af 2" is covered
    assert dark_pixels(png, foot_right) > 0  # the pack's "Bilag 1 · n/N", where all are
    assert dark_pixels(png, (0.5, 0.0, 1.0, 0.05)) == 0  # and no second number at the top


# --- A guest for one item ---


@pytest.mark.django_db
@pytest.mark.parametrize("minutes", [False, True])
def test_a_guest_for_one_item_is_named_at_that_item(minutes):
    meeting = meeting_of("das", dt.date(2019, 9, 10), MeetingStatus.PLANNED)
    services.item_create(meeting=meeting, section="welcome", title="Velkomst")
    item = meeting.items.get(title="Årsrapporter 2018")  # item 2, after the welcome
    Attendance.objects.create(
        meeting=meeting,
        name="Frida Tilsyn",
        kind="guest",
        organisation="Socialtilsyn Nord",
        item=item,
    )
    Attendance.objects.create(meeting=meeting, name="Gert Gæst", kind="guest", organisation="KL")
    pdf = render_meeting_pdf(meeting_for_pdf(meeting.reference), minutes=minutes)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    assert "Gæster Frida Tilsyn (Socialtilsyn Nord) – punkt 2, Gert Gæst (KL)" in pages[0]
    at_item = next(p for p in pages[1:] if "2. Årsrapporter 2018" in p)
    assert "Gæst under punktet: Frida Tilsyn (Socialtilsyn Nord)" in at_item
    welcome = next(p for p in pages[1:] if "1. Velkomst" in p)
    assert "Frida Tilsyn" not in welcome.split("2. Årsrapporter 2018")[0]
