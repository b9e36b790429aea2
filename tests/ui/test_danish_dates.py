"""Dates are written with Django's own Danish month and weekday names (issue 11 #8): the
project's catalogue does not replace them, no template uses the format letter that gives
them a capital, and the e-mails write them as the pages do. Every page and PDF of every role
is checked in tests/access/test_danish_dates_on_every_page.py."""

import datetime as dt
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import dates, translation

from meetings.models import Body, Meeting, MeetingStatus
from meetings.notifications import notice
from submissions import mail as round_mail
from submissions import services
from submissions.models import MailKind
from tests.danish_dates import non_danish_dates
from tests.factories.meetings import bodies

BASE = Path(settings.BASE_DIR)
MO = BASE / "locale" / "da" / "LC_MESSAGES" / "django.mo"
NAMES = (
    dates.MONTHS,
    dates.MONTHS_3,
    dates.MONTHS_AP,
    dates.MONTHS_ALT,
    dates.WEEKDAYS,
    dates.WEEKDAYS_ABBR,
)
# Django's "M" is its three-letter month name with a capital ("nov" -> "Nov"): English-looking.
DATE_FORMATS = re.compile(r"""(?:\|date:|date_format\([^,]+,)\s*["']([^"']*)["']""")
NAMED = re.compile(r"[A-Z_]+_FORMAT")
CAPITALISED_MONTH = re.compile(r"(?<!\\)M")


def test_the_project_catalogue_does_not_replace_djangos_month_and_weekday_names():
    with translation.override(None):
        django_msgids = {str(name) for table in NAMES for name in table.values()}
    with MO.open("rb") as mo:
        keys = gettext.GNUTranslations(mo)._catalog  # plural entries: (msgid, n)
    project = {(key if isinstance(key, str) else key[0]).split("\x04")[-1] for key in keys}
    assert django_msgids & project == set()


def test_danish_month_names_come_out_in_lower_case():
    with translation.override("da"):
        assert dates.MONTHS[1] == "januar" and dates.MONTHS_AP[11] == "nov."


def test_no_template_or_module_uses_the_capitalised_month_abbreviation():
    files = [
        *BASE.glob("templates/**/*.html"),
        *BASE.glob("templates/**/*.txt"),
        *(p for p in BASE.glob("*/**/*.py") if ".venv" not in p.parts),
    ]
    found = [
        f"{p.relative_to(BASE)}: {m.group()}"
        for p in files
        for m in DATE_FORMATS.finditer(p.read_text(encoding="utf-8"))
        if not NAMED.fullmatch(m.group(1)) and CAPITALISED_MONTH.search(m.group(1))
    ]
    assert found == []


@pytest.mark.django_db
def test_a_reminder_writes_a_january_deadline_in_danish(aalborg_reporter):
    unit = aalborg_reporter.memberships.get().unit
    reporting_round = services.round_create(
        kind="demand_capacity",
        year=2027,
        title="Runde",
        opens_on=dt.date(2026, 11, 24),
        deadline=dt.date(2027, 1, 20),
        units=[unit],
    )
    round_mail.send_reminder(reporting_round, unit, kind=MailKind.MANUAL, step=None)
    (sent,) = mail.outbox
    assert "20. januar 2027" in sent.body
    assert non_danish_dates(sent.subject + "\n" + sent.body) == []


@pytest.mark.django_db
def test_a_meeting_notice_writes_a_january_meeting_in_danish():
    bodies()
    meeting = Meeting.objects.create(
        body=Body.objects.get(code="das"),
        date=dt.date(2027, 1, 20),
        status=MeetingStatus.PLANNED,
        starts_at=dt.time(13),
        ends_at=dt.time(15),
        venue="Her",
    )
    subject, text = notice(meeting, "publish")
    assert subject.endswith("20. januar 2027")
    assert non_danish_dates(subject + "\n" + text) == []
