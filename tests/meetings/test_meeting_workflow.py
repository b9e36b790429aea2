"""The meeting workflow in the browser: status steps that order the members' PDFs, who sees
what, uploaded and generated attachments, forwarding DAS -> KKR, editing the recommendation
and the section, and the preview. Messages are asserted in Danish, as the user reads them."""

import datetime as dt
import functools
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from demo import meetings as meetings_demo
from demo import organisations as organisations_demo
from demo import tariffs as tariffs_demo
from demo.meetings import load_bodies, load_demo_meeting
from documents.models import GeneratedDocument
from meetings import services
from meetings.calculations import number_items
from meetings.models import AgendaItem, Attachment, Body, Meeting, MeetingStatus
from meetings.pdf import meeting_for_pdf, render_meeting_pdf, render_pack_pdf
from monitoring.models import AnalysisRun
from monitoring.services import analysis_run_create, citizen_list_import
from socialaftale.lib.pdf import render_pdf
from submissions import services as submission_services
from tariffs.models import ReductionTarget
from tests.factories import OfferFactory, RegionFactory, UnitFactory

# The same citizen lists as tests/monitoring/test_analysis_runs.py: January 2016 -> 2019 the
# cohort's expenditure falls from 7,500 to 7,000 kr. = 6.67 % against a target of 4 %.
AALBORG_LIST = """borger;kommune;tilbud;maaned;udgift
ps-a;851;Kvisten;2016-01;1000
ps-a;851;Løvdal;2016-01;500
ps-b;851;Kvisten;2016-01;2000
ps-a;851;Kvisten;2017-01;1450
ps-b;851;Kvisten;2017-01;1950
ps-a;851;Kvisten;2018-01;1420
ps-b;851;Kvisten;2018-01;1920
ps-a;851;Kvisten;2019-01;1400
ps-b;851;Kvisten;2019-01;1900
"""
HJORRING_LIST = """borger;kommune;tilbud;maaned;udgift
ps-c;860;Kvisten;2016-01;4000
ps-c;860;Kvisten;2017-01;3900
ps-c;860;Kvisten;2018-01;3800
ps-c;860;Kvisten;2019-01;3700
"""
REFERENCE = Path(settings.BASE_DIR) / "fixtures" / "reference"
ROUND_TITLE = "Behov og kapacitet 2019"
DAS_ANALYSIS_ITEM = "Udgiftsanalyse 2019"  # item 5 of the demo DAS meeting

# The demo meeting renders its three attachment PDFs; the same HTML gives the same PDF, so
# render each once per test run.
_render_pdf_once = functools.lru_cache(maxsize=None)(render_pdf)


# --- Fixtures ---


@pytest.fixture(autouse=True)
def demo_attachments_rendered_once(monkeypatch):
    monkeypatch.setattr(meetings_demo, "render_pdf", _render_pdf_once)


@pytest.fixture
def das_meeting(db):
    """The demo DAS meeting of 21 May 2019: minutes approved, 15 items, 3 attachments."""
    return load_demo_meeting()


def new_meeting(code: str, date: dt.date, status=MeetingStatus.PLANNED) -> Meeting:
    load_bodies()
    return Meeting.objects.create(
        body=Body.objects.get(code=code),
        date=date,
        status=status,
        starts_at=dt.time(13),
        ends_at=dt.time(15),
        venue="Regionshuset, mødelokale 2",
    )


@pytest.fixture
def empty_meeting(db):
    """A planned DAS meeting with no items yet."""
    return new_meeting("das", dt.date(2019, 9, 10))


@pytest.fixture
def planned(empty_meeting):
    """A planned DAS meeting with one item for decision."""
    services.item_create(meeting=empty_meeting, section="decision", title="Budget 2020")
    return empty_meeting


@pytest.fixture
def das_draft(das_meeting):
    """The demo DAS meeting as a draft agenda (approved minutes freeze a meeting)."""
    das_meeting.status = MeetingStatus.PLANNED
    das_meeting.save(update_fields=["status"])
    return das_meeting


@pytest.fixture
def kkr_meeting(das_meeting):
    """A planned KKR meeting after the demo DAS meeting: where its items go on to."""
    return new_meeting("kkr", dt.date(2019, 6, 13))


@pytest.fixture
def analysis_run(aalborg, hjorring, django_capture_on_commit_callbacks):
    """A computed expenditure analysis for January 2019 (draft, with its result)."""
    region = RegionFactory()
    OfferFactory(name="Kvisten", operator=region)
    OfferFactory(name="Løvdal", operator=region)
    for year, pct in ((2017, "1.0"), (2018, "0.5"), (2019, "0.5")):
        ReductionTarget.objects.create(
            year=year, tariff_reduction_pct=Decimal(pct), dialogue_reduction_pct=Decimal(pct)
        )
    for organisation, text in ((aalborg, AALBORG_LIST), (hjorring, HJORRING_LIST)):
        citizen_list_import(
            data=text.encode(),
            filename="liste.csv",
            user=None,
            unit=UnitFactory(organisation=organisation),
        )
    with django_capture_on_commit_callbacks(execute=True):
        run = analysis_run_create(measure="2019-01", user=None)
    run = AnalysisRun.objects.get(pk=run.pk)
    assert run.result, run.error
    return run


@pytest.fixture
def budget_2019(db):
    """The published Socialtilsyn Nord figures: budget 2019, price index and the 0-17 key."""
    organisations_demo.load_reference(REFERENCE)
    tariffs_demo.load_supervision(REFERENCE)
    tariffs_demo.load_targets_and_rates(REFERENCE)
    tariffs_demo.load_children_key()
    return 2019


@pytest.fixture
def reporting_round(aalborg_reporter):
    """An open demand/capacity round (not a draft) with one unit."""
    unit = aalborg_reporter.memberships.get().unit
    created = submission_services.round_create(
        kind="demand_capacity",
        year=2019,
        title=ROUND_TITLE,
        opens_on=dt.date(2018, 11, 15),
        deadline=dt.date(2018, 12, 14),
        units=[unit],
    )
    return submission_services.round_open(reporting_round=created)


# --- Helpers ---


def url(meeting: Meeting, path: str = "") -> str:
    return f"/moeder/{meeting.reference}/{path}"


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """PDF text with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def pdf_text(meeting: Meeting, *, minutes: bool = False) -> str:
    return flat(
        " ".join(pages_of(render_meeting_pdf(meeting_for_pdf(meeting.reference), minutes=minutes)))
    )


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content)


def post_status(client, meeting: Meeting, action: str, **fields):
    """The step's button and then the confirmation page's button (with `confirmed`)."""
    data = {"action": action, "confirmed": "1", **fields}
    return client.post(url(meeting, "status/"), data, follow=True)


def item_form_data(item: AgendaItem, **changes) -> dict:
    data = {
        "section": item.section,
        "title": item.title,
        "guest_line": item.guest_line,
        "summary": item.summary,
        "background": item.background,
        "body_heading": item.body_heading,
        "body": item.body,
        "decision": item.decision,
        "editorial_note": item.editorial_note,
        "is_public": "on",
        "edit_version": item.edit_version,
        "rec-TOTAL_FORMS": "0",
        "rec-INITIAL_FORMS": "0",
    }
    return {**data, **changes}


def a_pdf(text: str) -> bytes:
    return _render_pdf_once(f'<html lang="da"><body><h1>{text}</h1></body></html>')


def upload(client, meeting: Meeting, item: AgendaItem, title: str, content: bytes, name="x.pdf"):
    file = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(url(meeting, f"punkter/{item.pk}/bilag/"), {"title": title, "file": file})


def generate(client, meeting: Meeting, choice: str, **kwargs):
    return client.post(url(meeting, "punkter/fra-data/"), {"choice": choice}, **kwargs)


def forward(client, item: AgendaItem, target: Meeting):
    return client.post(url(item.meeting, f"punkter/{item.pk}/videresend/"), {"target": target.pk})


def numbers(meeting: Meeting) -> dict[int, int]:
    """Item id -> its number on the agenda."""
    return number_items(list(meeting.items.values_list("pk", "section", "position")))


def section_titles(meeting: Meeting, section: str) -> list[str]:
    return list(
        meeting.items.filter(section=section)
        .order_by("position", "id")
        .values_list("title", flat=True)
    )


def meeting_documents() -> list[tuple[str, str]]:
    documents = GeneratedDocument.objects.filter(kind="meetings.document").order_by("id")
    return [(document.params["document"], document.status) for document in documents]


# --- 1. Status ---


@pytest.mark.django_db
def test_publish_hold_approve_walk_the_statuses_and_order_the_members_pdfs(
    client, secretariat, planned, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    steps = [
        (
            "publish",
            MeetingStatus.AGENDA_PUBLISHED,
            "Dagsorden udsendt",
            [("agenda", "done"), ("pack", "done")],
        ),
        ("hold", MeetingStatus.HELD, "Afholdt", [("agenda", "done"), ("pack", "done")]),
        (
            "approve",
            MeetingStatus.MINUTES_APPROVED,
            "Referat godkendt",
            [("agenda", "done"), ("pack", "done"), ("minutes", "done")],
        ),
    ]
    for action, status, label, documents in steps:
        with django_capture_on_commit_callbacks(execute=True):
            response = post_status(client, planned, action)
        assert f"Mødet har nu status »{label}«." in response.content.decode(), action
        planned.refresh_from_db()
        assert planned.status == status
        assert meeting_documents() == documents, action
    for document in GeneratedDocument.objects.filter(kind="meetings.document"):
        assert document.params["meeting"] == planned.reference
        assert document.file.read(5) == b"%PDF-", document.params


@pytest.mark.django_db
def test_an_agenda_without_items_is_not_published(client, secretariat, empty_meeting):
    client.force_login(secretariat)
    response = post_status(client, empty_meeting, "publish")
    assert "Dagsordenen har endnu ingen punkter." in response.content.decode()
    empty_meeting.refresh_from_db()
    assert empty_meeting.status == MeetingStatus.PLANNED
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "action", "label"),
    [
        (MeetingStatus.PLANNED, "hold", "Planlagt"),
        (MeetingStatus.HELD, "cancel", "Afholdt"),
        (MeetingStatus.HELD, "publish", "Afholdt"),
    ],
)
def test_a_step_from_the_wrong_status_is_refused_and_nothing_changes(
    client, secretariat, planned, status, action, label
):
    planned.status = status
    planned.save()
    client.force_login(secretariat)
    response = post_status(client, planned, action)
    assert f"Mødet har status »{label}«; det trin er ikke muligt nu." in (response.content.decode())
    planned.refresh_from_db()
    assert planned.status == status
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
def test_a_planned_meeting_can_be_cancelled_without_documents(client, secretariat, planned):
    client.force_login(secretariat)
    response = post_status(client, planned, "cancel")
    assert "Mødet har nu status »Aflyst«." in response.content.decode()
    planned.refresh_from_db()
    assert planned.status == MeetingStatus.CANCELLED
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
def test_a_member_cannot_change_the_status_of_a_meeting_they_can_see(
    client, das_member, das_meeting
):
    das_meeting.status = MeetingStatus.AGENDA_PUBLISHED
    das_meeting.save()
    client.force_login(das_member)
    assert client.get(url(das_meeting)).status_code == 200  # visible, but not theirs to change
    assert client.post(url(das_meeting, "status/"), {"action": "hold"}).status_code == 404
    das_meeting.refresh_from_db()
    assert das_meeting.status == MeetingStatus.AGENDA_PUBLISHED


@pytest.mark.django_db
def test_an_unknown_status_action_is_404(client, secretariat, planned):
    client.force_login(secretariat)
    assert client.post(url(planned, "status/"), {"action": "delete"}).status_code == 404


# --- 2. Access ---


@pytest.mark.django_db
def test_a_member_does_not_see_a_planned_meeting(client, das_member, planned):
    client.force_login(das_member)
    assert client.get(url(planned)).status_code == 404


@pytest.mark.django_db
def test_a_member_sees_closed_items_marked_as_closed(client, das_member, das_meeting):
    # "Lukket punkt" is closed to the public, not to the body's members (as on paper).
    das_meeting.status = MeetingStatus.AGENDA_PUBLISHED
    das_meeting.save()
    das_meeting.items.filter(title="Årsrapport Socialtilsyn Nord").update(is_public=False)
    client.force_login(das_member)
    page = client.get(url(das_meeting))
    assert page.status_code == 200
    html = flat(page.content.decode())
    assert "Årsrapport Socialtilsyn Nord Lukket punkt" in re.sub(r"<[^>]+>", "", html)
    assert "Årsrapport 2018 – sammenfatning" in html  # its attachment is listed


@pytest.mark.django_db
def test_a_member_downloads_the_attachments_of_their_bodys_meeting_only(
    client, das_member, outsider, das_meeting
):
    das_meeting.items.filter(title="Årsrapport Socialtilsyn Nord").update(is_public=False)
    closed = Attachment.objects.get(item__meeting=das_meeting, item__is_public=False)
    public = Attachment.objects.get(item__title=DAS_ANALYSIS_ITEM)
    client.force_login(das_member)
    for attachment in (closed, public):
        response = client.get(url(das_meeting, f"bilag/{attachment.pk}/"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert downloaded(response).startswith(b"%PDF-")
    client.force_login(outsider)
    assert client.get(url(das_meeting, f"bilag/{public.pk}/")).status_code == 404


@pytest.mark.django_db
def test_the_pack_marks_a_closed_item_and_keeps_its_attachment_after_it(
    client, secretariat, das_member, planned, django_capture_on_commit_callbacks
):
    closed = services.item_create(meeting=planned, section="decision", title="Personsag")
    closed.is_public = False
    closed.save()
    note = ContentFile(a_pdf("Fortroligt notat"), name="notat.pdf")
    services.attachment_add(item=closed, title="Notat om borgeren", file=note)
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        post_status(client, planned, "publish")
    pack = GeneratedDocument.objects.get(kind="meetings.document", params__document="pack")
    client.force_login(das_member)
    response = client.get(f"/dokumenter/{pack.pk}/hent/")
    assert response.status_code == 200
    pages = [flat(text) for text in pages_of(downloaded(response))]
    start = next(
        i for i, text in enumerate(pages) if "Personsag" in text and "LUKKET PUNKT" in text
    )
    assert "Fortroligt notat" in pages[start + 1]


@pytest.mark.django_db
def test_members_get_an_e_mail_when_the_agenda_goes_out_and_when_the_minutes_are_approved(
    client, secretariat, das_member, planned, mailoutbox, django_capture_on_commit_callbacks
):
    from meetings.models import BodyMember

    BodyMember.objects.create(
        body=planned.body, user=das_member, name="Dorte DAS-medlem", organisation="Thisted Kommune"
    )
    BodyMember.objects.create(body=planned.body, name="Uden bruger", organisation="Læsø")
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        post_status(client, planned, "publish")
    assert len(mailoutbox) == 1  # the member without a user cannot be reached
    notice = mailoutbox[0]
    assert notice.to == [das_member.email]
    assert notice.subject == "Dagsorden til mødet i DAS den 10. september 2019"
    assert (
        "Dagsordenen til mødet i Den Administrative Styregruppe den 10. september 2019 er "
        "udsendt." in " ".join(notice.body.split())
    )
    assert f"/moeder/{planned.reference}/" in notice.body and "1. Budget 2020" in notice.body
    with django_capture_on_commit_callbacks(execute=True):
        post_status(client, planned, "hold")  # no e-mail for this step
        post_status(client, planned, "approve")
    assert [m.subject for m in mailoutbox[1:]] == ["Referat af mødet i DAS den 10. september 2019"]


# --- 3. Uploaded attachments ---


@pytest.mark.django_db
def test_uploaded_pdfs_are_stored_and_numbered_in_agenda_order(client, secretariat, planned):
    decision = planned.items.get()
    welcome = services.item_create(meeting=planned, section="welcome", title="Velkomst")
    client.force_login(secretariat)
    content = a_pdf("Budgetoplæg")
    response = upload(client, planned, decision, "Budgetoplæg 2020", content, name="oplaeg.pdf")
    assert response.status_code == 302
    assert response.url == url(planned, f"punkter/{decision.pk}/")
    assert "Bilaget er tilføjet." in client.get(response.url).content.decode()
    upload(client, planned, welcome, "Deltagerliste", a_pdf("Deltagere"))
    stored = Attachment.objects.get(item=decision)
    assert stored.file.name.endswith(".pdf") and stored.document is None
    assert stored.file.read() == content
    # The welcome item comes first on the agenda, so its later upload is "Bilag 1".
    text = pdf_text(planned)
    assert "Bilag 1: Deltagerliste" in text and "Bilag 2: Budgetoplæg 2020" in text


@pytest.mark.django_db
def test_a_file_that_is_not_a_pdf_is_refused_and_the_title_kept(
    client, secretariat, planned, tmp_path
):
    item = planned.items.get()
    client.force_login(secretariat)
    response = upload(client, planned, item, "Budgetoplæg 2020", b"hello", name="oplaeg.pdf")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Filen er ikke en PDF, der kan læses." in html
    assert 'value="Budgetoplæg 2020"' in html
    assert not Attachment.objects.exists()
    assert not (tmp_path / "meetings").exists()  # no file written either


@pytest.mark.django_db
def test_removing_an_attachment_deletes_it(client, secretariat, planned):
    item = planned.items.get()
    attachment = services.attachment_add(
        item=item, title="Budgetoplæg 2020", file=ContentFile(a_pdf("Budget"), name="b.pdf")
    )
    client.force_login(secretariat)
    asked = client.post(url(planned, f"bilag/{attachment.pk}/slet/"))
    assert "Fjern bilaget »Budgetoplæg 2020« fra punktet »Budget 2020«?" in asked.content.decode()
    assert Attachment.objects.filter(pk=attachment.pk).exists()  # nothing yet
    response = client.post(
        url(planned, f"bilag/{attachment.pk}/slet/"), {"confirmed": "1"}, follow=True
    )
    assert "Bilaget er fjernet." in response.content.decode()
    assert response.redirect_chain[-1][0] == url(planned, f"punkter/{item.pk}/")
    assert not Attachment.objects.filter(pk=attachment.pk).exists()


# --- 4. Items generated from the portal's data ---

# fixture -> (the form's choice for its data, document kind, section, title, parts of the
# summary in Danish, numbers with a decimal comma)
SOURCES = {
    "analysis_run": (
        lambda run: f"analysis:{run.pk}",
        "monitoring.analysis_report",
        "decision",
        "Udgiftsanalyse 2019",
        ["januar 2019 med januar 2016", "6,67 %", "4,00 %", "Målet er nået."],
    ),
    "budget_2019": (
        lambda year: f"budget:{year}",
        "tariffs.socialtilsyn_budget",
        "decision",
        "Socialtilsyn Nord – Budget 2019",
        ["Socialtilsyn Nords budget for 2019"],
    ),
    "reporting_round": (
        lambda reporting_round: f"round:{reporting_round.pk}",
        "submissions.round_summary",
        "information",
        f"Opsummering: {ROUND_TITLE}",
        [f"»{ROUND_TITLE}« (frist 14.12.2018)"],
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", list(SOURCES))
def test_an_item_from_data_gets_its_text_and_a_rendered_attachment(
    client, secretariat, planned, fixture, request, django_capture_on_commit_callbacks
):
    choice_for, kind, section, title, summary_parts = SOURCES[fixture]
    choice = choice_for(request.getfixturevalue(fixture))
    services.item_create(meeting=planned, section="information", title="Orientering")
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = generate(client, planned, choice)
    item = planned.items.get(title=title)
    assert response.url == url(planned, f"punkter/{item.pk}/")
    assert f"Punktet »{title}« er tilføjet" in client.get(response.url).content.decode()
    assert item.section == section
    assert planned.items.filter(section=section).order_by("position").last() == item
    for part in summary_parts:
        assert part in item.summary, part
    attachment = item.attachments.get()
    assert attachment.title == title and not attachment.file
    assert (attachment.document.kind, attachment.document.status) == (kind, "done"), (
        attachment.document.error
    )
    response = client.get(url(planned, f"bilag/{attachment.pk}/"))
    assert response["Content-Type"] == "application/pdf"
    assert downloaded(response).startswith(b"%PDF-")


@pytest.mark.django_db
def test_the_pack_puts_a_generated_attachments_pages_right_after_its_item(
    client, secretariat, planned, analysis_run, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        generate(client, planned, f"analysis:{analysis_run.pk}")
    attachment = Attachment.objects.get(item__title="Udgiftsanalyse 2019")
    with attachment.document.file.open("rb") as handle:
        attachment_pages = pages_of(handle.read())
    assert "7.500,00" in " ".join(attachment_pages)  # the analysis' own table
    pages = pages_of(render_pack_pdf(meeting_for_pdf(planned.reference)))
    start = next(i for i, text in enumerate(pages) if i and "2. Udgiftsanalyse 2019" in text)
    assert "Bilag 1: Udgiftsanalyse 2019" in pages[start]
    # The attachment's own pages follow, each with the pack's stamp ("Bilag 1 · n/N") added.
    for offset, attachment_page in enumerate(attachment_pages, start=1):
        assert flat(attachment_page) in flat(pages[start + offset]), offset
        assert f"Bilag 1 · {start + offset + 1}/{len(pages)}" in pages[start + offset], offset
    assert len(pages) == start + 1 + len(attachment_pages)  # the last item's attachment ends it


@pytest.mark.django_db
def test_an_unknown_data_choice_is_refused_and_nothing_is_made(client, secretariat, planned):
    client.force_login(secretariat)
    response = generate(client, planned, "analysis:999999", follow=True)
    assert "Vælg de data, punktet skal dannes ud fra." in response.content.decode()
    assert list(planned.items.values_list("title", flat=True)) == ["Budget 2020"]
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
def test_the_service_refuses_a_choice_that_is_no_longer_listed(planned, secretariat):
    with pytest.raises(ValidationError) as refused:
        services.item_generate(meeting=planned, choice="round:999999", user=secretariat)
    assert refused.value.messages == ["Vælg en af de viste kilder."]
    assert planned.items.count() == 1


@pytest.mark.django_db
def test_publishing_waits_for_generated_attachments(client, secretariat, planned, reporting_round):
    client.force_login(secretariat)
    generate(client, planned, f"round:{reporting_round.pk}")  # its PDF is not rendered (yet)
    assert Attachment.objects.get().document.status == "queued"
    response = post_status(client, planned, "publish")
    assert f"Vent til disse bilag er dannet: Opsummering: {ROUND_TITLE}" in (
        response.content.decode()
    )
    planned.refresh_from_db()
    assert planned.status == MeetingStatus.PLANNED
    assert meeting_documents() == []


# --- 5. Generating an attachment again ---


@pytest.mark.django_db
def test_generating_again_makes_version_2_and_keeps_version_1(
    client, secretariat, planned, reporting_round, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        generate(client, planned, f"round:{reporting_round.pk}")
    attachment = Attachment.objects.get()
    first = attachment.document
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(planned, f"bilag/{attachment.pk}/dan-igen/"), follow=True)
    assert "Bilaget dannes igen ud fra de aktuelle data." in response.content.decode()
    attachment.refresh_from_db()
    second = attachment.document
    assert (second.version, second.status, second.key) == (2, "done", first.key)
    assert second.pk != first.pk and second.file.name != first.file.name
    first.refresh_from_db()
    assert (first.version, first.status) == (1, "done") and first.file.read(5) == b"%PDF-"


@pytest.mark.django_db
def test_an_uploaded_attachment_cannot_be_generated_again(client, secretariat, planned):
    attachment = services.attachment_add(
        item=planned.items.get(), title="Notat", file=ContentFile(a_pdf("Notat"), name="n.pdf")
    )
    client.force_login(secretariat)
    response = client.post(url(planned, f"bilag/{attachment.pk}/dan-igen/"), follow=True)
    assert "Kun bilag dannet af portalen kan dannes igen." in response.content.decode()
    assert not GeneratedDocument.objects.exists()


# --- 6. Forwarding DAS -> KKR ---


@pytest.mark.django_db
def test_forwarding_copies_the_item_with_its_attachments_to_the_kkr_meeting(
    client, secretariat, das_meeting, kkr_meeting
):
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    client.force_login(secretariat)
    response = forward(client, item, kkr_meeting)
    copy = kkr_meeting.items.get()
    assert response.url == url(kkr_meeting, f"punkter/{copy.pk}/")
    page = client.get(response.url).content.decode()
    assert f"Punktet er sat på dagsordenen for {kkr_meeting.reference}." in page
    assert (copy.title, copy.section, copy.forwarded_from) == (item.title, item.section, item)
    assert copy.recommendations == [["drøfter", "udgiftsanalysen"]]
    assert [(a.title, a.file.name) for a in copy.attachments.all()] == [
        (a.title, a.file.name) for a in item.attachments.all()
    ]


@pytest.mark.django_db
def test_the_forwarded_item_shows_its_history_and_the_kkr_recommendation_in_the_pdf(
    das_meeting, kkr_meeting
):
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    services.item_forward(item=item, target=kkr_meeting)
    text = pdf_text(kkr_meeting)
    assert "Sagens forløb" in text
    assert "DAS den 21. maj 2019, punkt 5: Indstillingen blev fulgt." in text
    assert "KKR Nordjylland drøfter udgiftsanalysen" in text
    assert "Bilag 1: Udgiftsanalyse 2019 – tabeller" in text


@pytest.mark.django_db
def test_an_item_forwarded_twice_lists_both_earlier_meetings_oldest_first(
    das_meeting, kkr_meeting, django_assert_max_num_queries
):
    from meetings.pdf import build_meeting_context, meeting_for_pdf

    load_bodies()
    kdk = new_meeting("kdk", dt.date(2019, 8, 20))
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    on_kkr = services.item_forward(item=item, target=kkr_meeting)
    on_kkr.decision = "KKR tog analysen til efterretning."
    on_kkr.save()
    services.item_forward(item=on_kkr, target=kdk)
    loaded = meeting_for_pdf(kdk.reference)
    with django_assert_max_num_queries(4):  # two queries for each of the two steps
        rows = build_meeting_context(loaded, minutes=False)["items"]
    history = rows[0]["history"]
    assert [(h["meeting"].reference, h["number"]) for h in history] == [
        ("DAS-2019-05-21", 5),
        ("KKR-2019-06-13", 1),
    ]
    assert history[1]["item"].decision == "KKR tog analysen til efterretning."


@pytest.mark.django_db
def test_an_item_is_forwarded_to_the_same_meeting_only_once(
    client, secretariat, das_meeting, kkr_meeting
):
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    client.force_login(secretariat)
    assert forward(client, item, kkr_meeting).status_code == 302
    response = forward(client, item, kkr_meeting)
    assert response.status_code == 400
    assert "Punktet er allerede på det mødes dagsorden." in response.content.decode()
    assert kkr_meeting.items.count() == 1


@pytest.mark.django_db
def test_only_coming_meetings_of_other_bodies_are_forwarding_targets(
    client, secretariat, das_meeting, kkr_meeting
):
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    later_das = new_meeting("das", dt.date(2019, 6, 20))
    held_kkr = new_meeting("kkr", dt.date(2019, 6, 27), status=MeetingStatus.HELD)
    earlier_kkr = new_meeting("kkr", dt.date(2019, 5, 2))
    assert list(services.forward_targets(item)) == [kkr_meeting]
    client.force_login(secretariat)
    for target in (later_das, held_kkr, earlier_kkr):
        response = forward(client, item, target)
        assert response.status_code == 400, target
        assert "Marker en gyldig valgmulighed" in response.content.decode()
        assert not target.items.exists()


# --- 7. Editing an item ---


@pytest.mark.django_db
def test_recommendation_bullets_are_saved_and_read_as_a_sentence_in_the_pdf(
    client, secretariat, planned
):
    item = planned.items.get()
    client.force_login(secretariat)
    data = item_form_data(
        item,
        **{
            "rec-TOTAL_FORMS": "2",
            "rec-0-verb": "tager til efterretning",
            "rec-0-text": "orienteringen",
            "rec-1-verb": "",
            "rec-1-text": "",
        },
    )
    response = client.post(url(planned, f"punkter/{item.pk}/"), data, follow=True)
    assert "Punktet er gemt." in response.content.decode()
    item.refresh_from_db()
    assert item.recommendations == [["tager til efterretning", "orienteringen"]]
    text = pdf_text(planned)
    assert "Det indstilles, at" in text
    assert "Den Administrative Styregruppe tager orienteringen til efterretning" in text


@pytest.mark.django_db
def test_a_bullet_without_a_verb_is_refused_and_nothing_is_saved(client, secretariat, planned):
    item = planned.items.get()
    client.force_login(secretariat)
    data = item_form_data(
        item,
        title="Budget 2020 – revideret",
        **{"rec-TOTAL_FORMS": "1", "rec-0-verb": "", "rec-0-text": "orienteringen"},
    )
    response = client.post(url(planned, f"punkter/{item.pk}/"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vælg udsagnsordet for dette punkt." in html
    assert 'value="orienteringen"' in html  # the typed text is kept
    item.refresh_from_db()
    assert (item.title, item.recommendations, item.edit_version) == ("Budget 2020", [], 1)


@pytest.mark.django_db
def test_item_save_puts_a_moved_item_last_in_its_new_section(das_draft):
    das_meeting = das_draft
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    assert numbers(das_meeting)[item.pk] == 5
    services.item_save(item=item, values={"section": "information"}, expected_version=1)
    assert section_titles(das_meeting, "information")[-1] == DAS_ANALYSIS_ITEM
    after = numbers(das_meeting)
    assert after[item.pk] == 12  # decision is now items 3-7, information 8-12
    by_title = {i.title: after[i.pk] for i in das_meeting.items.all()}
    assert by_title["Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet"] == 5
    assert by_title["Evt."] == 13 and by_title["Børnehus Nords budget 2019"] == 15


@pytest.mark.django_db
def test_an_item_moved_with_the_edit_form_goes_last_in_its_new_section(
    client, secretariat, das_draft
):
    das_meeting = das_draft
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    client.force_login(secretariat)
    data = item_form_data(
        item,
        section="information",
        **{"rec-TOTAL_FORMS": "1", "rec-0-verb": "drøfter", "rec-0-text": "udgiftsanalysen"},
    )
    assert client.post(url(das_meeting, f"punkter/{item.pk}/"), data).status_code == 302
    item.refresh_from_db()
    assert item.section == "information"
    assert section_titles(das_meeting, "information")[-1] == DAS_ANALYSIS_ITEM
    assert numbers(das_meeting)[item.pk] == 12


# --- 8. Preview ---


@pytest.mark.django_db
def test_the_secretariat_previews_the_agenda_in_the_browser(client, secretariat, das_meeting):
    client.force_login(secretariat)
    response = client.get(url(das_meeting, "forhaandsvisning/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Forhåndsvisning" in html and "<h1>Dagsorden</h1>" in html
    for title in das_meeting.items.values_list("title", flat=True):
        assert title in html, title
    assert "Indstillingen blev fulgt." not in html  # the decisions belong to the minutes


@pytest.mark.django_db
def test_the_minutes_preview_shows_the_decisions(client, secretariat, das_meeting):
    das_meeting.items.filter(title=DAS_ANALYSIS_ITEM).update(decision="DAS drøftede analysen.")
    client.force_login(secretariat)
    response = client.get(url(das_meeting, "forhaandsvisning/"), {"referat": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Forhåndsvisning" in html and "<h1>Referat</h1>" in html
    assert "DAS drøftede analysen." in html and "Indstillingen blev fulgt." in html


@pytest.mark.django_db
def test_a_member_gets_404_for_the_preview(client, das_member, das_meeting):
    client.force_login(das_member)
    assert client.get(url(das_meeting)).status_code == 200
    assert client.get(url(das_meeting, "forhaandsvisning/")).status_code == 404
    assert client.get(url(das_meeting, "forhaandsvisning/"), {"referat": "1"}).status_code == 404
