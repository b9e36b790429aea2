"""The meetings app stands above monitoring, tariffs, submissions and offers but imports none
of them (issue 12 #2): the generated agenda items come from the registry of agenda sources in
documents, which those apps fill in their AppConfig.ready()."""

import ast
from pathlib import Path

from django.conf import settings

OTHER_APPS = {"monitoring", "tariffs", "submissions", "offers"}


def imported_modules(path: Path) -> set[str]:
    """Every absolute module an import statement names, at any depth (imports inside
    functions too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_meetings_module_imports_monitoring_tariffs_submissions_or_offers():
    root = Path(settings.BASE_DIR)
    offenders = sorted(
        f"{path.relative_to(root)}: {module}"
        for path in sorted((root / "meetings").rglob("*.py"))
        if "migrations" not in path.parts
        for module in imported_modules(path)
        if module.split(".")[0] in OTHER_APPS
    )
    assert offenders == []
