"""Exemptions recorded in the browser (issue 13, SPEC §2): the secretariat records one on the
offer's page with the buying municipalities, the agreement's dates and its PDF; the offer is
not covered in the agreement's years; the document goes only to the secretariat, the operator
and the buyers' reporters; bad input is named and saves nothing; a stale edit is refused; the
work list counts those expiring within 60 days."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.models import AuditEntry
from offers.models import CoverageExemption
from offers.selectors import exemption_state
from offers.services_exemptions import exemption_token
from offers.worklist import count_expiring_exemptions
from tests.factories import ExemptionFactory, UsageFactory
from tests.offers.test_usage_import import covered

PDF = b"%PDF-1.4\n% en aftale\n"


def pdf(content=PDF, name="aftale.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def post(client, offer, hjorring, **changes):
    data = {
        "buyers": [hjorring.pk],
        "starts_on": "01.01.2024",
        "ends_on": "31.12.2025",
        "bilateral_agreement": "on",
        "reason": "Bilaterale aftaler om takst, prisstruktur og afregning",
        "decided_by": "DAS",
        "decided_on": "15.10.2023",
        "document": pdf(),
        **changes,
    }
    return client.post(f"/tilbud/{offer.pk}/undtagelse/", data)


@pytest.mark.django_db
def test_an_exemption_takes_the_offer_out_of_coverage_in_the_agreement_s_years(
    client, offer, hjorring, secretariat
):
    for year in (2023, 2024, 2025, 2026):
        UsageFactory(offer=offer, acting_municipality=hjorring, year=year)
    client.force_login(secretariat)
    response = post(client, offer, hjorring)
    assert response.status_code == 302
    exemption = CoverageExemption.objects.get()
    assert (exemption.from_year, exemption.to_year) == (2024, 2025)
    assert list(exemption.buyers.all()) == [hjorring]
    assert exemption.document_name == "aftale.pdf"
    assert [covered(offer, y) for y in (2023, 2024, 2025, 2026)] == [True, False, False, True]
    page = client.get(f"/tilbud/{offer.pk}/?aar=2024").content.decode()
    assert "Bilaterale aftaler med Hjørring." in page
    assert f"/tilbud/undtagelser/{exemption.pk}/dokument/" in page
    assert AuditEntry.objects.filter(object_id=exemption.pk, summary__contains="købende").exists()


@pytest.mark.django_db
def test_the_document_goes_only_to_those_it_concerns(
    client, offer, hjorring, secretariat, aalborg_operator, hjorring_reporter, aalborg_reporter
):
    client.force_login(secretariat)
    post(client, offer, hjorring)
    url = f"/tilbud/undtagelser/{CoverageExemption.objects.get().pk}/dokument/"
    for user in (secretariat, aalborg_operator, hjorring_reporter):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == PDF
    client.force_login(aalborg_reporter)  # Aalborg operates the offer but buys nothing
    assert client.get(url).status_code == 404
    assert "/dokument/" not in client.get(f"/tilbud/{offer.pk}/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_on": "31.12.2023"}, "ends_on"),
        ({"starts_on": "32.13.2024"}, "starts_on"),
        ({"buyers": []}, "buyers"),
        ({"document": pdf(b"MZ not a pdf", "aftale.exe")}, "document"),
        ({"reason": ""}, "reason"),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(
    client, offer, hjorring, secretariat, changes, field
):
    client.force_login(secretariat)
    response = post(client, offer, hjorring, **changes)
    assert response.status_code in (200, 400)
    form = response.context["form"]
    assert field in form.errors or form.non_field_errors(), form.errors
    assert not CoverageExemption.objects.exists()


@pytest.mark.django_db
def test_the_operator_cannot_be_a_buyer(client, offer, aalborg, hjorring, secretariat):
    client.force_login(secretariat)
    response = post(client, offer, hjorring, buyers=[aalborg.pk])
    assert "buyers" in response.context["form"].errors
    assert not CoverageExemption.objects.exists()


@pytest.mark.django_db
def test_a_stale_edit_is_refused(client, offer, hjorring, secretariat):
    client.force_login(secretariat)
    post(client, offer, hjorring)
    exemption = CoverageExemption.objects.get()
    token = exemption_token(exemption)
    CoverageExemption.objects.filter(pk=exemption.pk).update(reason="Ændret af en anden")
    data = {
        "edit_token": token,
        "buyers": [hjorring.pk],
        "starts_on": "01.01.2024",
        "ends_on": "",
        "reason": "Min tekst",
        "decided_by": "DAS",
        "decided_on": "15.10.2023",
    }
    response = client.post(f"/tilbud/undtagelser/{exemption.pk}/", data)
    assert response.status_code == 409
    assert CoverageExemption.objects.get().reason == "Ændret af en anden"
    data["edit_token"] = response.context["form"].data["edit_token"]
    assert client.post(f"/tilbud/undtagelser/{exemption.pk}/", data).status_code == 302
    exemption.refresh_from_db()
    assert (exemption.reason, exemption.to_year) == ("Min tekst", None)


@pytest.mark.django_db
def test_others_get_404(client, offer, hjorring_reporter, aalborg_operator):
    exemption = ExemptionFactory(offer=offer)
    for user in (hjorring_reporter, aalborg_operator):
        client.force_login(user)
        for url in (
            f"/tilbud/{offer.pk}/undtagelse/",
            f"/tilbud/undtagelser/{exemption.pk}/",
            "/tilbud/undtagelser/",
        ):
            assert client.get(url).status_code == 404, (user, url)


def test_the_state_follows_the_agreement_s_end():
    today = dt.date(2026, 12, 3)
    exemption = CoverageExemption(from_year=2020, starts_on=dt.date(2020, 1, 1))
    states = []
    for ends_on in (None, dt.date(2026, 12, 2), today, dt.date(2027, 2, 1), dt.date(2027, 2, 2)):
        exemption.ends_on = ends_on
        states.append(exemption_state(exemption, today))
    assert states == ["active", "expired", "expiring", "expiring", "active"]
    exemption.starts_on, exemption.ends_on = dt.date(2027, 1, 1), None
    assert exemption_state(exemption, today) == "future"


@pytest.mark.django_db
def test_the_list_and_the_work_item_show_what_expires_within_60_days(
    client, offer, secretariat, aalborg_operator
):
    today = timezone.localdate()
    soon = ExemptionFactory(offer=offer, ends_on=today + dt.timedelta(days=30))
    ExemptionFactory(offer=offer, ends_on=today + dt.timedelta(days=90))
    ExemptionFactory(offer=offer, ends_on=today - dt.timedelta(days=1))
    assert count_expiring_exemptions(secretariat) == 1
    assert count_expiring_exemptions(aalborg_operator) == 0
    client.force_login(secretariat)
    page = client.get("/tilbud/undtagelser/?udloeber=1")
    assert [e.pk for e, _row in page.context["rows"]] == [soon.pk]
    assert len(client.get("/tilbud/undtagelser/").context["rows"]) == 3
    download = client.get("/tilbud/undtagelser/?_export=csv")
    assert download.content.startswith("\ufeff".encode()) and b";" in download.content


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=300),
    date=st.text(max_size=20),
    buyer=st.one_of(st.integers(), st.text(max_size=5)),
)
def test_fuzzed_input_never_fails_the_page(client, offer, hjorring, secretariat, text, date, buyer):
    client.force_login(secretariat)
    data = {"buyers": [buyer], "starts_on": date, "reason": text, "decided_by": text}
    data |= {"decided_on": date, "ends_on": text[:12]}
    response = client.post(f"/tilbud/{offer.pk}/undtagelse/", data)
    assert response.status_code in (200, 302, 400)
