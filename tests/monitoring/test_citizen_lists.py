"""Citizen lists: all-or-nothing import with Danish errors by row, CPR numbers never stored."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from monitoring.models import CitizenListUpload, CitizenMonth
from monitoring.pseudonyms import citizen_key
from monitoring.services import citizen_list_import
from monitoring.uploads import InMemoryOnlyUploadHandler
from socialaftale.lib.imports import ImportRejected
from tests.factories import OfferFactory, UnitFactory

HEADER = "borger;kommune;tilbud;måned;udgift\n"


@pytest.fixture
def setting(aalborg, hjorring):
    unit = UnitFactory(organisation=aalborg)
    offers = [OfferFactory(name="Kvisten"), OfferFactory(name="Løvdal")]
    return unit, offers


def csv(text: str, encoding="utf-8-sig") -> bytes:
    return (HEADER + text).encode(encoding)


@pytest.mark.django_db
def test_a_clean_list_imports_with_cpr_numbers_replaced_by_a_keyed_hash(setting):
    unit, offers = setting
    data = csv(
        "010203-1234;Aalborg;Kvisten;2016-01;45.210,00\n"
        "0102031234;851;Løvdal;2016-01;1200.50\n"
        "ps-000042;Aalborg Kommune;Kvisten;2016-02;12345,5\n"
    )
    upload = citizen_list_import(data=data, filename="liste.csv", unit=unit, user=None)
    assert (upload.row_count, upload.citizen_count, upload.months) == (3, 2, ["2016-01", "2016-02"])
    assert upload.total == Decimal("58756.00")
    keys = set(CitizenMonth.objects.values_list("citizen", flat=True))
    assert keys == {citizen_key("0102031234"), "ps-000042"}  # the dash is normalised away
    assert len(citizen_key("0102031234")) == 64


@pytest.mark.django_db
def test_no_cpr_digits_are_stored_anywhere_in_the_database(setting):
    unit, _offers = setting
    citizen_list_import(
        data=csv("010203-1234;Aalborg;Kvisten;2016-01;100\n"),
        filename="010203-1234.csv",
        unit=unit,
        user=None,
    )
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert "0102031234" not in dump.getvalue()
    assert "010203-1234" not in dump.getvalue().replace("010203-1234.csv", "")


@pytest.mark.django_db
def test_every_bad_row_is_reported_in_danish_and_nothing_is_imported(setting):
    unit, _offers = setting
    data = csv(
        "0102031234;Aalborg;Kvisten;2016-01;100\n"  # 2: fine
        "0102031234;Atlantis;Kvisten;2016-01;100\n"  # 3: unknown municipality
        "0102031234;Hjørring;Kvisten;2016-01;100\n"  # 4: another municipality
        "0102031234;Aalborg;Ukendt;2016-01;100\n"  # 5: unknown offer
        "0102031234;Aalborg;Løvdal;jan 2016;100\n"  # 6: bad month
        "0102031234;Aalborg;Løvdal;2016-02;-5\n"  # 7: negative
        "0102031234;Aalborg;Løvdal;2016-03;mange\n"  # 8: not a number
        "010203123;Aalborg;Løvdal;2016-04;100\n"  # 9: nine digits
        "010203-1234;Aalborg;Kvisten;2016-01;7\n"  # 10: duplicate of row 2
    )
    with pytest.raises(ImportRejected) as rejected:
        citizen_list_import(data=data, filename="liste.csv", unit=unit, user=None)
    assert [(e.row, e.column) for e in rejected.value.errors] == [
        (3, "kommune"),
        (4, "kommune"),
        (5, "tilbud"),
        (6, "maaned"),
        (7, "udgift"),
        (8, "udgift"),
        (9, "borger"),
        (10, "borger"),
    ]
    messages = " ".join(str(e) for e in rejected.value.errors)
    assert "010203123" not in messages and "0102031234" not in messages  # no CPR in errors
    assert not CitizenMonth.objects.exists() and not CitizenListUpload.objects.exists()


@pytest.mark.django_db
def test_windows_1252_with_commas_and_xlsx_are_accepted(setting):
    unit, _offers = setting
    data = "borger,kommune,tilbud,maaned,udgift\nps-1,Aalborg,Løvdal,2016-01,100.25\n"
    assert (
        citizen_list_import(
            data=data.encode("cp1252"), filename="a.csv", unit=unit, user=None
        ).row_count
        == 1
    )
    book = openpyxl.Workbook()
    book.active.append(["Borger", "Kommune", "Tilbud", "Måned", "Udgift"])
    book.active.append(["ps-2", "851", "Kvisten", "2016-02", 99.5])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = citizen_list_import(data=buffer.getvalue(), filename="b.xlsx", unit=unit, user=None)
    assert upload.total == Decimal("99.50")


@pytest.mark.django_db
def test_a_new_list_replaces_the_months_it_covers_and_history_is_kept(setting):
    unit, _offers = setting
    citizen_list_import(
        data=csv("ps-1;Aalborg;Kvisten;2016-01;100\nps-1;Aalborg;Kvisten;2016-02;100\n"),
        filename="v1.csv",
        unit=unit,
        user=None,
    )
    second = citizen_list_import(
        data=csv("ps-1;Aalborg;Kvisten;2016-02;80\n"), filename="v2.csv", unit=unit, user=None
    )
    assert second.replaced_rows == 1
    assert sorted(CitizenMonth.objects.values_list("month__month", "amount")) == [
        (1, Decimal("100.00")),
        (2, Decimal("80.00")),
    ]
    assert CitizenListUpload.objects.count() == 2
    first = CitizenListUpload.objects.get(filename="v1.csv")
    assert first.row_count == 2 and len(first.checksum) == 64


@pytest.mark.django_db
def test_a_reporter_uploads_for_their_own_unit_only_and_sees_every_error(
    client, aalborg_reporter, hjorring_reporter, setting
):
    unit = aalborg_reporter.memberships.get().unit
    other = hjorring_reporter.memberships.get().unit
    client.force_login(aalborg_reporter)
    bad = SimpleUploadedFile("liste.csv", csv("ps-1;Aalborg;Ukendt;2016-01;100\n"))
    response = client.post("/monitorering/borgerlister/upload/", {"unit": unit.pk, "file": bad})
    assert [(e.row, e.column) for e in response.context["errors"]] == [(2, "tilbud")]
    sneaky = SimpleUploadedFile("liste.csv", csv("ps-1;Hjørring;Kvisten;2016-01;100\n"))
    response = client.post("/monitorering/borgerlister/upload/", {"unit": other.pk, "file": sneaky})
    assert "unit" in response.context["form"].errors
    good = SimpleUploadedFile("liste.csv", csv("ps-1;Aalborg;Kvisten;2016-01;100\n"))
    response = client.post("/monitorering/borgerlister/upload/", {"unit": unit.pk, "file": good})
    assert response.status_code == 302
    assert CitizenListUpload.objects.get().unit == unit
    client.force_login(hjorring_reporter)
    assert "liste.csv" not in client.get("/monitorering/borgerlister/").content.decode()


def test_uploads_of_any_size_stay_in_memory():
    handler = InMemoryOnlyUploadHandler()
    handler.handle_raw_input(None, {}, 50 * 1024 * 1024, b"boundary")
    assert handler.activated


@pytest.mark.django_db
def test_an_upload_hands_in_the_units_citizen_list_round(client, aalborg_reporter, setting):
    import datetime as dt

    from submissions import services as rounds
    from submissions.models import Submission

    unit = aalborg_reporter.memberships.get().unit
    reporting_round = rounds.round_create(
        kind="citizen_list",
        year=2019,
        title="Borgerlister januar 2019",
        opens_on=dt.date(2019, 1, 1),
        deadline=dt.date(2099, 2, 1),
        units=[unit],
    )
    rounds.round_open(reporting_round=reporting_round)
    client.force_login(aalborg_reporter)
    good = SimpleUploadedFile("liste.csv", csv("ps-1;Aalborg;Kvisten;2019-01;100\n"))
    response = client.post("/monitorering/borgerlister/upload/", {"unit": unit.pk, "file": good})
    assert response.status_code == 302, response.context["errors"]
    submission = Submission.objects.get(round=reporting_round)
    assert submission.status == "submitted"
    assert submission.versions.get().answers["citizen_list"]["rows"] == 1


@pytest.mark.django_db
def test_an_error_after_rows_were_written_rolls_everything_back(setting, monkeypatch):
    from monitoring import services

    unit, _offers = setting
    citizen_list_import(
        data=csv("ps-0;Aalborg;Kvisten;2016-01;5\n"), filename="old.csv", unit=unit, user=None
    )
    monkeypatch.setattr(services, "BATCH", 2)  # the first batches are written before the error
    data = csv(
        "ps-1;Aalborg;Kvisten;2016-01;1\nps-2;Aalborg;Kvisten;2016-01;2\n"
        "ps-3;Aalborg;Kvisten;2016-01;3\nps-4;Aalborg;Kvisten;2016-01;x\n"
    )
    with pytest.raises(ImportRejected) as rejected:
        citizen_list_import(data=data, filename="new.csv", unit=unit, user=None)
    assert [(e.row, e.column) for e in rejected.value.errors] == [(5, "udgift")]
    assert list(CitizenMonth.objects.values_list("citizen", flat=True)) == ["ps-0"]
    assert list(CitizenListUpload.objects.values_list("filename", flat=True)) == ["old.csv"]
