"""The published tariff appendix's tables: a stored version's rows and changes, or the
draft the secretariat would publish next, shaped by tables.appendix_versions and shown
alike by the pages, the downloads and the PDF."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable

from .models import ComponentKind, TariffAppendixVersion, TariffStatus, TariffUnit
from .selectors.appendix_versions import AppendixDraft
from .tables.appendix_versions import Labels, appendix_changes_table, appendix_rows_table


def labels() -> Labels:
    return Labels(
        units={value: str(label) for value, label in TariffUnit.choices},
        statuses={value: str(label) for value, label in TariffStatus.choices},
        kinds={value: str(label) for value, label in ComponentKind.choices},
    )


def version_title(version: TariffAppendixVersion) -> str:
    published = date_format(timezone.localtime(version.published_at), "j. F Y")
    return _("Version %(version)s, published %(date)s") % {
        "version": version.version,
        "date": published,
    }


def version_tables(version: TariffAppendixVersion) -> list[ReportTable]:
    """The version's rows and, from version 2 on, what changed since the version before."""
    shown = labels()
    tables = [
        appendix_rows_table(
            version.year,
            version.coverage_year,
            version.appendix_rows,
            shown,
            version_title(version),
        )
    ]
    if version.version > 1:
        tables.append(
            appendix_changes_table(
                version.year, version.version, version.version - 1, version.change_list, shown
            )
        )
    return tables


def draft_tables(draft: AppendixDraft) -> list[ReportTable]:
    """What publishing now would store: the rows and the changes since the newest version."""
    shown = labels()
    title = _("Preview of version %(version)s (not published)") % {"version": draft.next_version}
    tables = [appendix_rows_table(draft.year, draft.coverage_year, draft.rows, shown, title)]
    if draft.latest:
        tables.append(
            appendix_changes_table(
                draft.year, draft.next_version, draft.latest.version, draft.changes, shown
            )
        )
    return tables
