"""The people list as a table: the page and the CSV/XLSX download render the same rows."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable


def roles_text(user) -> str:
    return "; ".join(str(m.label) for m in user.memberships.all())


def last_login(user) -> str:
    if not user.last_login:
        return _("Never")
    return formats.date_format(timezone.localtime(user.last_login), "SHORT_DATETIME_FORMAT")


def people_table(users) -> ReportTable:
    return ReportTable(
        id="personer",
        caption=_("People"),
        headers=[_("Name"), _("E-mail address"), _("Roles"), _("Active"), _("Last login")],
        rows=[
            [u.get_full_name() or u.username, u.email, roles_text(u), u.is_active, last_login(u)]
            for u in users
        ],
    )
