"""Malformed PDF attachments: each upload is either refused with a Danish message (HTTP 400,
nothing stored) or accepted, and then "Dagsorden med bilag" builds with all accepted files."""

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from meetings import services
from meetings.attachment_check import MAX_PAGES
from meetings.models import Attachment, Body, Meeting
from meetings.pdf import meeting_for_pdf, render_pack_pdf
from tests.factories.meetings import bodies
from tests.fuzz import fuzz

BOXES = [
    "[0 0 595 842]",
    "[0 0 612]",
    "[0 0 a b]",
    "5",
    "[]",
    "[0 0 1e400 1]",
    "null",
    "[0 0 0 0]",
    "[0 0 -595 -842]",
    "[0 0 595 842 7]",
    "(x)",
    None,
]
KIDS = [
    "[3 0 R]",
    "[3 0 R 3 0 R]",
    "[1 0 R 1 0 R]",
    "[2 0 R]",
    "[3 0 R 2 0 R]",
    "[9 0 R]",
    "[]",
    "3 0 R",
    "[3 0 R 9 0 R]",
    "[" + "3 0 R " * (MAX_PAGES + 5) + "]",
]
COUNTS = ["1", "2", "1000000", "-1", "0", "x"]
CONTENTS = [b"BT /F1 12 Tf 72 720 Td (Bilag) Tj ET", b"garbage ((( [", b"q 1 0 0 1 0 0 cm Q", b""]
MESSAGES = ["Filen er ikke en PDF", "PDF-filen ", "Den indsendte fil er tom"]  # every refusal


def raw_pdf(box, kids, count, content, length_delta, xref_shift) -> bytes:
    media = f" /MediaBox {box}" if box is not None else ""
    stream = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content) + length_delta, content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids {kids} /Count {count} >>".encode(),
        f"<< /Type /Page /Parent 2 0 R{media} /Contents 4 0 R >>".encode(),
        stream,
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % max(0, offset + xref_shift) for offset in offsets)
    return out + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % start


def _valid() -> bytes:
    return raw_pdf("[0 0 595 842]", "[3 0 R]", "1", CONTENTS[0], 0, 0)


def encrypted() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_valid())))
    writer.encrypt("hemmelig")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def many_pages() -> bytes:
    writer = PdfWriter()
    for _ in range(MAX_PAGES + 1):
        writer.add_blank_page(100, 100)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


RAW = st.builds(
    raw_pdf,
    st.sampled_from(BOXES),
    st.sampled_from(KIDS),
    st.sampled_from(COUNTS),
    st.sampled_from(CONTENTS),
    st.sampled_from([0, 0, 5, -3, 10**6]),
    st.sampled_from([0, 0, 7, -9]),
)


@st.composite
def damaged(draw, source):
    data = bytearray(draw(source))
    how = draw(st.sampled_from(["none", "truncate", "flip"]))
    if how == "truncate":
        data = data[: draw(st.integers(min_value=0, max_value=len(data)))]
    elif how == "flip":
        for _ in range(draw(st.integers(min_value=1, max_value=5))):
            data[draw(st.integers(min_value=0, max_value=len(data) - 1))] = draw(
                st.integers(min_value=0, max_value=255)
            )
    return bytes(data)


FILES = st.one_of(
    damaged(RAW),
    RAW,
    st.binary(max_size=200),
    st.just(b"%PDF-1.7\n" + b"\x00" * 50),
    st.builds(lambda: encrypted()),
    st.builds(lambda: many_pages()),
)


@pytest.fixture
def planned(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    bodies()
    meeting = Meeting.objects.create(
        body=Body.objects.get(code="das"),
        date=dt.date(2019, 9, 10),
        starts_at=dt.time(13),
        ends_at=dt.time(15),
        venue="Rum 2",
    )
    services.item_create(meeting=meeting, section="decision", title="Budget 2020")
    return meeting


def upload(client, meeting, content: bytes):
    item = meeting.items.get()
    file = SimpleUploadedFile("bilag.pdf", content, content_type="application/pdf")
    return client.post(
        f"/moeder/{meeting.reference}/punkter/{item.pk}/bilag/", {"title": "Bilag", "file": file}
    )


def refusal(response) -> str:
    found = re.search(
        r'class="invalid-feedback[^"]*"[^>]*>\s*(?:<strong>)?([^<]+)', response.content.decode()
    )
    return found.group(1).strip() if found else ""


@pytest.mark.django_db
def test_every_malformed_pdf_is_refused_in_danish_or_the_pack_builds_with_it(
    client, secretariat, planned
):
    client.force_login(secretariat)
    outcomes = {"accepted": 0, "refused": 0}

    @fuzz
    @given(content=FILES)
    def probe(content):
        before = Attachment.objects.count()
        response = upload(client, planned, content)
        if response.status_code == 302:
            outcomes["accepted"] += 1
            assert Attachment.objects.count() == before + 1
        else:
            outcomes["refused"] += 1
            assert response.status_code == 400
            assert refusal(response).startswith(tuple(MESSAGES)), refusal(response)
            assert Attachment.objects.count() == before

    probe()
    assert outcomes["refused"] and outcomes["accepted"], outcomes
    pages = sum(len(PdfReader(io.BytesIO(a.file.read())).pages) for a in Attachment.objects.all())
    pack = PdfReader(io.BytesIO(render_pack_pdf(meeting_for_pdf(planned.reference))))
    assert len(pack.pages) > pages


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, message",
    [
        (raw_pdf("[0 0 612]", "[3 0 R]", "1", CONTENTS[0], 0, 0), "PDF-filen er beskadiget"),
        (raw_pdf("[0 0 595 842]", "[1 0 R 1 0 R]", "2", CONTENTS[0], 0, 0), "PDF-filen "),
        (encrypted(), "PDF-filen er beskyttet med adgangskode"),
        (many_pages(), f"PDF-filen har {MAX_PAGES + 1} sider"),
        (b"hello", "Filen er ikke en PDF, der kan læses."),
    ],
)
def test_the_files_that_broke_the_pack_are_refused_with_a_danish_message(
    client, secretariat, planned, content, message
):
    client.force_login(secretariat)
    response = upload(client, planned, content)
    assert response.status_code == 400
    assert refusal(response).startswith(message), refusal(response)
    assert not Attachment.objects.exists()


@pytest.mark.django_db
def test_a_good_pdf_is_accepted_and_placed_in_the_pack(client, secretariat, planned):
    client.force_login(secretariat)
    assert upload(client, planned, _valid()).status_code == 302
    render_pack_pdf(meeting_for_pdf(planned.reference))
