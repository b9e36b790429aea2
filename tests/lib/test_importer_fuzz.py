"""Fuzzing every importer through its service, its web upload and its command with generated
bad files (tests/fuzz_files.py). For every file: no exception escapes (the page answers 200
with the errors or redirects after a clean import, never 500; the command ends in a
CommandError, never a traceback), nothing is half-imported (row counts unchanged on refusal),
and no CPR-like digit run appears in any message, page, command output or log line."""

import logging
import re

import pytest
from django.core.management import CommandError
from hypothesis import given
from hypothesis import strategies as st

from monitoring.models import CitizenMonth
from monitoring.pseudonyms import is_pseudonym
from socialaftale.lib.imports import ImportRejected
from tests.fuzz import fuzz
from tests.fuzz_files import bad_file
from tests.importers_under_test import CITIZEN_LIST, IMPORTERS
from tests.lib.test_cpr_masking import cpr_like_runs

by_name = pytest.mark.parametrize("importer", IMPORTERS, ids=lambda i: i.name)
with_web_upload = pytest.mark.parametrize(
    "importer", [i for i in IMPORTERS if i.url], ids=lambda i: i.name
)
_HASH = re.compile(r"[0-9a-f]{64}")
_RANDOM_ATTRIBUTES = re.compile(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"')


@pytest.fixture
def small_row_limit(settings):
    """A citizen list's real row limit (a million) makes every dimension bomb cost a second;
    the limit itself is tested in test_upload_limits."""
    settings.IMPORT_LIMITS = {**settings.IMPORT_LIMITS, "citizen_list": {"max_rows": 5_000}}


def stored_keys_are_safe() -> bool:
    keys = CitizenMonth.objects.values_list("citizen", flat=True).distinct()
    return all(_HASH.fullmatch(key) or is_pseudonym(key) for key in keys)


@pytest.mark.django_db
@by_name
@fuzz
@given(data=st.data())
def test_the_service_refuses_bad_files_cleanly(importer, world, small_row_limit, caplog, data):
    content, filename = data.draw(bad_file(importer))
    caplog.clear()
    caplog.set_level(logging.DEBUG)
    before = importer.count()
    try:
        importer.run(content, filename, world)
    except ImportRejected as rejected:
        assert importer.count() == before
        messages = " ".join(str(error) for error in rejected.errors)
        assert messages and not cpr_like_runs(messages), messages
    assert not cpr_like_runs(caplog.text)
    assert stored_keys_are_safe()


@pytest.mark.django_db
@with_web_upload
@fuzz
@given(data=st.data())
def test_the_upload_page_answers_every_bad_file_with_the_form(
    importer, world, small_row_limit, client, data
):
    content, filename = data.draw(bad_file(importer))
    client.force_login(world.reporter if importer is CITIZEN_LIST else world.secretariat)
    before = importer.count()
    response = importer.post(client, content, filename, world)
    assert response.status_code in (200, 302)
    page = _RANDOM_ATTRIBUTES.sub("", response.content.decode())
    if "alert-danger" in page:
        assert importer.count() == before
    assert not cpr_like_runs(page)
    assert stored_keys_are_safe()


@pytest.mark.django_db
@by_name
@fuzz
@given(data=st.data())
def test_the_command_refuses_every_bad_file_in_danish(
    importer, world, small_row_limit, tmp_path, caplog, data
):
    content, filename = data.draw(bad_file(importer))
    path = tmp_path / filename
    path.write_bytes(content)
    caplog.clear()
    before = importer.count()
    try:
        output = importer.command(path, world)
    except CommandError as refused:
        assert importer.count() == before
        output = str(refused)
    assert not cpr_like_runs(output + caplog.text), output
    assert stored_keys_are_safe()
