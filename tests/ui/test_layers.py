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


# The layers from the bottom (ARCHITECTURE.md): an app may import only apps on a lower floor.
# Apps on the same floor (monitoring, enhanced_cooperation) do not import each other.
FLOORS = [
    {"socialaftale"},
    {"audit"},
    {"documents"},
    {"organisations"},
    {"offers"},
    {"tariffs", "notices"},
    {"submissions"},
    {"monitoring", "enhanced_cooperation"},
    {"meetings"},
    {"people", "annual_cycle"},
    {"portal"},
    {"demo"},
]
FLOOR = {app: floor for floor, apps in enumerate(FLOORS) for app in apps}


def local_apps() -> list[str]:
    root = Path(settings.BASE_DIR)
    return [app for app in settings.INSTALLED_APPS if (root / app / "__init__.py").exists()]


def app_imports() -> dict[str, dict[str, list[str]]]:
    """app -> the other apps it imports -> where (file:line), over every module of the app,
    migrations and management commands included, imports inside functions included."""
    root = Path(settings.BASE_DIR)
    apps = set(local_apps())
    graph: dict[str, dict[str, list[str]]] = {app: {} for app in apps}
    for app in apps:
        for path in sorted((root / app).rglob("*.py")):
            for module in imported_modules(path):
                target = module.split(".")[0]
                if target in apps and target != app:
                    graph[app].setdefault(target, []).append(str(path.relative_to(root)))
    return graph


def test_every_app_has_a_floor():
    assert sorted(set(local_apps()) - set(FLOOR)) == []


def test_no_app_imports_an_app_on_its_own_floor_or_above():
    upward = sorted(
        f"{app} -> {target} ({', '.join(sorted(set(where)))})"
        for app, targets in app_imports().items()
        for target, where in targets.items()
        if FLOOR[target] >= FLOOR[app]
    )
    assert upward == []


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle in a directed graph as [a, b, ..., a], or [] when there is none."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return path[path.index(node) :] + [node]
        if node in done:
            return []
        for target in sorted(graph.get(node, ())):
            if cycle := visit(target, path + [node]):
                return cycle
        done.add(node)
        return []

    for node in sorted(graph):
        if cycle := visit(node, []):
            return cycle
    return []


def test_the_import_graph_of_the_apps_has_no_cycle():
    graph = {app: set(targets) for app, targets in app_imports().items()}
    assert find_cycle(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []
