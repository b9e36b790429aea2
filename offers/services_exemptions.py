"""Exemptions from the agreement's coverage (SPEC §2): an offer sold to only one or a few
other municipalities, whose tariffs, price structure and settlement deadlines bilateral
agreements cover. Recorded with the buying municipalities, the agreement's dates and its
document; the years it exempts follow from the dates, and it expires when the agreement
ends. Field changes are logged by simple_history; the buyers and the document, which it does
not follow, get an audit entry of their own."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from audit.models import Action
from audit.services import record
from socialaftale.lib.cpr import mask_cpr
from socialaftale.lib.edits import check_token, fields_token

from .models import CoverageExemption, Offer

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
EDITABLE = [
    "buyers",
    "starts_on",
    "ends_on",
    "bilateral_agreement",
    "reason",
    "decided_by",
    "decided_on",
]


def check_document(upload) -> None:
    """A PDF of at most 10 MB, or ValidationError in Danish."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("The document is larger than 10 MB."), code="too_large")
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("The document must be a PDF file."), code="not_pdf")


def _years(values: dict) -> dict:
    starts, ends = values["starts_on"], values.get("ends_on")
    if ends is not None and ends < starts:
        raise ValidationError(
            {"ends_on": _("The agreement cannot end before it starts.")}, code="order"
        )
    return {"from_year": starts.year, "to_year": ends.year if ends else None}


def _check_buyers(offer: Offer, buyers) -> None:
    if any(buyer.pk == offer.operator_id for buyer in buyers):
        raise ValidationError(
            {"buyers": _("The operator cannot be one of the buying municipalities.")},
            code="operator",
        )


def _attach(exemption: CoverageExemption, document) -> None:
    check_document(document)
    name = mask_cpr(Path(document.name).name)[:200]
    exemption.document.save(name, document, save=False)
    exemption.document_name = name


def _log(exemption: CoverageExemption, actor, what: str) -> None:
    with translation.override("da"):
        summary = what % {"offer": exemption.offer.name}
    record(Action.CHANGED, actor=actor, obj=exemption, summary=summary)


@transaction.atomic
def exemption_create(*, offer: Offer, actor, buyers, document=None, **values) -> CoverageExemption:
    _check_buyers(offer, buyers)
    exemption = CoverageExemption(offer=offer, **values, **_years(values))
    if document:
        _attach(exemption, document)
    exemption.full_clean(exclude=["buyers"])
    exemption.save()
    exemption.buyers.set(buyers)
    _log(exemption, actor, _("Exemption for %(offer)s: buying municipalities and document set"))
    return exemption


def exemption_token(exemption: CoverageExemption) -> str:
    return fields_token(exemption, EDITABLE)


@transaction.atomic
def exemption_update(
    *, exemption: CoverageExemption, actor, buyers, document=None, expected_token=None, **values
) -> CoverageExemption:
    """Refused with StaleEdit if someone else saved the exemption since the form was shown."""
    stored = CoverageExemption.objects.select_for_update().get(pk=exemption.pk)
    check_token(expected_token, exemption_token(stored))
    _check_buyers(stored.offer, buyers)
    buyers_before = set(stored.buyers.values_list("pk", flat=True))
    for name, value in {**values, **_years(values)}.items():
        setattr(stored, name, value)
    if document:
        _attach(stored, document)
    stored.full_clean(exclude=["buyers"])
    stored.save()
    stored.buyers.set(buyers)
    if document or buyers_before != {b.pk for b in buyers}:
        _log(stored, actor, _("Exemption for %(offer)s: buying municipalities or document changed"))
    return stored
