"""The secretariat creates and edits meetings and their attendance in the browser; a
non-guest for one item is refused with the row named and nothing saved; others get 404."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.forms_setup import MeetingForm
from meetings.models import AgendaItem, Attendance, Body, BodyMember, Meeting
from socialaftale.lib.edits import edit_token
from tests.factories.meetings import bodies, das_meeting_of_21_may_2019


@pytest.fixture
def das(db):
    bodies()
    body = Body.objects.get(short_name="DAS")
    for name, organisation, role in [
        ("Anne Formand", "Aalborg Kommune", "formand"),
        ("Bent Direktør", "Hjørring Kommune", ""),
    ]:
        BodyMember.objects.create(body=body, name=name, organisation=organisation, role=role)
    return body


@pytest.fixture
def meeting(das):
    return Meeting.objects.create(
        body=das,
        date=dt.date(2026, 6, 16),
        starts_at=dt.time(13),
        ends_at=dt.time(16),
        venue="Regionshuset",
    )


def meeting_data(body, **changes):
    data = {
        "body": body.pk,
        "date": "16.06.2026",
        "starts_at": "13.00",
        "ends_at": "16.00",
        "venue": "Regionshuset, mødelokale 2",
    }
    existing = Meeting.objects.filter(body=body).order_by("-pk").first()
    if existing is not None:  # the edit form's token of what it showed (ignored by "new")
        data["edit_token"] = MeetingForm(instance=existing)["edit_token"].initial
    return {**data, **changes}


def attendance_data(meeting, rows):
    """The management form plus one dict per row (existing rows carry their id)."""
    existing = list(meeting.attendance.order_by("position", "pk"))
    token = edit_token(list(meeting.attendance.order_by("pk")))
    data = {
        "attendance-TOTAL_FORMS": len(rows),
        "attendance-INITIAL_FORMS": len(existing),
        "attendance-MIN_NUM_FORMS": 0,
        "attendance-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        if index < len(existing):
            data[f"attendance-{index}-id"] = existing[index].pk
        data[f"attendance-{index}-meeting"] = meeting.pk
        for name in ("name", "organisation", "role", "kind", "item", "DELETE"):
            if row.get(name) not in (None, False):
                data[f"attendance-{index}-{name}"] = row[name]
    return {**data, "edit_token": token}


def row(person, **changes):
    return {
        "name": person.name,
        "organisation": person.organisation,
        "role": person.role,
        "kind": person.kind,
        "item": person.item_id or "",
        **changes,
    }


@pytest.mark.django_db
def test_the_secretariat_creates_a_meeting_with_the_members_as_present(client, secretariat, das):
    client.force_login(secretariat)
    page = client.get("/moeder/ny/")
    assert page.status_code == 200
    assert 'type="date"' in page.content.decode()
    response = client.post("/moeder/ny/", meeting_data(das, date="16-06-2026"))
    meeting = Meeting.objects.get()
    assert meeting.reference == "DAS-2026-06-16"
    assert response.status_code == 302 and response["Location"] == "/moeder/DAS-2026-06-16/"
    assert (meeting.starts_at, meeting.ends_at) == (dt.time(13), dt.time(16))
    assert meeting.status == "planned"
    people = [str(p) for p in meeting.attendance.order_by("position")]
    assert people == ["Anne Formand (Aalborg Kommune, formand)", "Bent Direktør (Hjørring Kommune)"]
    assert set(meeting.attendance.values_list("kind", flat=True)) == {"present"}
    # the ISO date of <input type="date"> and "13:00" are read too
    kkr = Body.objects.get(short_name="KKR")
    client.post(
        "/moeder/ny/", meeting_data(kkr, date="2026-06-17", starts_at="09:30", ends_at="12:00")
    )
    assert Meeting.objects.get(body=kkr).starts_at == dt.time(9, 30)


@pytest.mark.django_db
def test_a_second_meeting_of_the_body_that_day_is_refused_and_the_input_kept(
    client, secretariat, meeting
):
    client.force_login(secretariat)
    response = client.post(
        "/moeder/ny/", meeting_data(meeting.body, venue="Rådhuset i Aars", date="16.06.2026")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "DAS har allerede et møde på denne dato: DAS-2026-06-16" in page
    assert 'value="Rådhuset i Aars"' in page
    assert 'value="2026-06-16"' in page  # the typed date, shown in the date picker's format
    assert 'aria-invalid="true"' in page
    assert Meeting.objects.count() == 1


@pytest.mark.django_db
def test_a_meeting_that_ends_before_it_starts_is_refused_on_the_end_field(client, secretariat, das):
    client.force_login(secretariat)
    response = client.post("/moeder/ny/", meeting_data(das, starts_at="13.00", ends_at="12.30"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mødet skal slutte efter det begynder (13.00)" in page
    assert 'id="id_ends_at_error"' in page or "id_ends_at_error" in page
    assert Meeting.objects.count() == 0
    response = client.post("/moeder/ny/", meeting_data(das, date="31.02.2026"))
    assert "Skriv datoen som dd.mm.åååå" in response.content.decode()
    assert 'value="31.02.2026"' in response.content.decode()


@pytest.mark.django_db
def test_a_body_with_spaces_and_danish_letters_gets_an_address_safe_reference(
    client, secretariat, das
):
    client.force_login(secretariat)
    fu = Body.objects.get(short_name="FU Beskæftigelse")
    response = client.post("/moeder/ny/", meeting_data(fu))
    meeting = Meeting.objects.get()
    assert meeting.reference == f"FU-Beskaeftigelse-{meeting.date:%Y-%m-%d}"
    assert response["Location"] == f"/moeder/{meeting.reference}/"
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/moeder/").status_code == 200


@pytest.mark.django_db
def test_editing_the_date_changes_the_reference_and_redirects_to_the_new_address(
    client, secretariat, meeting
):
    client.force_login(secretariat)
    url = "/moeder/DAS-2026-06-16/rediger/"
    page = client.get(url).content.decode()
    assert 'value="2026-06-16"' in page and 'value="13:00"' in page
    response = client.post(url, meeting_data(meeting.body, date="18.06.2026"))
    assert response.status_code == 302 and response["Location"] == "/moeder/DAS-2026-06-18/"
    meeting.refresh_from_db()
    assert meeting.reference == "DAS-2026-06-18" and meeting.venue == "Regionshuset, mødelokale 2"
    assert client.get(url).status_code == 404
    # saving unchanged is not a clash with itself
    again = meeting_data(meeting.body, date="18.06.2026")
    response = client.post("/moeder/DAS-2026-06-18/rediger/", again)
    assert response.status_code == 302


@pytest.mark.django_db
def test_attendance_is_saved_with_a_guest_for_one_item(client, secretariat, meeting):
    Attendance.objects.create(
        meeting=meeting,
        name="Anne Formand",
        organisation="Aalborg Kommune",
        role="formand",
        kind="present",
        position=0,
    )
    first = AgendaItem.objects.create(meeting=meeting, section="welcome", title="Dagsorden")
    report = AgendaItem.objects.create(
        meeting=meeting, section="decision", position=1, title="Årsrapport Socialtilsyn Nord"
    )
    client.force_login(secretariat)
    page = client.get("/moeder/DAS-2026-06-16/deltagere/").content.decode()
    assert "<caption" in page
    assert f'<option value="{report.pk}">2. Årsrapport Socialtilsyn Nord</option>' in page
    assert "Række 1: Navn" in page and "Række 4: Slet" in page  # 1 person + 3 blank rows
    anne = meeting.attendance.get()
    rows = [
        row(anne, kind="apologies"),
        {
            "name": "Erik Sekretariat",
            "organisation": "Sekretariatet",
            "role": "ref.",
            "kind": "present",
        },
        {
            "name": "Frida Tilsyn",
            "organisation": "Socialtilsyn Nord",
            "kind": "guest",
            "item": report.pk,
        },
        {"kind": "present"},
    ]
    response = client.post("/moeder/DAS-2026-06-16/deltagere/", attendance_data(meeting, rows))
    assert response.status_code == 302, response.content.decode()
    people = list(meeting.attendance.order_by("position"))
    assert [(p.name, p.kind, p.item, p.position) for p in people] == [
        ("Anne Formand", "apologies", None, 0),
        ("Erik Sekretariat", "present", None, 1),
        ("Frida Tilsyn", "guest", report, 2),
    ]
    assert first.guests.count() == 0
    # delete a row
    rows = [row(p) for p in people]
    rows[1]["DELETE"] = "on"
    client.post("/moeder/DAS-2026-06-16/deltagere/", attendance_data(meeting, rows))
    assert list(meeting.attendance.order_by("position").values_list("name", flat=True)) == [
        "Anne Formand",
        "Frida Tilsyn",
    ]


@pytest.mark.django_db
def test_a_non_guest_for_one_item_is_refused_with_the_row_named_and_nothing_saved(
    client, secretariat, meeting
):
    anne = Attendance.objects.create(
        meeting=meeting,
        name="Anne Formand",
        position=0,
        organisation="Aalborg Kommune",
        kind="present",
    )
    item = AgendaItem.objects.create(meeting=meeting, section="decision", title="Udgiftsanalyse")
    client.force_login(secretariat)
    rows = [
        row(anne, name="Anne Formand-Hansen"),
        {
            "name": "Frida Tilsyn",
            "organisation": "Socialtilsyn Nord",
            "kind": "guest",
            "item": item.pk,
        },
        {
            "name": "Bent Direktør",
            "organisation": "Hjørring Kommune",
            "kind": "present",
            "item": item.pk,
        },
    ]
    response = client.post("/moeder/DAS-2026-06-16/deltagere/", attendance_data(meeting, rows))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Række 3: kun gæster kan deltage i et enkelt punkt" in page
    assert 'id="id_attendance-2-item_error"' in page
    assert 'value="Bent Direktør"' in page  # what was typed is kept
    assert list(meeting.attendance.values_list("name", flat=True)) == ["Anne Formand"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["das_member", "aalborg_reporter", "outsider"])
def test_only_the_secretariat_sets_up_meetings(client, request, persona, meeting):
    client.force_login(request.getfixturevalue(persona))
    for url in (
        "/moeder/ny/",
        "/moeder/DAS-2026-06-16/rediger/",
        "/moeder/DAS-2026-06-16/deltagere/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, meeting_data(meeting.body, date="17.06.2026")).status_code == 404
    assert Meeting.objects.get().reference == "DAS-2026-06-16"
    client.logout()
    assert client.get("/moeder/ny/").status_code == 302  # to the login page


@pytest.mark.django_db
def test_the_meeting_list_offers_a_new_meeting_to_the_secretariat_only(
    client, secretariat, das_member
):
    client.force_login(secretariat)
    assert 'href="/moeder/ny/"' in client.get("/moeder/").content.decode()
    client.force_login(das_member)
    assert 'href="/moeder/ny/"' not in client.get("/moeder/").content.decode()


@pytest.mark.django_db
def test_the_meeting_list_downloads_as_csv_with_the_rows_the_page_shows(client, secretariat):
    das_meeting_of_21_may_2019()
    client.force_login(secretariat)
    page = client.get("/moeder/").content.decode()
    assert "_export=xlsx" in page and "Den Administrative Styregruppe" in page
    response = client.get("/moeder/?_export=csv")
    assert response["Content-Disposition"] == 'attachment; filename="moeder.csv"'
    text = response.content.decode("utf-8-sig")
    assert text.startswith("Reference;Møde;Dato;Tid;Sted;Status;Punkter")
    assert "DAS-2019-05-21;Den Administrative Styregruppe;2019-05-21;13.00–16.00;" in text
    assert text.rstrip().endswith("Referat godkendt;15")


@pytest.mark.django_db
def test_the_meeting_list_filters_by_body_and_pages_with_constant_queries(
    client, secretariat, django_assert_max_num_queries
):
    bodies()
    das, kkr = Body.objects.get(code="das"), Body.objects.get(code="kkr")

    def meetings(body, count, year):
        for day in range(count):
            date = dt.date(year, 1, 1) + dt.timedelta(days=day)
            Meeting.objects.create(
                body=body, date=date, starts_at=dt.time(13), ends_at=dt.time(15), venue="Aalborg"
            )

    meetings(das, 3, 2020)
    meetings(kkr, 2, 2020)
    client.force_login(secretariat)
    with CaptureQueriesContext(connection) as few:
        assert "5 møder" in client.get("/moeder/").content.decode()
    meetings(das, 60, 2021)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/moeder/").content.decode()
    assert "65 møder" in page and page.count("/moeder/DAS-2021-") == 25  # 25 a page
    filtered = client.get(f"/moeder/?organ={kkr.pk}").content.decode()
    assert "2 møder" in filtered and "/moeder/DAS-" not in filtered
