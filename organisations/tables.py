"""The register of parties as a table (page download; import_parties reads it back)."""

from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable


def register_table(organisations) -> ReportTable:
    """The register as parse_parties reads it back (organisations/importers.py)."""
    return ReportTable(
        id="parties",
        caption=_("Parties to the agreement and other organisations in the register"),
        headers=[_("DST code"), _("Name"), _("Kind"), _("Region"), _("Party to the agreement")],
        rows=[
            [o.code, o.name, o.get_kind_display(), o.region.name if o.region else ""]
            + [o.party_to_agreement]
            for o in organisations
        ],
    )


def population_table(figures) -> ReportTable:
    """Every population figure; the first two columns are the import file's (municipality,
    count), so a download can be read back by the population import."""
    return ReportTable(
        id="befolkningstal",
        caption=_("Population figures"),
        headers=[_("Municipality"), _("Inhabitants"), _("Counted on"), _("Age band"), _("Source")],
        rows=[
            [f.organisation.name, f.count, f.reference_date, f.age_band, f.source] for f in figures
        ],
    )
