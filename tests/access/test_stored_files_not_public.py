"""Stored files (generated PDFs, uploaded attachments) are never served from /media/: not
in production, not with DEBUG=1 under `make run`. Only the download views send them, after
their access helper has said yes."""

import importlib

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models
from django.test import override_settings
from django.urls import clear_url_caches, resolve
from django.urls.exceptions import Resolver404

import socialaftale.urls
from documents.models import GeneratedDocument
from organisations.models import Role
from tests.factories import MembershipFactory, UserFactory

# Every FileField and the view that serves it through its access helper. A new FileField
# fails test_every_file_field_has_a_download_view_that_checks_access until it is added here.
SERVED_BY = {
    "documents.GeneratedDocument.file": "documents.views.document_download",
    "meetings.Attachment.file": "meetings.views.attachment_download",
    "offers.CoverageExemption.document": "offers.views_exemptions.exemption_document",
}


@pytest.fixture
def stored_document(secretariat):
    document = GeneratedDocument.objects.create(
        kind="tests.receipt",
        key="tests.receipt:1",
        title="Kvittering",
        version=1,
        status=GeneratedDocument.Status.DONE,
        created_by=secretariat,
    )
    document.file.save("kvittering.pdf", ContentFile(b"%PDF-1.7\n% fortroligt\n"))
    return document


@pytest.fixture
def every_persona(
    secretariat, aalborg_reporter, hjorring_reporter, aalborg_operator, das_member, outsider
):
    kkr_member = UserFactory(username="kkr-medlem")
    MembershipFactory(user=kkr_member, role=Role.BODY_MEMBER, body="KKR")
    return [
        None,
        secretariat,
        aalborg_reporter,
        hjorring_reporter,
        aalborg_operator,
        das_member,
        kkr_member,
        outsider,
    ]


@pytest.fixture
def debug_urls():
    """The URLconf as `make run` builds it: settings.DEBUG=True while urls.py is imported."""
    with override_settings(DEBUG=True):
        importlib.reload(socialaftale.urls)
        clear_url_caches()
        yield socialaftale.urls
    importlib.reload(socialaftale.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_a_stored_file_answers_404_on_media_for_everyone_even_with_debug(
    client, stored_document, every_persona, debug_urls
):
    path = f"/media/{stored_document.file.name}"
    with pytest.raises(Resolver404):
        resolve(path)
    for user in every_persona:
        client.logout()
        if user is not None:
            client.force_login(user)
        with override_settings(DEBUG=True):
            assert client.get(path).status_code == 404, user


@pytest.mark.django_db
def test_the_same_file_is_still_downloaded_through_its_view_by_those_who_may(
    client, stored_document, secretariat
):
    client.force_login(secretariat)
    response = client.get(f"/dokumenter/{stored_document.pk}/hent/")
    assert response.status_code == 200
    assert b"fortroligt" in b"".join(response.streaming_content)


def test_every_file_field_has_a_download_view_that_checks_access():
    fields = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    }
    assert fields == set(SERVED_BY)
    for view in SERVED_BY.values():
        module, name = view.rsplit(".", 1)
        assert callable(getattr(importlib.import_module(module), name)), view
