"""The demo's enhanced cooperation (issue 14) from the sources: the six members of 2019–2020,
Taleinstituttet's exit, the 2019 process done (reports for the five continuing members,
remarks made final by the panel's chair, the DAS item of 21 May 2019 generated from the data),
and the 2020 round with reports that await the panel's remarks."""

import datetime as dt
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from pypdf import PdfReader

from enhanced_cooperation.models import Exit, Member, Remark
from enhanced_cooperation.reports import report_key
from meetings.models import Meeting
from submissions.models import ReportingRound

CONTINUING = {
    "Fagcenter for Autisme og ADHD",
    "Institut for Syn og Hørelse",
    "Neurocenter Østerskoven",
    "Rehabiliteringscenter Strandgården",
    "Specialbørnehjemmet Kvisten",
}
LEAVING = "Taleinstituttet og Hjerneskadecenter Nordjylland"


@pytest.fixture
def committed_demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", stdout=io.StringIO())


def _pdf_text(response) -> str:
    pdf = b"".join(response.streaming_content)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_members_and_the_exit_from_the_sources(committed_demo):
    members = {m.name: m for m in Member.objects.filter(period__start_year=2019)}
    assert set(members) == CONTINUING | {LEAVING}
    fagcenter = members["Fagcenter for Autisme og ADHD"].offers.values_list("name", flat=True)
    assert sorted(fagcenter) == [
        "Fagcenter for Autisme og ADHD – Specialbørnehaven Birken",
        "Fagcenter for Autisme og ADHD – Viften",
    ]
    leaving = Exit.objects.get(member=members[LEAVING])
    assert (leaving.status, leaving.decided_on, leaving.ends_on) == (
        "decided",
        dt.date(2019, 2, 8),
        dt.date(2019, 12, 31),
    )
    assert members[LEAVING].ends_on == dt.date(2019, 12, 31)
    assert "bilaterale aftaler med Aalborg Kommune" in leaving.reason


def test_the_2019_process_is_done(committed_demo):
    done = ReportingRound.objects.get(kind="annual_report", year=2019)
    assert done.status == "closed"
    reported = {}
    for submission in done.submissions.all():
        assert submission.status == "accepted"
        answers = submission.versions.get().answers
        for member in Member.objects.filter(period__start_year=2019):
            if report_key(member.pk) in answers:
                reported[member.name] = answers[report_key(member.pk)]
    assert set(reported) == CONTINUING
    assert reported["Specialbørnehjemmet Kvisten"]["occupancy_pct"] == "98"
    remarks = Remark.objects.filter(round=done)
    assert {r.member.name for r in remarks} == CONTINUING
    assert all(r.is_final for r in remarks)
    assert {r.author.username for r in remarks} == {"ekspertpanel", "ekspertpanel-2"}
    assert {r.finalised_by.username for r in remarks} == {"ekspertpanel"}  # the chair


def test_the_das_item_is_generated_from_the_data(committed_demo, client):
    das = Meeting.objects.get(reference="DAS-2019-05-21")
    item = das.items.get(
        title="Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet"
    )
    assert "Specialbørnehjemmet Kvisten: Resumé af årsrapport:" in item.summary
    assert "Bemærkninger: Høj belægning, men tre unge kan flytte i 2019" in item.summary
    assert "Der er ikke modtaget indmelding om nye tilbud." in item.summary
    assert "Udtræder af det forstærkede samarbejde pr. 31. december 2019" in item.summary
    assert ["godkender", "at de fem tilbud fortsætter i det forstærkede samarbejde 2020"] in (
        item.recommendations
    )
    attachment = item.attachments.get()
    assert attachment.document.kind == "enhanced_cooperation.item_report"
    assert attachment.document.status == "done"
    client.force_login(get_user_model().objects.get(username="das-medlem"))
    text = _pdf_text(client.get(f"/moeder/{das.reference}/bilag/{attachment.pk}/"))
    assert "Specialbørnehjemmet Kvisten" in text and "Bemærkninger" in text


def test_the_panel_sees_what_awaits_its_remarks_and_the_flags(committed_demo, client):
    current = ReportingRound.objects.get(kind="annual_report", year=2020)
    assert current.status == "open"
    client.force_login(get_user_model().objects.get(username="ekspertpanel"))
    page = client.get("/").content.decode()
    assert "venter på dine bemærkninger" in page
    out = io.StringIO()
    call_command("enhanced_cooperation_flags", year=2019, format="json", stdout=out)
    flags = {row["offer"]: row for row in json.loads(out.getvalue())}
    viften = flags["Fagcenter for Autisme og ADHD – Viften"]
    assert viften["period"] == "2019-2020"
    assert {"occupancy", "operator"} <= {f["signal"] for f in viften["flags"]}
    assert flags["Specialbørnehjemmet Kvisten"]["flags"] == []
