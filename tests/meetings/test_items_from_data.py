"""Agenda items generated from the portal's data (an analysis run, the Socialtilsyn budget, a
round summary) with a rendered attachment, and that attachment generated again."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from documents.models import GeneratedDocument
from meetings import services
from meetings.models import Attachment, MeetingStatus
from meetings.pdf import meeting_for_pdf, render_pack_pdf
from monitoring.models import AnalysisRun
from monitoring.services import analysis_run_create
from submissions import services as submission_services
from tests.factories.monitoring import citizen_lists
from tests.factories.tariffs import socialtilsyn_nord_2019
from tests.meetings.support import (
    downloaded,
    flat,
    generate,
    meeting_documents,
    pages_of,
    post_status,
    url,
)

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
ROUND_TITLE = "Behov og kapacitet 2019"


@pytest.fixture
def analysis_run(aalborg, hjorring, django_capture_on_commit_callbacks):
    """A computed expenditure analysis for January 2019 (draft, with its result)."""
    citizen_lists({aalborg: AALBORG_LIST, hjorring: HJORRING_LIST})
    with django_capture_on_commit_callbacks(execute=True):
        run = analysis_run_create(measure="2019-01", user=None)
    run = AnalysisRun.objects.get(pk=run.pk)
    assert run.result, run.error
    return run


@pytest.fixture
def budget_2019(db):
    """The published Socialtilsyn Nord figures: budget 2019, price index and the 0-17 key."""
    socialtilsyn_nord_2019()
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
