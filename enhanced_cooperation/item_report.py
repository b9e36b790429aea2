"""The attachment of the DAS item: "Årsrapporter og ekspertpanelets bemærkninger <år>", a PDF
with each member's annual report in full (all fields, places, occupancy, demand), the expert
panel's final remarks with their authors, the signals of falling demand, then the nominations
with their claims and the panel's assessment. Document kind "enhanced_cooperation.item_report",
rendered in Celery by the documents app.

Who may see it here: the secretariat and the expert panel. DAS members read it as an
attachment of the published DAS agenda, through the meetings app (as every generated item's
attachment); this app is below meetings and does not ask about agendas."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from documents import registry
from offers.models import PlaceKind
from organisations.access import roles_for
from socialaftale.lib.pdf import render_template_pdf
from submissions.models import ReportingRound

from . import item_data, item_text
from .item_text import CTX
from .models import Criterion
from .reports import OPTIONAL, TEXT_FIELDS, occupancy

KIND = "enhanced_cooperation.item_report"
TEMPLATE = "enhanced_cooperation/item_report_pdf.html"


def field_labels() -> dict[str, str]:
    """The report's fields as the PDF names them (in Danish through this app's context)."""
    return {
        "development": pgettext(CTX, "Development in the past year"),
        "target_groups": pgettext(CTX, "Target-group composition"),
        "sustainability_professional": pgettext(CTX, "Sustainability concerns: professional"),
        "sustainability_economic": pgettext(CTX, "Sustainability concerns: economic"),
        "planned_changes": pgettext(CTX, "Planned changes"),
    }


def criterion_labels() -> dict[str, str]:
    return {
        Criterion.TARGET_GROUP: pgettext(CTX, "Target group"),
        Criterion.COMPETENCES: pgettext(CTX, "Competences"),
        Criterion.PROFILE: pgettext(CTX, "Specialisation profile"),
        Criterion.ONLY_OFFER: pgettext(CTX, "The only offer of its kind in the region"),
    }


def _places_rows(report: dict) -> list[list[str]]:
    kinds = dict(PlaceKind.choices)
    rows = []
    for row in report.get("places") or []:
        if isinstance(row, dict):
            kind = row.get("kind")
            rows.append([str(kinds.get(kind, kind or "–")), str(row.get("places", "–"))])
    return rows


def report_context(report: dict | None) -> dict | None:
    if report is None:
        return None
    labels = field_labels()
    value = occupancy(report)
    demand = item_text.DEMAND_WORDS.get(report.get("demand"))
    return {
        "fields": [
            (labels[code], str(report.get(code) or "").strip() or "–")
            for code, _label in TEXT_FIELDS
            if code not in OPTIONAL or str(report.get(code) or "").strip()
        ],
        "occupancy": item_text.occupancy_text(value) if value is not None else "–",
        "places": _places_rows(report),
        "demand": str(demand).capitalize() if demand else "–",
        "demand_text": str(report.get("demand_text") or "").strip(),
    }


def _yes_no(value) -> str:
    return {True: _("Yes"), False: _("No")}.get(value, "–")


def _criteria_rows(values, verdict_key: str, text_key: str) -> list[list[str]]:
    values = values if isinstance(values, dict) else {}
    rows = []
    for code, label in criterion_labels().items():
        entry = values.get(code) if isinstance(values.get(code), dict) else {}
        rows.append([label, _yes_no(entry.get(verdict_key)), str(entry.get(text_key) or "–")])
    return rows


def nomination_context(entry: item_data.NominationData, text: item_text.NominationText) -> dict:
    nomination = entry.nomination
    return {
        "line": item_text.nomination_line(text),
        "offer": nomination.offer.name,
        "nominated_by": nomination.nominated_by.name,
        "received": timezone.localtime(nomination.submitted_at).date(),
        "claims": _criteria_rows(nomination.claims, "meets", "why"),
        "assessment": _criteria_rows(nomination.assessment, "met", "text"),
        "remarks": entry.remarks,
        "decision": nomination.decision,
        "decided_on": nomination.decided_on,
    }


def build_item_report_context(data: item_data.RoundItemData) -> dict:
    texts = item_data.member_texts(data)
    members = []
    for entry, text in zip(data.members, texts, strict=True):
        offers = entry.member.offers.all()
        members.append(
            {
                "name": entry.member.name,
                "offers": ", ".join(sorted(o.name for o in offers)),
                "operators": ", ".join(sorted({o.operator.name for o in offers})),
                "exit": item_text.exit_text(text),
                "report": report_context(entry.report),
                "remarks": entry.remarks,
                "flags": text.flags,
            }
        )
    nominations = item_data.nomination_texts(data)
    return {
        "title": item_text.attachment_title(data.reporting_year),
        "subtitle": item_text.round_label(data.round.year),
        "generated_on": timezone.localdate(),
        "members": members,
        "nominations": [
            nomination_context(e, t) for e, t in zip(data.nominations, nominations, strict=True)
        ],
        "no_nominations": str(item_text.NO_NOMINATIONS),
    }


def _round(params) -> ReportingRound:
    return item_data.item_rounds().get(pk=params["round"])


def render_item_report(params, progress) -> bytes:
    data = item_data.round_item_data(_round(params))
    progress(40, _("Typesetting the PDF"))
    return render_template_pdf(TEMPLATE, build_item_report_context(data))


def may_view(user, params) -> bool:
    roles = roles_for(user)
    return roles.is_secretariat or roles.is_expert_panel


def register_documents() -> None:
    registry.register(
        KIND,
        params=registry.schema(round=forms.ModelChoiceField(queryset=item_data.item_rounds())),
        title=lambda p: item_text.attachment_title(_round(p).year - 1),
        render=render_item_report,
        can_view=may_view,
    )
