"""An uploaded attachment is accepted only if the agenda with attachments can use it: every
page is placed and stamped by the pack's own code (meetings/pdf.py) and the result written and
read back, in a child process with time and memory limits. Whatever goes wrong becomes one
Danish message; a pack never fails on an attachment that was accepted.

A file that reads cleanly in pypdf's strict mode is stored as uploaded. A damaged file that
only the lenient reader can repair is stored as the copy pypdf writes of its pages, read back
and checked: a repair made one way at upload time can come out differently (or fail) when
the pack reads the file again, while a copy pypdf wrote itself has every stream with its true
length and reads the same way every time."""

import io
from functools import lru_cache

from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter

from socialaftale.lib.sandbox import ChildFailed, LimitExceeded, run_limited

from .pdf import apply_stamps, place_page, render_stamps, write_pack

MAX_PAGES = 300
CHECK_SECONDS = 20
CHECK_MEMORY_MB = 512
A4_POINTS = (595.28, 841.89)


class AttachmentRefused(Exception):
    """The message says, in Danish, why the file cannot be an attachment."""


def check_attachment(data: bytes) -> tuple[int, bytes]:
    """(pages, the copy to store) of an attachment the pack can use; AttachmentRefused
    otherwise."""
    try:
        outcome, value = run_limited(
            _try_pack, data, _sample_stamp(), seconds=CHECK_SECONDS, memory_mb=CHECK_MEMORY_MB
        )
    except LimitExceeded:
        raise AttachmentRefused(
            _(
                "The PDF is too heavy to check (it takes too long or too much memory); save it "
                "again as PDF, e.g. with “Print to PDF”, and upload that copy."
            )
        ) from None
    except ChildFailed:
        raise AttachmentRefused(_damaged()) from None
    if outcome == "refused":
        raise AttachmentRefused(value)
    return value


def _damaged() -> str:
    return _(
        "The PDF is damaged: its pages cannot be placed in the agenda with attachments. "
        "Save it again as PDF, e.g. with “Print to PDF”, and upload that copy."
    )


@lru_cache(maxsize=1)
def _sample_stamp() -> bytes:
    return render_stamps(["1 · 1/1"])


def _try_pack(data: bytes, stamp_pdf: bytes) -> tuple[str, object]:
    """In the child: ("pages", (n, copy)) or ("refused", message). Any exception is a damaged
    file."""
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        return "refused", _("The PDF is password protected; upload a copy without a password.")
    count = len(reader.pages)
    if not count:
        return "refused", _("The PDF has no pages.")
    if count > MAX_PAGES:
        return "refused", _(
            "The PDF has %(count)s pages; an attachment can have at most %(max)s."
        ) % {"count": count, "max": MAX_PAGES}
    copy = data if _reads_strictly(data) else _rewritten(reader)
    reader = PdfReader(io.BytesIO(copy))
    if len(reader.pages) != count:
        return "refused", _damaged()
    writer = PdfWriter()
    for _index in range(count):
        writer.add_blank_page(*A4_POINTS)
    for index in range(count):
        place_page(writer, index, reader.pages[index])
    stamp = PdfReader(io.BytesIO(stamp_pdf)).pages[0]
    apply_stamps(writer, [(index, stamp) for index in range(count)])
    written = PdfReader(io.BytesIO(write_pack(writer)))
    if len(written.pages) != count or any(not page.mediabox for page in written.pages):
        return "refused", _damaged()
    return "pages", (count, copy)


def _reads_strictly(data: bytes) -> bool:
    try:
        for page in PdfReader(io.BytesIO(data), strict=True).pages:
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()
    except Exception:  # any complaint of the strict reader: store a repaired copy instead
        return False
    return True


def _rewritten(reader: PdfReader) -> bytes:
    """The upload's pages as pypdf writes them; every content stream is decoded once, so a
    stream the reader cannot make sense of refuses the file here rather than in a pack."""
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    for page in PdfReader(io.BytesIO(buffer.getvalue())).pages:
        contents = page.get_contents()
        if contents is not None:
            contents.get_data()
    return buffer.getvalue()
