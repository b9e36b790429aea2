"""What the tariff round's pages show, shaped in Python so the templates get labels and
booleans: each component row with last year's amount in this year's prices, the change in
kr. and % and whether it misses the target, and the secretariat's comment on it."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from socialaftale.lib.danish import format_decimal
from tariffs.round_calc import COST_LINES, Change, component_key
from tariffs.selectors import tariff_round as reads

from .forms_tariff_round import COST_LINE_LABELS


def kroner(value) -> str:
    return "–" if value is None else f"{format_decimal(value, 2)} kr."


def _signed(value: Decimal, decimals: int) -> str:
    text = format_decimal(value, decimals)
    return text if text.startswith("-") or not value else f"+{text}"


def change_label(change: Change | None) -> str:
    if change is None:
        return _("new this year")
    pct = "" if change.pct is None else f" ({_signed(change.pct, 2)} %)"
    return f"{_signed(change.kroner, 2)} kr.{pct}"


def target_label(target_pct) -> str:
    if target_pct is None:
        return _("No reduction target has been set for this year.")
    return _(
        "The operators' target this year: a general tariff reduction of %(pct)s %% against "
        "last year's tariff in this year's prices."
    ) % {"pct": format_decimal(target_pct, 2)}


def index_label(previous: reads.Previous, year: int) -> str:
    if previous.factor is None:
        return _("No price index from %(from)s to %(to)s: last year's amounts are unchanged.") % {
            "from": previous.year,
            "to": year,
        }
    return _("Last year's amounts in %(to)s prices: price index %(from)s → %(to)s = %(f)s.") % {
        "from": previous.year,
        "to": year,
        "f": format_decimal(previous.factor, 4),
    }


@dataclass(frozen=True)
class ComponentRow:
    form: object
    previous: str
    change: str
    exceeds: bool
    comment: str


def _amount(value):
    try:
        return Decimal(str(value).replace(".", "").replace(",", ".")) if value else None
    except InvalidOperation:
        return None


def _values(form):
    """(kind, package, amount) the row shows now, or None while it is not whole."""
    if form.is_bound and hasattr(form, "cleaned_data"):
        data = form.cleaned_data
        kind, package, amount = data.get("kind"), data.get("package", ""), data.get("amount")
    else:
        data = form.initial
        kind, package = data.get("kind"), data.get("package", "")
        amount = data.get("amount")
        amount = amount if isinstance(amount, Decimal) else _amount(amount)
    return (kind, package or "", amount) if kind and amount is not None else None


def component_rows(formset, previous: dict, target_pct, comments: dict) -> list[ComponentRow]:
    rows = []
    for form in formset.forms:
        values, change, key = _values(form), None, None
        if values:
            key = component_key(values[0], values[1])
            if key in previous:
                change = Change(previous[key], values[2], target_pct)
        rows.append(
            ComponentRow(
                form=form,
                previous=kroner(previous.get(key)) if key else "",
                change=change_label(change) if values else "",
                exceeds=bool(change and change.exceeds),
                comment=comments.get(key, "") if key else "",
            )
        )
    return rows


def review_rows(tariff, previous: dict, target_pct) -> list[dict]:
    """The reported components for the secretariat: amount, change, reason, own comment."""
    entry = getattr(tariff, "round_entry", None)
    reasons = entry.reasons if entry else {}
    comments = entry.return_comments if entry else {}
    rows = []
    for component in tariff.components.all():
        key = component_key(component.kind, component.package)
        change = Change(previous[key], component.amount, target_pct) if key in previous else None
        rows.append(
            {
                "key": key,
                "label": str(component).rsplit(":", 1)[0],
                "amount": kroner(component.amount),
                "previous": kroner(previous.get(key)),
                "change": change_label(change),
                "exceeds": bool(change and change.exceeds),
                "reason": reasons.get(key, ""),
                "comment": comments.get(key, ""),
            }
        )
    return rows


def cost_line_rows(entry) -> list[tuple[str, str]]:
    lines = entry.cost_lines if entry else {}
    return [
        (str(COST_LINE_LABELS[c]), kroner(lines.get(c) and Decimal(lines[c]))) for c in COST_LINES
    ]
