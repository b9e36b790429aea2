"""The annual report of one member (SPEC §6) as data: its fields, the empty report and what
blocks hand-in. No ORM here. A round's submission of kind "annual_report" holds one report per
member under the key `report_key(member_pk)`."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

DEMAND_CHOICES = (
    ("rising", _("Rising")),
    ("stable", _("Stable")),
    ("falling", _("Falling")),
)

TEXT_FIELDS = (
    ("development", _("Development in the past year")),
    ("target_groups", _("Target-group composition")),
    ("sustainability_professional", _("Sustainability concerns: professional")),
    ("sustainability_economic", _("Sustainability concerns: economic")),
    ("planned_changes", _("Planned changes")),
)
OPTIONAL = {"planned_changes", "demand_text"}
LABELS = {
    **dict(TEXT_FIELDS),
    "occupancy_pct": _("Occupancy (%)"),
    "places": _("Places by kind"),
    "demand": _("Demand"),
    "demand_text": _("Demand: explanation"),
}


def report_key(member_pk: int) -> str:
    return f"member-{member_pk}"


def empty_report() -> dict:
    return {
        "development": "",
        "occupancy_pct": "",
        "places": [],
        "demand": "",
        "demand_text": "",
        "target_groups": "",
        "sustainability_professional": "",
        "sustainability_economic": "",
        "planned_changes": "",
    }


def report_of(answers: dict, member_pk: int) -> dict:
    """The stored report completed with the empty report's missing keys."""
    stored = (answers or {}).get(report_key(member_pk)) or {}
    return {**empty_report(), **stored}


def occupancy(report: dict) -> Decimal | None:
    try:
        value = Decimal(str(report.get("occupancy_pct") or ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def missing_fields(report: dict) -> list[str]:
    """The labels of the fields that must be answered before hand-in."""
    missing = [
        str(label)
        for code, label in TEXT_FIELDS
        if code not in OPTIONAL and not str(report.get(code) or "").strip()
    ]
    if occupancy(report) is None:
        missing.append(str(LABELS["occupancy_pct"]))
    if not report.get("places"):
        missing.append(str(LABELS["places"]))
    if report.get("demand") not in dict(DEMAND_CHOICES):
        missing.append(str(LABELS["demand"]))
    elif report["demand"] != "stable" and not str(report.get("demand_text") or "").strip():
        missing.append(str(LABELS["demand_text"]))
    return missing
