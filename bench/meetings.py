"""Render times of the meeting documents beside WeasyPrint rendering the same final HTML with
the same stylesheets directly. The ratio is our overhead: the template, the layout passes (small
items sharing a page are checked by reading the PDF back), and for the pack reading the
attachments, merging them in, stamping page numbers and the bookmarks."""

import io
import statistics
import sys
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


def _weasyprint_direct(context) -> float:
    """WeasyPrint alone on the final HTML with the same stylesheets and fonts."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from socialaftale.lib.pdf import local_only_fetcher, local_static_path, static_dir

    html = render_to_string("meetings/meeting_pdf.html", context)

    def render():
        fonts = FontConfiguration()
        sheets = [
            CSS(
                filename=str(local_static_path(f"/static/{name}")),
                font_config=fonts,
                url_fetcher=local_only_fetcher(),
            )
            for name in ("pdf/base.css", "pdf/meeting.css")
        ]
        HTML(
            string=html, base_url=static_dir().as_uri() + "/", url_fetcher=local_only_fetcher()
        ).write_pdf(stylesheets=sheets, font_config=fonts)

    return _median(render)


def run() -> None:
    from pypdf import PdfReader

    from demo.meetings import load_demo_meeting
    from meetings.models import Attachment
    from meetings.pdf import meeting_for_pdf, render_laid_out, render_pack_pdf

    meeting = load_demo_meeting()
    Attachment.objects.filter(item__meeting=meeting).delete()
    _pdf, context = render_laid_out(meeting_for_pdf(meeting.reference), minutes=True)
    direct = _weasyprint_direct(context)
    ours = _median(lambda: render_laid_out(meeting_for_pdf(meeting.reference), minutes=True))
    print(f"== Meeting documents (median of {REPEAT})")
    print(
        f"  15-item minutes ({len(PdfReader(io.BytesIO(_pdf)).pages)} pages, "
        f"{context['layout_passes']} layout passes): {ours:,.0f} ms; WeasyPrint on the same "
        f"HTML and CSS {direct:,.0f} ms (x{ours / direct:.2f})"
    )
    sys.stdout.flush()

    _attachments(meeting)
    pdf = render_pack_pdf(meeting_for_pdf(meeting.reference))
    from meetings.pdf import build_meeting_context

    loaded = meeting_for_pdf(meeting.reference)
    counts = {
        n: 10
        for row in build_meeting_context(loaded, minutes=False)["items"]
        for n, _a in row["attachments"]
    }
    placeholders = {n: [f"bilagsside-{n}-{p}" for p in range(c)] for n, c in counts.items()}
    _agenda, pack_context = render_laid_out(
        loaded, minutes=False, extra={"pack": True, "placeholder_pages": placeholders}
    )
    pack_direct = _weasyprint_direct(pack_context)
    pack = _median(lambda: render_pack_pdf(meeting_for_pdf(meeting.reference)))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    passes = pack_context["layout_passes"]
    print(
        f"  pack with 10 attachments of 10 pages ({pages} pages, {passes} layout passes): "
        f"{pack:,.0f} ms; WeasyPrint on the same HTML and CSS {pack_direct:,.0f} ms "
        f"(x{pack / pack_direct:.2f})"
    )
