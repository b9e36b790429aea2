"""Every user-facing string has a Danish translation, and the compiled catalogue is current."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

PO = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.po"


def entries():
    text = PO.read_text(encoding="utf-8")
    return [block for block in text.split("\n\n") if "msgid" in block][1:]  # skip the header


def test_no_entry_is_untranslated_or_fuzzy():
    empty = re.compile(r'^msgstr(\[\d\])? ""$(?!\n")', re.MULTILINE)
    bad = [block for block in entries() if "#, fuzzy" in block or empty.search(block)]
    assert bad == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (gettext) is not installed")
def test_the_committed_mo_file_is_compiled_from_the_po_file(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(PO)], check=True)
    assert compiled.read_bytes() == PO.with_suffix(".mo").read_bytes()


def test_the_interface_speaks_danish():
    with translation.override("da"):
        assert translation.gettext("Log in") == "Log ind"
        assert translation.gettext("Offers") == "Tilbud"
