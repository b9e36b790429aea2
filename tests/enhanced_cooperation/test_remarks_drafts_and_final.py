"""The expert panel's remarks ("Bemærkninger", issue 14): each panel member writes their own,
the panel and the secretariat see the drafts, the report's other readers only what the chair
has marked final; a final remark is closed to its author."""

import datetime as dt

import pytest

from enhanced_cooperation import services_remarks as services
from enhanced_cooperation.chair import is_chair, may_finalise
from enhanced_cooperation.models import Remark
from enhanced_cooperation.selectors_remarks import remarks_for
from meetings.models import BodyMember
from tests.factories.enhanced_cooperation import NominationFactory, panel_user

from .remark_data import handed_in_report, panel_chair

pytestmark = pytest.mark.django_db


def _write(client, url, text):
    token = client.get(url).context["form"]["edit_token"].value()
    return client.post(url, {"save": "1", "text": text, "edit_token": token})


def test_two_panel_members_see_each_others_drafts(client):
    report = handed_in_report()
    first = panel_user(first_name="Anna", last_name="Andersen")
    second = panel_user(first_name="Bo", last_name="Berg")
    client.force_login(first)
    assert _write(client, report.url, "Belægningen er høj.").status_code == 302
    client.force_login(second)
    page = client.get(report.url)
    assert "Belægningen er høj." in page.content.decode()
    assert "Anna Andersen" in page.content.decode()
    assert f'href="/samarbejde/medlemmer/{report.member.pk}/"' in page.content.decode()
    assert page.context["own"] is None
    assert _write(client, report.url, "Efterspørgslen falder.").status_code == 302
    client.force_login(first)
    texts = [r.text for r in client.get(report.url).context["remarks"]]
    assert texts == ["Belægningen er høj.", "Efterspørgslen falder."]


def test_a_panel_member_edits_their_own_remark_only_once_per_subject(client):
    report = handed_in_report()
    author = panel_user()
    client.force_login(author)
    _write(client, report.url, "Første udkast")
    _write(client, report.url, "Andet udkast")
    assert list(Remark.objects.values_list("text", flat=True)) == ["Andet udkast"]


def test_a_stale_remark_is_not_overwritten(client):
    report = handed_in_report()
    author = panel_user()
    client.force_login(author)
    _write(client, report.url, "Første udkast")
    token = client.get(report.url).context["form"]["edit_token"].value()
    services.remark_save(
        user=author, round=report.round, member=report.member, text="Fra en anden fane"
    )
    response = client.post(report.url, {"save": "1", "text": "Gammel side", "edit_token": token})
    assert response.status_code == 409
    assert Remark.objects.get().text == "Fra en anden fane"


def test_a_reader_of_the_report_sees_only_final_remarks(client):
    report = handed_in_report()
    draft = Remark.objects.create(
        round=report.round, member=report.member, author=panel_user(), text="Kladde"
    )
    final = Remark.objects.create(
        round=report.round,
        member=report.member,
        author=panel_user(),
        text="Endelig tekst",
        is_final=True,
    )
    client.force_login(report.operator)
    page = client.get(report.url)
    assert page.status_code == 200
    assert list(page.context["remarks"]) == [final]
    assert "Kladde" not in page.content.decode()
    assert page.context["form"] is None
    assert list(remarks_for(report.operator, round=report.round, member=report.member)) == [final]
    assert draft in remarks_for(panel_user(), round=report.round, member=report.member)
    assert client.post(report.url, {"save": "1", "text": "x"}).status_code == 404
    assert client.post(report.url, {"finalise": "all"}).status_code == 404
    assert not Remark.objects.get(pk=draft.pk).is_final


def test_a_report_not_handed_in_is_not_shown_to_reporters(client, aalborg_reporter):
    report = handed_in_report(status="submitted")
    client.force_login(aalborg_reporter)
    assert client.get(report.url).status_code == 404
    report.submission.status = "accepted"
    report.submission.save()
    assert client.get(report.url).status_code == 200


def test_the_chair_marks_remarks_final_and_the_author_cannot_edit(client):
    report = handed_in_report()
    author, chair = panel_user(), panel_chair()
    assert is_chair(chair) and not is_chair(author) and not may_finalise(author)
    client.force_login(author)
    _write(client, report.url, "Udkast")
    assert client.post(report.url, {"finalise": "all"}).status_code == 404
    client.force_login(chair)
    assert client.post(report.url, {"finalise": "all"}).status_code == 302
    remark = Remark.objects.get()
    assert remark.is_final and remark.finalised_by == chair and remark.finalised_at
    client.force_login(author)
    page = client.get(report.url)
    assert page.context["form"] is None
    assert "kan ikke længere ændres" in page.content.decode()
    client.post(report.url, {"save": "1", "text": "Ændret", "edit_token": ""})
    assert Remark.objects.get().text == "Udkast"


def test_the_chair_marks_one_remark_final(client, secretariat):
    report = handed_in_report()
    first, second = (
        Remark.objects.create(round=report.round, member=report.member, author=panel_user(), text=t)
        for t in ("Et", "To")
    )
    client.force_login(secretariat)
    assert client.post(report.url, {"finalise": str(first.pk)}).status_code == 302
    assert Remark.objects.get(pk=first.pk).is_final
    assert not Remark.objects.get(pk=second.pk).is_final


def test_remarks_on_a_nomination(client, hjorring_reporter, hjorring):
    report = handed_in_report()
    nomination = NominationFactory(round=report.round, nominated_by=hjorring)
    url = f"/samarbejde/bemaerkninger/{report.round.pk}/indmelding/{nomination.pk}/"
    author = panel_user()
    client.force_login(author)
    assert _write(client, url, "Målgruppen er for bred.").status_code == 302
    remark = Remark.objects.get()
    assert remark.nomination == nomination and remark.member is None
    client.force_login(hjorring_reporter)
    assert list(client.get(url).context["remarks"]) == []
    remark.is_final = True
    remark.save()
    assert list(client.get(url).context["remarks"]) == [remark]
    wrong_round = f"/samarbejde/bemaerkninger/{report.round.pk + 1}/indmelding/{nomination.pk}/"
    assert client.get(wrong_round).status_code == 404


def test_cpr_like_text_is_refused(client):
    report = handed_in_report()
    client.force_login(panel_user())
    response = _write(client, report.url, "Borger 0101901234 bor her")
    assert response.status_code == 400
    assert "0101901234" not in response.content.decode()
    assert not Remark.objects.exists()


def test_an_ended_chair_seat_no_longer_finalises():
    chair = panel_chair()
    BodyMember.objects.filter(user=chair).update(ends_on=dt.date(2000, 1, 1))
    assert not is_chair(chair)
