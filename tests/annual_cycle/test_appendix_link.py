"""The annual cycle's "takstbilag i oktober" links a document of kind tariffs.tariff_appendix
(issue 15). The secretariat opens what is linked (maybe its own preview of the draft); the
other personas open the newest published version of that year instead, and a preview no
published version stands for is not named to them."""

import datetime as dt

import pytest
from django.urls import reverse

from annual_cycle.models import LinkKind
from documents.access import newest_viewable
from tests.factories.annual_cycle import CycleDefinitionFactory, CycleEventFactory
from tests.factories.documents import GeneratedDocumentFactory

KIND = "tariffs.tariff_appendix"
YEAR = 2026


def appendix(version=None, title="Takstbilag"):
    params = {"year": YEAR + 1} | ({"version": version} if version else {})
    return GeneratedDocumentFactory(kind=KIND, params=params, key=f"{KIND}:{params}", title=title)


@pytest.fixture
def event(db):
    definition = CycleDefinitionFactory(
        code="takstbilag-test",
        for_operators=True,
        for_reporters=True,
        link_kind=LinkKind.DOCUMENT,
        link_target=KIND,
    )
    preview = appendix(title="Takstbilag 2027 – forhåndsvisning")
    return CycleEventFactory(
        definition=definition,
        year=YEAR,
        starts_on=dt.date(YEAR, 10, 1),
        due_on=dt.date(YEAR, 10, 31),
        document=preview,
    )


def page(client, user):
    client.force_login(user)
    return client.get(reverse("annual_cycle:year", args=[YEAR])).content.decode()


def status_url(document):
    return reverse("documents:status", args=[document.pk])


@pytest.mark.parametrize("who", ["aalborg_operator", "aalborg_reporter"])
def test_others_are_linked_to_the_published_version_not_the_preview(client, event, who, request):
    older, published = appendix(version=1, title="Takstbilag 2027 v1"), appendix(version=2)
    GeneratedDocumentFactory(kind=KIND, params={"year": YEAR, "version": 9}, key="other-year")
    text = page(client, request.getfixturevalue(who))
    assert f'href="{status_url(published)}"' in text
    assert status_url(event.document) not in text and "forhåndsvisning" not in text
    assert status_url(older) not in text
    assert client.get(status_url(published)).status_code == 200
    assert client.get(status_url(event.document)).status_code == 404


def test_without_a_published_version_others_see_no_link(client, event, aalborg_operator):
    text = page(client, aalborg_operator)
    assert "forhåndsvisning" not in text and "/dokumenter/" not in text


def test_the_secretariat_opens_what_is_linked(client, event, secretariat):
    appendix(version=1)
    text = page(client, secretariat)
    assert f'href="{status_url(event.document)}"' in text


def test_newest_viewable_keeps_a_document_the_user_may_see(event, secretariat, aalborg_operator):
    published = appendix(version=1)
    assert newest_viewable(secretariat, event.document) == event.document
    assert newest_viewable(aalborg_operator, published) == published
    assert newest_viewable(aalborg_operator, event.document) == published
