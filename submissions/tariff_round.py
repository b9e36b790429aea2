"""The tariff round (SPEC §3.1, issue 15): a round of kind "tariff_reporting" in which each
operator reports the year's tariff of every offer of its unit's organisation that is covered
by the agreement in the round's year. The tariffs app owns the tariffs and their writes
(tariffs.services_round); this module is the round kind's glue: which offers a submission
holds, each one's state, what is missing and what a handed-in version says."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from offers.models import Offer
from offers.selectors import with_coverage
from tariffs.selectors import tariff_round as reads

from .kinds import AnswerSection, register_hand_in_page
from .models import RoundKind

STATE_LABELS = {
    reads.NOT_STARTED: _lazy("Not started"),
    reads.REPORTED: _lazy("Reported"),
    reads.RETURNED: _lazy("Returned for correction"),
    reads.APPROVED: _lazy("Approved"),
}


def is_tariff_round(reporting_round) -> bool:
    return reporting_round.kind == RoundKind.TARIFF_REPORTING


def covered_offers(year: int, organisation_ids=None):
    """The offers (of the organisations, or all) covered by the agreement in `year`."""
    offers = Offer.objects.select_related("operator")
    if organisation_ids is not None:
        offers = offers.filter(operator_id__in=organisation_ids)
    return with_coverage(offers, year).filter(covered=True).order_by("name")


def submission_offers(submission):
    return covered_offers(submission.round.year, [submission.unit.organisation_id])


@dataclass(frozen=True)
class OfferRow:
    offer: Offer
    tariff: object
    state: str

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def may_report(self) -> bool:
        return self.state != reads.APPROVED

    @property
    def awaits_approval(self) -> bool:
        return self.state == reads.REPORTED


def offer_rows(reporting_round, offers) -> list[OfferRow]:
    offers = list(offers)
    tariffs = reads.year_tariffs(offers, reporting_round.year)
    return [
        OfferRow(offer, tariffs.get(offer.pk), reads.state_of(tariffs.get(offer.pk)))
        for offer in offers
    ]


def missing_in_submission(submission) -> list[str]:
    """The offers not reported in this round (on its form), or returned and not reported
    again."""
    answers = submission.answers or {}
    return [
        _("%(offer)s: the tariff has not been reported in this round.") % {"offer": row.offer.name}
        for row in offer_rows(submission.round, submission_offers(submission))
        if row.state in (reads.NOT_STARTED, reads.RETURNED)
        or f"tariff-{row.offer.pk}" not in answers
    ]


def present_tariffs(submission, answers: dict) -> list[AnswerSection]:
    """Each offer's tariff as it was reported into the handed-in version."""
    parts = [value for key, value in sorted(answers.items()) if key.startswith("tariff-")]
    return [
        AnswerSection(part["offer"], [(_("Unit"), part["unit"]), *map(tuple, part["components"])])
        for part in sorted(parts, key=lambda part: part["offer"])
    ]


def register() -> None:
    register_hand_in_page(
        RoundKind.TARIFF_REPORTING,
        "submissions:tariff_round",
        _lazy("Report the tariffs"),
        per_submission=True,
        by_operator=True,
        missing=missing_in_submission,
        present=present_tariffs,
    )
