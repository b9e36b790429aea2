"""The layers (issue 12 #1): `demo/` stands above every app and may import any of them, while no
app imports it; the ground floor `socialaftale/` imports no app."""

import ast
from pathlib import Path

from django.conf import settings

ABOVE_THE_APPS = {"demo", "portal", "tests", "bench"}


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


def test_the_ground_floor_imports_no_app():
    """`socialaftale/` (settings, urls, celery, lib) imports no app: the URLconf names apps only
    as strings, and the start page lives in the top app `portal`."""
    root = Path(settings.BASE_DIR)
    apps = {
        app
        for app in settings.INSTALLED_APPS
        if (root / app / "__init__.py").exists() and app != "socialaftale"
    }
    offenders = sorted(
        f"{path.relative_to(root)}: {module}"
        for path in (root / "socialaftale").rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in apps
    )
    assert offenders == []
