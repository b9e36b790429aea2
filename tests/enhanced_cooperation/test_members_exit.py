"""Leaving: the operator (or the secretariat for DAS) gives notice, DAS decides with the
October tariff appendix and the membership ends on the decided date; or it is withdrawn."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from enhanced_cooperation import services_members as services
from enhanced_cooperation.models import Exit, ExitStatus, Member

pytestmark = pytest.mark.django_db


def _notice_url(member):
    return f"/samarbejde/medlemmer/{member.pk}/udtraeden/"


def test_the_operator_sees_and_gives_notice_for_its_own_member_only(
    client, aalborg_operator, aalborg_member, region_member
):
    client.force_login(aalborg_operator)
    assert (
        "Giv besked om udtræden" in client.get(aalborg_member.get_absolute_url()).content.decode()
    )
    assert (
        "Giv besked om udtræden"
        not in client.get(region_member.get_absolute_url()).content.decode()
    )
    assert (
        client.post(
            _notice_url(region_member), {"noticed_on": "01.10.2019", "reason": "x"}
        ).status_code
        == 404
    )
    assert not Exit.objects.exists()
    response = client.post(
        _notice_url(aalborg_member), {"noticed_on": "01.10.2019", "reason": "Faldende behov"}
    )
    assert response.status_code == 302
    exit_ = Exit.objects.get(member=aalborg_member)
    assert exit_.given_by == aalborg_member.offers.get().operator
    assert exit_.status == ExitStatus.NOTICED
    page = client.get(aalborg_member.get_absolute_url()).content.decode()
    assert "Faldende behov" in page and "takstbilaget i oktober" in page
    assert "Registrér afgørelsen" not in page  # the operator does not decide


def test_a_reporter_and_anonymous_cannot_give_notice(client, aalborg_reporter, aalborg_member):
    data = {"noticed_on": "01.10.2019", "reason": "x"}
    assert client.post(_notice_url(aalborg_member), data).status_code == 302  # to the login
    client.force_login(aalborg_reporter)
    assert client.post(_notice_url(aalborg_member), data).status_code == 404
    assert not Exit.objects.exists()


def test_the_decision_ends_the_membership_on_the_decided_date(client, secretariat, aalborg_member):
    client.force_login(secretariat)
    client.post(_notice_url(aalborg_member), {"noticed_on": "01.09.2019", "reason": "For DAS"})
    exit_ = Exit.objects.get(member=aalborg_member)
    assert exit_.given_by is None  # the secretariat on behalf of DAS
    url = f"/samarbejde/udtraeden/{exit_.pk}/afgoerelse/"
    token = client.get(url).context["form"]["edit_token"].value()
    data = {
        "decision_meeting": "DAS 3. oktober 2019, punkt 4",
        "decided_on": "03.10.2019",
        "ends_on": "31.12.2019",
        "decision": "DAS godkender udtræden med takstbilaget.",
        "edit_token": token,
    }
    assert client.post(url, {**data, "ends_on": "01.01.2021"}).status_code == 400
    assert client.post(url, data).status_code == 302
    member = Member.objects.get(pk=aalborg_member.pk)
    assert member.ends_on == dt.date(2019, 12, 31) and member.end_reason == "For DAS"
    assert member.is_member_on(dt.date(2019, 12, 31))
    assert not member.is_member_on(dt.date(2020, 1, 1))
    assert not Member.objects.in_year(2020).filter(pk=member.pk).exists()
    assert Exit.objects.get(pk=exit_.pk).status == ExitStatus.DECIDED
    assert client.get(url).status_code == 404  # decided once
    listing = client.get("/samarbejde/").content.decode()
    assert "Udtrådt pr. 31. december 2019" in listing


def test_a_withdrawn_notice_leaves_the_membership_and_allows_a_new_one(
    client, secretariat, aalborg_member
):
    exit_ = services.exit_notice(
        member=aalborg_member, given_by=None, noticed_on=dt.date(2019, 9, 1), reason="Første"
    )
    with pytest.raises(ValidationError):
        services.exit_notice(
            member=aalborg_member, given_by=None, noticed_on=dt.date(2019, 9, 2), reason="To"
        )
    client.force_login(secretariat)
    url = f"/samarbejde/udtraeden/{exit_.pk}/tilbagekald/"
    assert client.post(url, {"edit_token": "forkert"}).status_code == 302
    assert Exit.objects.get(pk=exit_.pk).status == ExitStatus.NOTICED  # stale: refused
    assert client.post(url, {"edit_token": services.exit_token(exit_)}).status_code == 302
    assert Exit.objects.get(pk=exit_.pk).status == ExitStatus.WITHDRAWN
    assert Member.objects.get(pk=aalborg_member.pk).ends_on is None
    again = services.exit_notice(
        member=aalborg_member, given_by=None, noticed_on=dt.date(2019, 9, 3), reason="Igen"
    )
    assert again.pk == exit_.pk and again.status == ExitStatus.NOTICED


def test_only_the_secretariat_decides(client, aalborg_operator, aalborg_member):
    exit_ = services.exit_notice(
        member=aalborg_member, given_by=None, noticed_on=dt.date(2019, 9, 1), reason="x"
    )
    client.force_login(aalborg_operator)
    assert client.get(f"/samarbejde/udtraeden/{exit_.pk}/afgoerelse/").status_code == 404
    assert client.post(f"/samarbejde/udtraeden/{exit_.pk}/tilbagekald/").status_code == 404


def test_a_notice_date_in_the_future_is_refused(aalborg_member):
    with pytest.raises(ValidationError) as refused:
        services.exit_notice(
            member=aalborg_member,
            given_by=None,
            noticed_on=dt.date(2019, 9, 1),
            reason="x",
            today=dt.date(2019, 8, 1),
        )
    assert "noticed_on" in refused.value.error_dict
