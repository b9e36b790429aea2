"""Two people open the same form and both save: the first save is stored; the second gets the
form back (409) with what they typed and a Danish message, and overwrites nothing."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from meetings.models import Attendance, Meeting
from offers.models import Capacity, Offer
from tariffs.models import Tariff
from tests.factories import CapacityFactory, OfferFactory, open_round_submission
from tests.factories.meetings import das_meeting_of_21_may_2019

MESSAGE = "En anden har gemt her, mens du redigerede"


class _PostForm(HTMLParser):
    """What a browser posts for the page's form that carries an edit token."""

    def __init__(self):
        super().__init__()
        self.forms, self._select, self._textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            self.forms.append({})
        elif not self.forms:
            return
        elif tag == "input" and name and attrs.get("type") not in ("submit", "button"):
            toggle = attrs.get("type") in ("checkbox", "radio")
            if not toggle or "checked" in attrs:
                value = attrs.get("value", "on" if toggle else "")
                self.forms[-1].setdefault(name, []).append(value)
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.forms[-1].setdefault(self._select, []).append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.forms[-1][name] = [""]

    def handle_endtag(self, tag):
        if tag in ("select", "textarea"):
            self._select = self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.forms[-1][self._textarea][0] += data


def form_data(response) -> dict:
    assert response.status_code in (200, 409)
    parser = _PostForm()
    parser.feed(response.content.decode())
    form = next(f for f in parser.forms if "edit_token" in f)
    return {
        name: values if len(values) > 1 else values[0].removeprefix("\n")
        for name, values in form.items()
    }


def race(user, url, field, first, second):
    """Both load the form, the first saves `first`, the second `second` into `field`."""
    one, two = Client(), Client()
    one.force_login(user)
    two.force_login(user)
    data_one, data_two = form_data(one.get(url)), form_data(two.get(url))
    name = field if field in data_one else next(n for n in data_one if n.endswith(field))
    saved = one.post(url, {**data_one, name: first})
    assert saved.status_code == 302, saved.content.decode()[-3000:]
    refused = two.post(url, {**data_two, name: second})
    assert refused.status_code == 409
    html = refused.content.decode()
    assert MESSAGE in html and second in html  # the message, and what was typed
    again = form_data(refused)  # a fresh token: saving once more is a deliberate overwrite
    assert two.post(url, {**again, name: second}).status_code == 302


@pytest.mark.django_db
def test_two_sessions_saving_the_same_questionnaire_step(aalborg_reporter):
    unit = aalborg_reporter.memberships.get().unit
    submission = open_round_submission(unit)
    url = f"/indberetninger/{submission.pk}/trin/del-a-3/"
    data = form_data(_client(aalborg_reporter).get(url))
    field = next(n for n in data if n.endswith("text"))
    race(aalborg_reporter, url, field, "Først skrevet", "Anden skrev")
    submission.refresh_from_db()
    assert "Anden skrev" in str(submission.answers)  # after the deliberate second save


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_two_secretaries_editing_the_same_offer(secretariat):
    offer = OfferFactory(name="Kastanjebo")
    one, two = _client(secretariat), _client(secretariat)
    url = f"/tilbud/{offer.pk}/rediger/"
    data_one, data_two = form_data(one.get(url)), form_data(two.get(url))
    assert one.post(url, {**data_one, "name": "Først"}).status_code == 302
    refused = two.post(url, {**data_two, "name": "Anden"})
    assert refused.status_code == 409
    assert MESSAGE in refused.content.decode() and 'value="Anden"' in refused.content.decode()
    assert Offer.objects.get(pk=offer.pk).name == "Først"


@pytest.mark.django_db
def test_two_people_updating_the_same_years_places(secretariat):
    offer = OfferFactory()
    CapacityFactory(offer=offer, year=2019)
    one, two = _client(secretariat), _client(secretariat)
    url = f"/tilbud/{offer.pk}/pladser/?aar=2019"
    data_one, data_two = form_data(one.get(url)), form_data(two.get(url))
    assert one.post(url, {**data_one, "as_written": "14"}).status_code == 302
    refused = two.post(url, {**data_two, "as_written": "20 + 2"})
    assert refused.status_code == 409 and 'value="20 + 2"' in refused.content.decode()
    assert Capacity.objects.get(offer=offer, year=2019).as_written == "14"


@pytest.mark.django_db
def test_confirming_an_offer_that_changed_meanwhile_is_refused(secretariat, client):
    offer = OfferFactory()
    client.force_login(secretariat)
    data = form_data(client.get(f"/tilbud/{offer.pk}/"))
    Offer.objects.filter(pk=offer.pk).update(name="Ændret imens")
    response = client.post(f"/tilbud/{offer.pk}/bekraeft/", data, follow=True)
    assert "Tilbuddet blev ændret" in response.content.decode()
    assert Offer.objects.get(pk=offer.pk).last_confirmed_at is None
    data = form_data(client.get(f"/tilbud/{offer.pk}/"))
    client.post(f"/tilbud/{offer.pk}/bekraeft/", data)
    assert Offer.objects.get(pk=offer.pk).last_confirmed_at is not None


def draft_das_meeting():
    """The DAS meeting of 21 May 2019 as a draft agenda: approved minutes would freeze it."""
    return das_meeting_of_21_may_2019(status="planned")


@pytest.mark.django_db
def test_two_secretaries_editing_the_same_meeting(secretariat):
    meeting = draft_das_meeting()
    one, two = _client(secretariat), _client(secretariat)
    url = f"/moeder/{meeting.reference}/rediger/"
    data_one, data_two = form_data(one.get(url)), form_data(two.get(url))
    assert one.post(url, {**data_one, "venue": "Rum 1"}).status_code == 302
    refused = two.post(url, {**data_two, "venue": "Rum 9"})
    assert refused.status_code == 409 and 'value="Rum 9"' in refused.content.decode()
    assert MESSAGE in refused.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).venue == "Rum 1"


@pytest.mark.django_db
def test_two_secretaries_editing_the_same_attendance(secretariat):
    meeting = draft_das_meeting()
    first = Attendance.objects.filter(meeting=meeting).order_by("position", "pk").first()
    one, two = _client(secretariat), _client(secretariat)
    url = f"/moeder/{meeting.reference}/deltagere/"
    data_one, data_two = form_data(one.get(url)), form_data(two.get(url))
    name = next(n for n in data_one if n.endswith("-0-name"))
    assert one.post(url, {**data_one, name: "Først Navn"}).status_code == 302
    refused = two.post(url, {**data_two, name: "Anden Navn"})
    assert refused.status_code == 409 and "Anden Navn" in refused.content.decode()
    assert MESSAGE in refused.content.decode()
    assert Attendance.objects.get(pk=first.pk).name == "Først Navn"


@pytest.mark.django_db
def test_two_people_reporting_the_same_tariff(secretariat):
    offer = OfferFactory()
    one, two = _client(secretariat), _client(secretariat)
    url = f"/takster/tilbud/{offer.pk}/2019/"
    data_one, data_two = form_data(one.get(url)), form_data(two.get(url))
    amount = next(n for n in data_one if n.endswith("-0-amount"))
    unit = Tariff._meta.get_field("unit").choices[0][0]
    kind = amount.replace("-amount", "-kind")  # a new tariff's rows choose no component
    data_one, data_two = [{**data, "unit": unit, kind: "base"} for data in (data_one, data_two)]
    first = {**data_one, amount: "1.000,00", "note": "Først"}
    assert one.post(url, first).status_code == 302
    refused = two.post(url, {**data_two, amount: "2.000,00", "note": "Anden note"})
    assert refused.status_code == 409 and "Anden note" in refused.content.decode()
    assert MESSAGE in refused.content.decode()
    assert Tariff.objects.get(offer=offer, year=2019).note == "Først"
