"""Writes of the tariff round (SPEC §3.1, issue 15): the operator reports an offer's tariff
with its occupancy, cost lines, comment and a reason for every component that misses the
reduction target; the secretariat returns it with a comment per component, or approves one
or many (final for the year, through services.tariff_approve). All or nothing, each refused
with StaleEdit if the tariff changed since the page was shown."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import services as audit
from audit.models import Action
from socialaftale.lib.edits import check_token, edit_token

from . import services
from .models import ComponentKind, RoundState, Tariff, TariffRoundEntry, TariffStatus
from .round_calc import COST_LINES, component_key, exceeding
from .selectors.tariff_round import previous_values, target_pct


def round_token(offer, year: int) -> str:
    """What the round's pages showed: the tariff, its components and its round entry."""
    tariff = Tariff.objects.filter(offer=offer, year=year).first()
    if tariff is None:
        return edit_token(None, [], None)
    entry = TariffRoundEntry.objects.filter(tariff=tariff).first()
    return edit_token(tariff, list(tariff.components.order_by("pk")), entry)


def round_token_of(tariff: Tariff) -> str:
    """round_token of a tariff already read with its components and round entry (a list
    page's rows: no query of its own)."""
    components = sorted(tariff.components.all(), key=lambda component: component.pk)
    return edit_token(tariff, components, getattr(tariff, "round_entry", None))


def component_label(key: str) -> str:
    kind, _sep, package = key.partition(":")
    label = str(dict(ComponentKind.choices).get(kind, kind))
    return f"{label} ({package})" if package else label


def missing_reasons(offer, year: int, components, reasons: dict) -> list[str]:
    """The components that miss the year's target without a reason, as Danish messages."""
    current = {component_key(kind, package): amount for kind, package, amount in components}
    keys = exceeding(previous_values(offer, year).amounts, current, target_pct(year))
    return [
        _("%(component)s misses the reduction target: give a reason.")
        % {"component": component_label(key)}
        for key in keys
        if not (reasons.get(key) or "").strip()
    ]


@transaction.atomic
def round_tariff_report(
    *,
    offer,
    year: int,
    unit: str,
    components,
    occupancy_pct,
    cost_lines: dict,
    comment: str,
    reasons: dict,
    user,
    expected_token=None,
) -> Tariff:
    """The operator reports (or corrects) the offer's tariff in the round. `components` is a
    list of (kind, package, amount); `reasons` {component_key: text}; `cost_lines`
    {code: Decimal}. An approved tariff is final and is not reported again."""
    type(offer).objects.select_for_update().filter(pk=offer.pk).first()
    check_token(expected_token, round_token(offer, year))
    stored = Tariff.objects.filter(offer=offer, year=year).first()
    if stored is not None and stored.status == TariffStatus.FINAL:
        raise ValidationError(_("The tariff has been approved as final and cannot be changed."))
    if missing := missing_reasons(offer, year, components, reasons):
        raise ValidationError(missing)
    tariff = services.tariff_report(
        offer=offer, year=year, unit=unit, components=components, note=comment, user=user
    )
    keys = {component_key(kind, package) for kind, package, _amount in components}
    kept = {k: v.strip() for k, v in reasons.items() if k in keys and (v or "").strip()}
    reasons_kept = kept.values()
    TariffRoundEntry.objects.update_or_create(
        tariff=tariff,
        defaults={
            "state": RoundState.REPORTED,
            "occupancy_pct": occupancy_pct,
            "cost_lines": {
                code: str(cost_lines[code])
                for code in COST_LINES
                if cost_lines.get(code) is not None
            },
            "reasons": kept,
            "return_comments": {},
            "returned_by": None,
            "returned_at": None,
        },
    )
    _log(tariff, user, _("Tariff reported in the tariff round"), reason="; ".join(reasons_kept))
    return tariff


@transaction.atomic
def round_tariff_return(*, tariff: Tariff, comments: dict, user, expected_token=None) -> Tariff:
    """The secretariat returns a reported tariff for correction with a comment on one or more
    components ({component_key: text}; the key "" is a comment on the whole tariff). An
    approved (final) tariff may be returned too when the round is reopened in autumn: it is
    provisional again until the operator has corrected it and it is approved anew."""
    tariff = Tariff.objects.select_for_update().select_related("offer").get(pk=tariff.pk)
    check_token(expected_token, round_token(tariff.offer, tariff.year))
    entry = TariffRoundEntry.objects.filter(tariff=tariff).first()
    final = tariff.status == TariffStatus.FINAL
    if not final and (entry is None or entry.state != RoundState.REPORTED):
        raise ValidationError(_("Only a reported tariff awaiting approval can be returned."))
    keys = {"", *(component_key(c.kind, c.package) for c in tariff.components.all())}
    written = {k: v.strip() for k, v in comments.items() if k in keys and (v or "").strip()}
    if not written:
        raise ValidationError(_("Write a comment on at least one component to return it."))
    if final:
        _unapprove(tariff, user)
    entry = entry or TariffRoundEntry(tariff=tariff)
    entry.state, entry.return_comments = RoundState.RETURNED, written
    entry.returned_by, entry.returned_at = user, timezone.now()
    entry.save()
    _log(tariff, user, _("Tariff returned for correction"), reason="; ".join(written.values()))
    return tariff


def _unapprove(tariff: Tariff, user) -> None:
    tariff.status, tariff.approved_by, tariff.approved_at = TariffStatus.PROVISIONAL, None, None
    tariff._change_reason = _("Reopened for correction")
    tariff.save(update_fields=["status", "approved_by", "approved_at"])
    _log(tariff, user, _("The approved tariff has been reopened for correction"))


@transaction.atomic
def round_tariffs_approve(*, tariffs, user, expected_tokens=None) -> list[Tariff]:
    """Approve reported tariffs as final, all or none: a tariff that was returned, is not
    reported or changed since the list was shown (expected_tokens {pk: token}) refuses all."""
    approved = []
    for tariff in sorted(tariffs, key=lambda t: t.pk):
        tariff = Tariff.objects.select_for_update().select_related("offer").get(pk=tariff.pk)
        if expected_tokens is not None:
            check_token(expected_tokens.get(tariff.pk, ""), round_token(tariff.offer, tariff.year))
        entry = TariffRoundEntry.objects.filter(tariff=tariff).first()
        if tariff.status != TariffStatus.PROVISIONAL or (
            entry is not None and entry.state != RoundState.REPORTED
        ):
            raise ValidationError(
                _("%(offer)s: only a reported tariff awaiting approval can be approved.")
                % {"offer": tariff.offer.name}
            )
        approved.append(services.tariff_approve(tariff=tariff, user=user))
    return approved


def _log(tariff: Tariff, user, summary: str, reason: str = "") -> None:
    audit.record(
        Action.CHANGED,
        actor=user,
        obj=tariff,
        summary=summary,
        reason=reason,
        organisation_id=tariff.offer.operator_id,
    )
