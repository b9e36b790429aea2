"""The demo data stands above every app (issue 12 #1): `demo/` may import any app, and no app,
nor the ground floor `socialaftale/`, imports `demo`."""

import ast
from pathlib import Path

from django.conf import settings

ABOVE_THE_APPS = {"demo", "tests", "bench"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_app_imports_the_demo_data():
    root = Path(settings.BASE_DIR)
    offenders = []
    for app in settings.INSTALLED_APPS:
        folder = root / app.split(".")[0]
        if folder.name in ABOVE_THE_APPS or not (folder / "__init__.py").exists():
            continue
        for path in sorted(folder.rglob("*.py")):
            if any(m == "demo" or m.startswith("demo.") for m in imported_modules(path)):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []


def test_every_demo_module_is_in_the_demo_app():
    root = Path(settings.BASE_DIR)
    stray = [
        str(path.relative_to(root))
        for path in root.glob("*/demo*.py")
        if path.parent.name not in ABOVE_THE_APPS
    ]
    assert stray == []
