"""Members of a body see its published meetings and download their documents; others 404."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import GeneratedDocument
from meetings.models import MeetingStatus
from organisations.models import Role
from tests.factories import MembershipFactory, UserFactory
from tests.factories.meetings import das_meeting_of_21_may_2019


@pytest.fixture
def kkr_member(db):
    user = UserFactory(username="kkr-medlem")
    MembershipFactory(user=user, role=Role.BODY_MEMBER, body="KKR")
    return user


@pytest.mark.django_db
def test_das_members_see_the_published_das_meeting_and_others_get_404(
    client, das_member, kkr_member, aalborg_reporter, outsider
):
    meeting = das_meeting_of_21_may_2019()
    url = f"/moeder/{meeting.reference}/"
    client.force_login(das_member)
    assert client.get(url).status_code == 200
    assert meeting.reference in client.get("/moeder/").content.decode()
    for user in (kkr_member, aalborg_reporter, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404, user.username
    meeting.status = MeetingStatus.PLANNED
    meeting.save()
    client.force_login(das_member)
    assert client.get(url).status_code == 404  # not published yet


@pytest.mark.django_db
def test_the_secretariat_makes_the_pack_and_a_member_downloads_it(
    client, secretariat, das_member, kkr_member, django_capture_on_commit_callbacks
):
    meeting = das_meeting_of_21_may_2019()
    client.force_login(secretariat)
    params = {"meeting": meeting.reference, "document": "pack"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/dokumenter/bestil/", {"kind": "meetings.document", "params": json.dumps(params)}
        )
    document = GeneratedDocument.objects.get()
    assert document.status == "done", document.error
    client.force_login(das_member)
    page = client.get(f"/moeder/{meeting.reference}/")
    assert f"/dokumenter/{document.pk}/hent/" in page.content.decode()
    assert client.get(f"/dokumenter/{document.pk}/hent/").status_code == 200
    client.force_login(kkr_member)
    assert client.get(f"/dokumenter/{document.pk}/hent/").status_code == 404


@pytest.mark.django_db
def test_members_get_the_minutes_only_once_they_are_approved(client, das_member, secretariat):
    from meetings.access import may_see_document

    meeting = das_meeting_of_21_may_2019()
    params = {"meeting": meeting.reference, "document": "minutes"}
    assert may_see_document(das_member, params)
    meeting.status = MeetingStatus.HELD
    meeting.save()
    assert not may_see_document(das_member, params)
    assert may_see_document(das_member, {**params, "document": "agenda"})
    assert may_see_document(secretariat, params)


@pytest.mark.django_db
def test_a_new_version_replaces_the_old_for_members_and_only_the_secretariat_orders(
    client, secretariat, das_member, django_capture_on_commit_callbacks
):
    meeting = das_meeting_of_21_may_2019()
    params = json.dumps({"meeting": meeting.reference, "document": "agenda"})
    request = {"kind": "meetings.document", "params": params}
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/dokumenter/bestil/", request)
    meeting.items.filter(title="Evt.").update(title="Eventuelt")  # an edit, then a new version
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/dokumenter/bestil/", request)
    old, new = GeneratedDocument.objects.order_by("version")
    assert (old.version, new.version, new.status) == (1, 2, "done")
    client.force_login(das_member)
    assert client.get(f"/dokumenter/{old.pk}/hent/").status_code == 404
    assert client.get(f"/dokumenter/{new.pk}/hent/").status_code == 200
    page = client.get(f"/moeder/{meeting.reference}/").content.decode()
    assert f"/dokumenter/{new.pk}/hent/" in page and f"/dokumenter/{old.pk}/" not in page
    assert client.post("/dokumenter/bestil/", request).status_code == 404  # members don't order
    assert GeneratedDocument.objects.count() == 2
    client.force_login(secretariat)
    assert client.get(f"/dokumenter/{old.pk}/hent/").status_code == 200  # kept for them
    assert "alle versioner" in client.get(f"/moeder/{meeting.reference}/").content.decode()


@pytest.mark.django_db
def test_the_meeting_page_takes_the_same_queries_however_many_versions_exist(
    client, secretariat, django_assert_max_num_queries
):
    from documents.services import document_request

    meeting = das_meeting_of_21_may_2019()
    client.force_login(secretariat)

    params = {"meeting": meeting.reference, "document": "agenda"}

    def versions(count):
        for _ in range(count):
            document = document_request(kind="meetings.document", user=None, params=params)
            GeneratedDocument.objects.filter(pk=document.pk).update(status="done")

    versions(1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(f"/moeder/{meeting.reference}/").status_code == 200
    versions(20)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(f"/moeder/{meeting.reference}/").content.decode()
    assert "version 21" in page
