"""Demo monitoring data: generated citizen lists (no real people: the CPR-shaped keys have an
impossible day of month) imported through the normal importer, and analyses for 2018 and
2019 so the pages have something to show."""

import io

from django.db import transaction
from django.test.utils import override_settings

from demo.citizen_lists import generate_citizen_lists, write_csv
from monitoring import services
from monitoring.models import AnalysisRun, CitizenListUpload
from offers.models import Offer
from offers.selectors import with_coverage
from organisations.models import Organisation, OrganisationUnit
from socialaftale.lib.imports import limits_for

DEMO_SEED = 2016
DEMO_CITIZENS = 400


def demo_inputs():
    parties = Organisation.objects.municipalities().filter(
        party_to_agreement=True, units__is_default=True
    )
    municipalities = [(o.code, o.short_name) for o in parties.order_by("code")]
    covered = with_coverage(Offer.objects.all(), 2019).filter(covered=True).order_by("name")
    offers = [(offer.pk, offer.name) for offer in covered]
    return municipalities, offers


def unit_for(code: str) -> OrganisationUnit:
    """The unit that uploads a municipality's list (Aalborg: its adult administration)."""
    return OrganisationUnit.objects.get(code="851-AEH" if code == "851" else code)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
def load_demo_monitoring() -> None:
    if CitizenListUpload.objects.exists():
        return
    municipalities, offers = demo_inputs()
    lists = generate_citizen_lists(
        citizens=DEMO_CITIZENS,
        years=range(2016, 2020),
        seed=DEMO_SEED,
        municipalities=municipalities,
        offers=offers,
    )
    for code, rows in lists.items():
        if rows:
            _import(code, rows)
    with transaction.atomic():
        for measure in ("2018-01", "2019-01"):
            if not AnalysisRun.objects.filter(measure=measure).exists():
                services.analysis_run_create(measure=measure, user=None)


def csv_text(rows: list[dict]) -> str:
    """A citizen list in the portal's CSV dialect (BOM, `;`, decimal comma)."""
    buffer = io.StringIO()
    write_csv(rows, buffer)
    return buffer.getvalue()


def _import(code: str, rows: list[dict]) -> None:
    services.citizen_list_import(
        data=csv_text(rows).encode("utf-8"),
        filename=f"borgerliste-{code}-2016-2019.csv",
        unit=unit_for(code),
        user=None,
        limits=limits_for("citizen_list", command=True),  # run by a command, not a request
    )
