from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.models import Meeting
from meetings.pdf import render_meeting_pdf, render_pack_pdf
from meetings.selectors import meeting_for_pdf


class Command(BaseCommand):
    help = "Danner dagsorden eller referat for et møde som PDF, fx --meeting DAS-2019-05-21."

    def add_arguments(self, parser):
        parser.add_argument("--meeting", required=True)
        parser.add_argument("--document", choices=["agenda", "minutes", "pack"], default="agenda")
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, meeting, document, out, **options):
        try:
            found = meeting_for_pdf(meeting)
        except Meeting.DoesNotExist:
            raise CommandError(f"Ukendt møde »{meeting}«.") from None
        if document == "pack":
            out.write_bytes(render_pack_pdf(found))
        else:
            out.write_bytes(render_meeting_pdf(found, minutes=document == "minutes"))
        self.stdout.write(f"{out} ({out.stat().st_size:,} bytes)")
