"""Render times of the meeting documents beside WeasyPrint rendering the same HTML directly
(the ratio is our overhead: the template, the fonts and CSS, and for the pack the merge)."""

import io
import statistics
import time

from django.core.files.base import ContentFile
from django.template.loader import render_to_string

REPEAT = 3


def _median(function) -> float:
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def _attachments(meeting, count=10, pages=10) -> None:
    from meetings.models import Attachment
    from socialaftale.lib.pdf import render_pdf

    body = "".join(f'<p style="break-before: page">Bilagsside {n}</p>' for n in range(pages))
    pdf = render_pdf(f'<html lang="da"><body>{body}</body></html>')
    items = list(meeting.items.all())
    for number in range(count):
        attachment = Attachment(item=items[number % len(items)], title=f"Bilag {number}")
        attachment.file.save(f"bench-{number}.pdf", ContentFile(pdf))


def run() -> None:
    import weasyprint

    from meetings.demo import load_demo_meeting
    from meetings.models import Attachment
    from meetings.pdf import (
        build_meeting_context,
        meeting_for_pdf,
        render_meeting_pdf,
        render_pack_pdf,
    )

    meeting = load_demo_meeting()
    Attachment.objects.filter(item__meeting=meeting).delete()
    loaded = meeting_for_pdf(meeting.reference)
    html = render_to_string("meetings/meeting_pdf.html",
                            build_meeting_context(loaded, minutes=True))  # fmt: skip
    direct = _median(lambda: weasyprint.HTML(string=html).write_pdf())
    ours = _median(lambda: render_meeting_pdf(meeting_for_pdf(meeting.reference), minutes=True))
    print(f"== Meeting documents (median of {REPEAT})")
    print(
        f"  15-item minutes: {ours:,.0f} ms; WeasyPrint on the same HTML {direct:,.0f} ms "
        f"(x{ours / direct:.2f})"
    )
    _attachments(meeting)
    pack = _median(lambda: render_pack_pdf(meeting_for_pdf(meeting.reference)))
    pages = len(__import__("pypdf").PdfReader(io.BytesIO(
        render_pack_pdf(meeting_for_pdf(meeting.reference)))).pages)  # fmt: skip
    print(
        f"  pack with 10 attachments of 10 pages ({pages} pages): {pack:,.0f} ms "
        f"(x{pack / direct:.2f} the plain minutes render)"
    )
