"""No rules in templates (issue 12 #7, ARCHITECTURE.md house style 5): a template never asks
for the user's roles or compares a status to a literal; the view (or, for the main menu, the
organisations app's `menu` context processor) gives it booleans and labels."""

import re
from pathlib import Path

from django.conf import settings

ROLES = re.compile(r"\broles\.")
STATUS_LITERAL = re.compile(r"\bstatus\s*(==|!=)\s*[\"']|[\"']\s*(==|!=)\s*[\w.]*status\b")
# template: why it still has a rule.
ALLOWED: dict[str, str] = {}


def templates() -> list[tuple[str, str]]:
    root = Path(settings.BASE_DIR) / "templates"
    return [
        (str(path.relative_to(root)), path.read_text(encoding="utf-8"))
        for path in sorted(root.rglob("*.html"))
    ]


def test_no_template_asks_for_roles_or_compares_a_status_to_a_literal():
    found = [
        f"{name}:{number}: {line.strip()[:120]}"
        for name, text in templates()
        if name not in ALLOWED
        for number, line in enumerate(text.splitlines(), start=1)
        if ROLES.search(line) or STATUS_LITERAL.search(line)
    ]
    assert found == []


def test_every_allowed_template_still_exists():
    names = {name for name, _text in templates()}
    assert set(ALLOWED) <= names
