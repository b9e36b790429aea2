"""Recording and editing a change notice: the party is the offer's operator, bad dates and
places are refused in Danish naming the field, a stale edit is refused, every change is in the
history (the audit log)."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditEntry
from notices import services
from notices.models import ChangeNotice
from socialaftale.lib.edits import StaleEdit
from tests.factories.notices import ChangeNoticeFactory

TODAY = dt.date(2019, 9, 10)


def values(**changes):
    return {
        "kind": "places",
        "description": "Ti pladser lukkes",
        "decided_on": dt.date(2019, 9, 1),
        "noticed_on": dt.date(2019, 8, 1),
        "takes_effect_on": dt.date(2020, 1, 1),
        "places_before": 30,
        "places_after": 20,
        **changes,
    }


@pytest.mark.django_db
def test_a_notice_is_recorded_with_the_operator_as_the_party(offer, aalborg_operator):
    notice = services.record_notice(offer=offer, user=aalborg_operator, today=TODAY, **values())
    assert notice.party == offer.operator and notice.created_by == aalborg_operator
    assert not notice.is_breach
    assert notice.history.get().history_type == "+"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"noticed_on": dt.date(2019, 9, 11)},
            "noticed_on",
            "Varslingsdatoen kan ikke ligge i fremtiden.",
        ),
        (
            {"takes_effect_on": dt.date(2019, 8, 31)},
            "takes_effect_on",
            "Ændringen kan ikke få virkning, før den er besluttet.",
        ),
        ({"places_after": None}, "places_after", "Angiv antallet af pladser efter ændringen."),
        ({"places_after": 30}, "places_after", "Pladstallet før og efter ændringen er det samme."),
    ],
)
def test_bad_input_is_refused_in_danish_and_saves_nothing(offer, changes, field, message):
    with pytest.raises(ValidationError) as refused:
        services.record_notice(offer=offer, user=None, today=TODAY, **values(**changes))
    assert refused.value.message_dict[field] == [message]
    assert not ChangeNotice.objects.exists()


@pytest.mark.django_db
def test_a_closing_needs_no_places(offer):
    notice = services.record_notice(
        offer=offer, user=None, today=TODAY, **values(kind="closing", places_after=None)
    )
    assert notice.get_kind_display() == "Lukning af tilbud"


@pytest.mark.django_db
def test_an_edit_is_saved_and_a_stale_one_refused(offer, secretariat):
    notice = ChangeNoticeFactory(offer=offer)
    token = services.notice_token(notice)
    services.update_notice(
        notice=notice,
        user=secretariat,
        expected_token=token,
        **values(noticed_on=dt.date(2019, 9, 5)),
    )
    notice.refresh_from_db()
    assert notice.is_breach and notice.history.count() == 2
    with pytest.raises(StaleEdit):
        services.update_notice(notice=notice, user=secretariat, expected_token=token, **values())


@pytest.mark.django_db
def test_the_form_records_a_notice_for_the_offer_in_the_address(client, aalborg_operator, offer):
    client.force_login(aalborg_operator)
    page = client.get(f"/aendringer/ny/?tilbud={offer.pk}")
    assert page.context["form"]["offer"].value() == str(offer.pk)
    data = {
        "offer": offer.pk,
        "kind": "closing",
        "description": "Tilbuddet lukker",
        "decided_on": "01.09.2019",
        "noticed_on": "02.09.2019",
    }
    response = client.post("/aendringer/ny/", data)
    notice = ChangeNotice.objects.get()
    assert response.url == f"/aendringer/{notice.pk}/"
    assert notice.is_breach
    page = client.get(response.url).content.decode()
    assert "Varslet efter beslutning – brud på aftalen" in page


@pytest.mark.django_db
def test_a_notice_dated_in_the_future_is_shown_again_with_the_error(client, secretariat, offer):
    client.force_login(secretariat)
    future = timezone.localdate() + dt.timedelta(days=3)
    data = {
        "offer": offer.pk,
        "kind": "other",
        "description": "Ny ledelse",
        "decided_on": f"{future:%d.%m.%Y}",
        "noticed_on": f"{future:%d.%m.%Y}",
    }
    response = client.post("/aendringer/ny/", data)
    assert response.status_code == 400
    assert "Varslingsdatoen kan ikke ligge i fremtiden." in response.content.decode()
    assert not ChangeNotice.objects.exists()


@pytest.mark.django_db
def test_a_stale_edit_in_the_browser_keeps_what_was_typed(client, secretariat, offer):
    notice = ChangeNoticeFactory(offer=offer)
    client.force_login(secretariat)
    form = client.get(f"/aendringer/{notice.pk}/").context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    ChangeNotice.objects.filter(pk=notice.pk).update(description="Ændret af en anden")
    data |= {"description": "Min tekst", "decided_on": "01.09.2019", "noticed_on": "25.08.2019"}
    response = client.post(f"/aendringer/{notice.pk}/", data)
    assert response.status_code == 409
    assert "Min tekst" in response.content.decode()
    notice.refresh_from_db()
    assert notice.description == "Ændret af en anden"


@pytest.mark.django_db
def test_the_notice_is_in_the_audit_log_of_the_offer_s_operator(offer, aalborg_operator):
    notice = services.record_notice(offer=offer, user=aalborg_operator, today=TODAY, **values())
    kind = ContentType.objects.get_for_model(ChangeNotice)
    entry = AuditEntry.objects.get(content_type=kind, object_id=str(notice.pk))
    assert (entry.organisation_id, entry.action) == (offer.operator_id, "created")


@pytest.mark.django_db
def test_an_invalid_edit_is_refused_and_the_page_shows_what_is_stored(client, secretariat, offer):
    notice = ChangeNoticeFactory(offer=offer)
    client.force_login(secretariat)
    form = client.get(f"/aendringer/{notice.pk}/").context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data |= {
        "decided_on": "01.09.2019",
        "noticed_on": "25.08.2019",
        "takes_effect_on": "01.01.2019",
    }
    response = client.post(f"/aendringer/{notice.pk}/", data | {"description": "Ny tekst"})
    assert response.status_code == 400
    assert "Ændringen kan ikke få virkning, før den er besluttet." in response.content.decode()
    notice.refresh_from_db()
    assert notice.takes_effect_on is None and notice.description != "Ny tekst"
