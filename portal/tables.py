"""The audit log as a table: the page and the CSV/XLSX download render the same rows."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable


def when(entry) -> str:
    return formats.date_format(timezone.localtime(entry.at), "SHORT_DATETIME_FORMAT")


def what(entry) -> str:
    kind = entry.content_type.model_class() if entry.content_type_id else None
    label = str(kind._meta.verbose_name).capitalize() if kind else ""
    return " – ".join(part for part in (label, entry.object_label) if part)


def log_table(entries) -> ReportTable:
    return ReportTable(
        id="log",
        caption=_("Audit log"),
        headers=[_("When"), _("Who"), _("Action"), _("Record"), _("What"), _("Why")],
        rows=[
            [when(e), e.actor_name, e.get_action_display(), what(e), e.summary, e.reason]
            for e in entries
        ],
    )
