import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.tables import ReportTable

from .models import Body, Meeting


class MeetingTable(tables.Table):
    body = tables.Column(
        verbose_name=_("Meeting"),
        accessor="body__name",
        linkify=lambda record: record.get_absolute_url(),
    )
    date = tables.DateColumn(
        verbose_name=_("Date"), format="j. F Y", attrs={"td": {"class": "text-nowrap"}}
    )
    time = tables.Column(
        verbose_name=_("Time"),
        accessor="starts_at",
        orderable=False,
        attrs={"td": {"class": "text-nowrap"}},
    )
    venue = tables.Column(verbose_name=_("Venue"))
    status = tables.Column(verbose_name=_("Status"))
    item_count = tables.Column(
        verbose_name=_("Items"), attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    reference = tables.Column(verbose_name=_("Reference"), visible=False)  # in the export

    class Meta:
        model = Meeting
        fields = []
        sequence = ["reference", "body", "date", "time", "venue", "status", "item_count"]
        attrs = {"class": "table table-sm table-striped align-middle"}
        order_by = "-date"

    def render_time(self, record):
        return f"{record.starts_at:%H.%M}–{record.ends_at:%H.%M}"

    def value_time(self, record):
        return self.render_time(record)

    def value_date(self, record):
        return record.date  # a date cell in the XLSX, ISO in the CSV


def member_table(body: Body, members) -> ReportTable:
    return ReportTable(
        id="medlemmer",
        caption=_("Members of %(body)s") % {"body": body.short_name},
        headers=[
            _("Name"),
            _("Organisation"),
            _("Role"),
            _("Member from"),
            _("Member until"),
            _("E-mail address"),
            _("User in the portal"),
        ],
        rows=[
            [
                m.name,
                m.organisation,
                str(m.get_role_display()),
                m.starts_on,
                m.ends_on,
                m.address,
                (m.user.get_full_name() or m.user.username) if m.user else "",
            ]
            for m in members
        ],
    )
