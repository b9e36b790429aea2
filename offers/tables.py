import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.tables import ReportTable

from . import catalogue_marks
from .calculations import Places, PlacesSummary
from .models import Offer
from .selectors import exemption_state

# django-tables2 ships no Danish catalogue; its pagination words are translated in ours.
PAGINATION_WORDS = (gettext_noop("previous"), gettext_noop("next"))


class OfferTable(tables.Table):
    name = tables.Column(verbose_name=_("Offer"), linkify=True)
    operator = tables.Column(verbose_name=_("Operator"), accessor="operator__short_name")
    location_municipality = tables.Column(
        verbose_name=_("Location"), accessor="location_municipality__short_name"
    )
    target = tables.Column(
        verbose_name=_("Target group"), accessor="target_group_text", orderable=False
    )
    legal = tables.Column(verbose_name=_("Legal basis"), accessor="pk", orderable=False)
    places = tables.Column(verbose_name=_("Places"), accessor="places_total")
    covered = tables.BooleanColumn(
        verbose_name=_("Covered"), yesno=(_("Yes"), _("No")), accessor="covered"
    )
    status = tables.Column(verbose_name=_("Status"))
    marks = tables.Column(  # the higher apps' marks (offers/catalogue_marks.py)
        verbose_name=_("Special arrangements"), accessor="pk", orderable=False, empty_values=()
    )
    # In the download only, so it can be imported again (offers/importers.py HEADERS).
    written = tables.Column(
        verbose_name=_("Places as written"), accessor="places_as_written", visible=False
    )
    opens = tables.Column(verbose_name=_("Opens"), accessor="opening_year", visible=False)

    class Meta:
        model = Offer
        fields = []
        sequence = [
            "name",
            "operator",
            "location_municipality",
            "target",
            "legal",
            "places",
            "covered",
            "status",
            "marks",
            "written",
            "opens",
        ]
        attrs = {"class": "table table-sm table-striped align-middle"}
        order_by = "name"

    def render_legal(self, record):
        return ", ".join(basis.code for basis in record.legal_bases.all())

    def value_legal(self, record):
        """As written, which is what the import reads the legal bases from."""
        return record.legal_basis_text or self.render_legal(record)

    def render_marks(self, record):
        labels = catalogue_marks.labels_of(record)
        return format_html_join(
            " ", "<span class='badge text-bg-info'>{}</span>", ((label,) for label in labels)
        )

    def value_marks(self, record):
        return ", ".join(catalogue_marks.labels_of(record))

    def render_places(self, record, value):
        written = record.places_as_written or ""
        if written and written != str(value):
            return format_html(
                "{} <small class='text-body-secondary'>(»{}«)</small>", value, written
            )
        return value

    def value_places(self, record, value):
        return value if value is not None else ""

    def value_covered(self, value):
        return _("Yes") if value else _("No")

    def value_written(self, value):
        return value or ""

    def value_opens(self, record):
        if not record.opening_year:
            return ""
        month = f"-{record.opening_month:02d}" if record.opening_month else ""
        return f"{record.opening_year}{month}"


def _places_cells(places: Places) -> list[int]:
    return [places.municipal_places, places.private_places, places.agreement_places]


def places_table(year: int, summary: PlacesSummary) -> ReportTable:
    """The places download: one row per location municipality and the total."""
    return ReportTable(
        id="places",
        caption=gettext("Places in North Jutland %(year)s") % {"year": year},
        headers=[
            gettext("Location municipality"),
            gettext("Municipal"),
            gettext("Private"),
            gettext("Agreement"),
            gettext("Agreement share (%)"),
        ],
        rows=[
            [row.places.municipality, *_places_cells(row.places), row.share] for row in summary.rows
        ],
        footer=[[gettext("Total"), *_places_cells(summary.totals), summary.share]],
    )


EXEMPTION_STATES = {
    "expired": _("Expired"),
    "expiring": _("Expires within 60 days"),
    "active": _("In force"),
    "future": _("Not started"),
}


def exemption_table(exemptions, today) -> ReportTable:
    """The exemptions with their agreement and state (page and download)."""
    return ReportTable(
        id="undtagelser",
        caption=gettext("Exemptions from the agreement's coverage"),
        headers=[
            gettext("Offer"),
            gettext("Operator"),
            gettext("Buying municipalities"),
            gettext("Agreement starts"),
            gettext("Agreement ends"),
            gettext("State"),
            gettext("Decided by"),
            gettext("Document"),
        ],
        rows=[
            [
                e.offer.name,
                e.offer.operator.short_name,
                ", ".join(sorted(b.short_name for b in e.buyers.all())),
                e.starts_on,
                e.ends_on,
                str(EXEMPTION_STATES[exemption_state(e, today)]),
                e.decided_by,
                e.document_name or "",
            ]
            for e in exemptions
        ],
    )
