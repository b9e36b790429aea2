"""The year's flags of falling demand per member offer (SPEC §6), e.g.
`manage.py enhanced_cooperation_flags --year 2019 --format json`."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from enhanced_cooperation.flags import flags_for_year
from enhanced_cooperation.models import Member

FORMATS = ("text", "json")


def offer_rows(year: int) -> list[dict]:
    """One row per offer of each member of `year`, ordered by offer name."""
    flags = flags_for_year(year)
    members = Member.objects.in_year(year).select_related("period").prefetch_related("offers")
    rows = [
        {
            "offer": offer.name,
            "period": member.period.slug,
            "flags": [{"signal": f.signal, "text": f.text} for f in flags.get(member.pk, [])],
        }
        for member in members
        for offer in member.offers.all()
    ]
    return sorted(rows, key=lambda row: (row["offer"], row["period"]))


def render_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def render_text(rows: list[dict]) -> str:
    if not rows:
        return "Ingen medlemmer i året.\n"
    lines = []
    for row in rows:
        lines.append(f"{row['offer']} ({row['period']})")
        lines += [f"  [{flag['signal']}] {flag['text']}" for flag in row["flags"]]
        if not row["flags"]:
            lines.append("  Ingen signaler om faldende efterspørgsel.")
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json}


class Command(BaseCommand):
    help = "Årets signaler om faldende efterspørgsel pr. tilbud i det forstærkede samarbejde."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", default="text", help="text (standard) eller json")

    def handle(self, *args, year, format, **options):
        if format not in RENDERERS:
            raise CommandError(f"--format skal være text eller json (fik »{format}«).")
        with translation.override(settings.LANGUAGE_CODE):
            self.stdout.write(RENDERERS[format](offer_rows(year)), ending="")
