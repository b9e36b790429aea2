"""Writes of nominations (issue 14, SPEC §6): a party nominates an offer while the year's
round is open; the expert panel assesses each criterion; the secretariat admits the offer
(a member of the next period) or rejects it. Every write in one transaction; simple_history
logs each change."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from offers.models import Offer
from socialaftale.lib.cpr import has_cpr_like
from socialaftale.lib.edits import check_unchanged, edit_token
from submissions.models import ReportingRound, RoundKind, RoundStatus

from .models import Criterion, Member, Nomination, NominationStatus, Period

MAX_TEXT = 3000


def open_nomination_round() -> ReportingRound | None:
    """The newest open round of the year (kind annual_report): nominations go into it."""
    rounds = ReportingRound.objects.filter(kind=RoundKind.ANNUAL_REPORT, status=RoundStatus.OPEN)
    return rounds.order_by("-year", "-pk").first()


def _check_text(text: str, field: str, errors: dict) -> None:
    if has_cpr_like(text):
        errors[field] = _("Remove the CPR number (or anything like one) from the text.")
    elif len(text) > MAX_TEXT:
        errors[field] = _("Write at most %(count)s characters.") % {"count": MAX_TEXT}


def check_claims(claims: dict) -> dict:
    """{criterion: {"meets": bool, "why": str}} for all four criteria, or ValidationError
    naming the field ("<criterion>_why")."""
    errors, clean = {}, {}
    for code in Criterion.values:
        claim = claims.get(code) or {}
        meets, why = bool(claim.get("meets")), str(claim.get("why") or "").strip()
        if meets and not why:
            errors[f"{code}_why"] = _("Explain why the offer meets the criterion.")
        _check_text(why, f"{code}_why", errors)
        clean[code] = {"meets": meets, "why": why}
    if errors:
        raise ValidationError(errors)
    return clean


def _members_after(reporting_round):
    """Members of a period that runs on after the round's year (and have not left by then)."""
    after = reporting_round.year
    return Member.objects.filter(period__end_year__gt=after).filter(
        Q(ends_on__isnull=True) | Q(ends_on__year__gt=after)
    )


def nominable_offers(reporting_round):
    """The offers the form offers: not members of the coming period, not nominated yet."""
    return Offer.objects.exclude(ec_memberships__in=_members_after(reporting_round)).exclude(
        ec_nominations__round=reporting_round
    )


def _check_offer_free(reporting_round, offer) -> None:
    if _members_after(reporting_round).filter(offers=offer).exists():
        raise ValidationError(
            {"offer": _("%(offer)s is already a member of the coming period.") % {"offer": offer}}
        )
    if Nomination.objects.filter(round=reporting_round, offer=offer).exists():
        raise ValidationError(
            {"offer": _("%(offer)s has already been nominated this year.") % {"offer": offer}}
        )


def receipt_code(reporting_round) -> str:
    """ "IND-2019-0001": the year and the running number of the year's nominations."""
    prefix = f"IND-{reporting_round.year}-"
    taken = Nomination.objects.filter(receipt_code__startswith=prefix).count()
    number = taken + 1
    while Nomination.objects.filter(receipt_code=f"{prefix}{number:04d}").exists():
        number += 1
    return f"{prefix}{number:04d}"


@transaction.atomic
def nomination_submit(*, reporting_round, offer, nominated_by, claims, user, now=None):
    """A nomination received: refused unless the round is open, or when the offer is a
    member of the coming period or already nominated in the round."""
    locked = ReportingRound.objects.select_for_update().get(pk=reporting_round.pk)
    if locked.kind != RoundKind.ANNUAL_REPORT or locked.status != RoundStatus.OPEN:
        raise ValidationError(_("Nominations are not received now: the round is not open."))
    clean = check_claims(claims)
    _check_offer_free(locked, offer)
    return Nomination.objects.create(
        round=locked,
        offer=offer,
        nominated_by=nominated_by,
        claims=clean,
        submitted_by=user,
        submitted_at=now or timezone.now(),
        receipt_code=receipt_code(locked),
    )


def check_assessment(assessment: dict) -> dict:
    """{criterion: {"met": bool, "text": str}}: each criterion decided and justified."""
    errors, clean = {}, {}
    for code in Criterion.values:
        item = assessment.get(code) or {}
        met, text = item.get("met"), str(item.get("text") or "").strip()
        if met not in (True, False):
            errors[f"{code}_met"] = _("Choose whether the criterion is met.")
        if not text:
            errors[f"{code}_text"] = _("Give the expert panel's justification.")
        _check_text(text, f"{code}_text", errors)
        clean[code] = {"met": met, "text": text}
    if errors:
        raise ValidationError(errors)
    return clean


def assessment_token(nomination) -> str:
    return edit_token(nomination.assessment, nomination.status)


def _locked(nomination) -> Nomination:
    return Nomination.objects.select_for_update().get(pk=nomination.pk)


@transaction.atomic
def nomination_assess(*, nomination, assessment, user, expected_token=None, now=None):
    """The expert panel's assessment per criterion; refused once decided, and with StaleEdit
    when someone else saved an assessment since the form was shown."""
    locked = _locked(nomination)
    check_unchanged(expected_token, locked.assessment, locked.status)
    if locked.status not in (NominationStatus.SUBMITTED, NominationStatus.ASSESSED):
        raise ValidationError(_("The nomination has been decided; its assessment is closed."))
    locked.assessment = check_assessment(assessment)
    locked.status = NominationStatus.ASSESSED
    locked.assessed_at = now or timezone.now()
    locked.save()
    return locked


def admissible_periods(nomination):
    """The periods an admitted offer may join: those starting after the round's year."""
    return Period.objects.filter(start_year__gt=nomination.round.year).order_by("start_year")


def _member_of(locked, period, name, decided_by, meeting, decided_on) -> Member:
    if not admissible_periods(locked).filter(pk=period.pk).exists():
        raise ValidationError({"period": _("Choose a period that starts after the round's year.")})
    if Member.objects.filter(period=period, name=name).exists():
        raise ValidationError({"name": _("The period already has a member of that name.")})
    if Member.objects.filter(period=period, offers=locked.offer).exists():
        raise ValidationError({"period": _("The offer is already a member of that period.")})
    texts = {code: (locked.assessment.get(code) or {}).get("text", "") for code in Criterion}
    member = Member.objects.create(
        period=period,
        name=name,
        target_group=locked.offer.target_group_text,
        criterion_target_group=texts[Criterion.TARGET_GROUP],
        criterion_competences=texts[Criterion.COMPETENCES],
        criterion_profile=texts[Criterion.PROFILE],
        criterion_only_offer=texts[Criterion.ONLY_OFFER],
        decided_by=decided_by,
        decision_meeting=meeting,
        decided_on=decided_on,
    )
    member.offers.set([locked.offer])
    return member


@transaction.atomic
def nomination_decide(
    *, nomination, admit: bool, decision: str, decided_on, user, expected_token=None, **member
):
    """Admit (a member of `member["period"]` named `member["name"]`, the panel's
    justifications as its criteria, decided by `decided_by` at `meeting`) or reject."""
    locked = _locked(nomination)
    check_unchanged(expected_token, locked.assessment, locked.status)
    errors = {}
    _check_text(decision, "decision", errors)
    if errors:
        raise ValidationError(errors)
    if locked.status != NominationStatus.ASSESSED and admit:
        raise ValidationError(_("The expert panel must assess the nomination first."))
    if locked.status in (NominationStatus.ADMITTED, NominationStatus.REJECTED):
        raise ValidationError(_("The nomination has already been decided."))
    if admit:
        locked.member = _member_of(locked, decided_on=decided_on, **member)
    locked.status = NominationStatus.ADMITTED if admit else NominationStatus.REJECTED
    locked.decision, locked.decided_on = decision, decided_on
    locked.save()
    return locked
